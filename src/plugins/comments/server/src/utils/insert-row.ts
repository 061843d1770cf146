import type { Core, UID as StrapiUID } from '@strapi/strapi';

interface ScalarAttribute {
  type: string;
  default?: unknown;
}

// The id comes from the database; relations and components are not columns of the row.
const NOT_WRITTEN = new Set(['increments', 'relation', 'component', 'dynamiczone', 'media']);

/**
 * The Query Engine's `create` without its read-back (it inserts, then selects the row again): the
 * defaults it would apply (documentId, timestamps, schema defaults) are applied here, the row is
 * inserted with `createMany` (the same conversions, no select), and the row as a read-back would
 * give it is answered: what was written, null in the other columns.
 */
export const insertRow = async <Row>(
  strapi: Core.Strapi,
  uid: StrapiUID.Schema,
  data: Record<string, unknown>
): Promise<Row> => {
  const { attributes } = strapi.db.metadata.get(uid);
  const written: Record<string, unknown> = { ...data };
  const unset: Record<string, null> = {};
  for (const [name, attribute] of Object.entries(attributes as Record<string, ScalarAttribute>)) {
    if (written[name] !== undefined || NOT_WRITTEN.has(attribute.type)) continue;
    if (attribute.default === undefined) unset[name] = null;
    else written[name] = typeof attribute.default === 'function' ? attribute.default() : attribute.default;
  }
  const { ids } = await strapi.db.query(uid).createMany({ data: [written] });
  return { ...unset, ...written, id: ids[0] } as Row;
};
