import type { Core } from '@strapi/strapi';

/** Types whose `slug` the server fills from another field when a write leaves it empty. */
const SLUG_SOURCES: Record<string, string> = {
  'api::article.article': 'title',
  'api::person.person': 'name',
  'api::tag.tag': 'name',
};

/**
 * REST does not fill a `uid` field from its target (only the admin's edit view does), so creates
 * and updates without a slug get a unique one from the content-manager's uid service.
 */
export const registerSlugFilling = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    const source = SLUG_SOURCES[context.uid];
    const params = context.params as { data?: Record<string, unknown>; locale?: string };
    if (source && (context.action === 'create' || context.action === 'update') && params.data) {
      const { data } = params;
      const missing = context.action === 'create' ? !data.slug : 'slug' in data && !data.slug;
      if (missing && typeof data[source] === 'string' && (data[source] as string).trim()) {
        data.slug = await strapi.plugin('content-manager').service('uid').generateUIDField({
          contentTypeUID: context.uid,
          field: 'slug',
          data,
          locale: params.locale,
        });
      }
    }
    return next();
  });
};
