import type { Core } from '@strapi/strapi';

type Schemas = Record<string, { attributes: Record<string, any> } | undefined>;
type Visitor = (uid: string, entry: Record<string, unknown>) => void;

/**
 * Visits every entry of a Document Service result together with its content-type uid, following
 * relations to their targets and components to their schemas, so computed fields can be added
 * wherever a type appears (Strapi populates relations without calling the target's controller).
 */
export const walkDocuments = (strapi: Core.Strapi, uid: string, value: unknown, visit: Visitor, depth = 0): void => {
  if (value === null || value === undefined || depth > 20) return;
  if (Array.isArray(value)) {
    for (const item of value) walkDocuments(strapi, uid, item, visit, depth);
    return;
  }
  if (typeof value !== 'object') return;
  const entry = value as Record<string, unknown>;
  const schema = (strapi.contentTypes as unknown as Schemas)[uid] ?? (strapi.components as unknown as Schemas)[uid];
  if (!schema) return;
  visit(uid, entry);
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    const nested = entry[name];
    if (nested === undefined || nested === null) continue;
    if (attribute.type === 'relation' && attribute.target)
      walkDocuments(strapi, attribute.target, nested, visit, depth + 1);
    else if (attribute.type === 'component') walkDocuments(strapi, attribute.component, nested, visit, depth + 1);
    else if (attribute.type === 'dynamiczone' && Array.isArray(nested)) {
      for (const item of nested)
        if (item && typeof item === 'object')
          walkDocuments(strapi, (item as { __component: string }).__component, item, visit, depth + 1);
    }
  }
};
