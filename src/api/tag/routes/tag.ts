import { factories } from '@strapi/strapi';

// Readers see published documents only (src/middlewares/published-only.ts).
const publishedOnly = { name: 'global::published-only', config: { uid: 'api::tag.tag' } };

export default factories.createCoreRouter('api::tag.tag', {
  config: {
    find: { middlewares: [publishedOnly] },
    findOne: { middlewares: [publishedOnly] },
  },
});
