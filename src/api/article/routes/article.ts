import { factories } from '@strapi/strapi';

// Readers see published documents only (src/middlewares/published-only.ts).
const publishedOnly = { name: 'global::published-only', config: { uid: 'api::article.article' } };

export default factories.createCoreRouter('api::article.article', {
  config: {
    find: { middlewares: [publishedOnly] },
    findOne: { middlewares: [publishedOnly] },
  },
});
