import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type Schemas = Record<string, { attributes: Record<string, any>; options?: { draftAndPublish?: boolean } } | undefined>;
type Filters = Record<string, unknown>;

const isObject = (value: unknown): value is Filters =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const LOGICAL = new Set(['$and', '$or', '$not']);

/**
 * The relation filter, narrowed to published targets. `$and` composes with whatever the reader
 * sent (spreading `publishedAt` next to `$or` would mix operator and attribute keys, which the
 * query layer refuses). An operator on the relation itself (`$notNull`, `$eq` on an id) would
 * match draft targets too, and so tell that an unpublished story exists: it is refused.
 */
const publishedOnly = (nested: Filters, key: string): Filters => {
  if (Object.keys(nested).some((operator) => operator.startsWith('$') && !LOGICAL.has(operator))) {
    throw new errors.ValidationError(`Filter ${key} by its fields, e.g. filters[${key}][documentId][$eq]=…`, {
      code: 'INVALID_QUERY',
      param: 'filters',
    });
  }
  return { $and: [nested, { publishedAt: { $notNull: true } }] };
};

/**
 * Confines every relation filter to published targets. `status=published` keeps the documents
 * themselves published, but a type without draft & publish (tags) links to draft rows too, so
 * `/api/tags?filters[articles][title][$eq]=…` would tell whether an unpublished story exists.
 */
const publishedRelations = (strapi: Core.Strapi, uid: string, filters: unknown): unknown => {
  if (Array.isArray(filters)) return filters.map((item) => publishedRelations(strapi, uid, item));
  if (!isObject(filters)) return filters;
  const schema = (strapi.contentTypes as unknown as Schemas)[uid] ?? (strapi.components as unknown as Schemas)[uid];
  const result: Filters = {};
  for (const [key, value] of Object.entries(filters)) {
    const attribute = schema?.attributes[key];
    if (LOGICAL.has(key)) result[key] = publishedRelations(strapi, uid, value);
    else if (attribute?.type === 'relation' && attribute.target && isObject(value)) {
      const target = (strapi.contentTypes as unknown as Schemas)[attribute.target];
      const nested = publishedRelations(strapi, attribute.target, value) as Filters;
      result[key] = target?.options?.draftAndPublish ? publishedOnly(nested, key) : nested;
    } else if (attribute?.type === 'component' && isObject(value))
      result[key] = publishedRelations(strapi, attribute.component, value);
    else result[key] = value;
  }
  return result;
};

/**
 * Editorial reads for readers: Strapi 5 hands drafts to any role holding `find` when asked for
 * `status=draft`, so every caller but an API token (editors' tooling) gets published documents
 * only, whatever the query says, and relation filters match published documents only.
 */
export default (config: { uid: string }, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    if (ctx.state.auth?.strategy?.name !== 'content-api-token') {
      const query = { ...ctx.query, status: 'published' };
      if (query.filters) query.filters = publishedRelations(strapi, config.uid, query.filters);
      ctx.query = query;
    }
    await next();
  };
