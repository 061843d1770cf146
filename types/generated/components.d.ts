import type { Schema, Struct } from '@strapi/strapi';

export interface EditorialBreakdownItem extends Struct.ComponentSchema {
  collectionName: 'components_editorial_breakdown_items';
  info: {
    description: 'One part of a figure, e.g. 55 shot down out of 83 drones.';
    displayName: 'Breakdown item';
  };
  attributes: {
    label: Schema.Attribute.String &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMaxLength<{
        maxLength: 200;
      }>;
    value: Schema.Attribute.Decimal & Schema.Attribute.Required;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'editorial.breakdown-item': EditorialBreakdownItem;
    }
  }
}
