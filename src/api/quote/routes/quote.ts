import { factories } from '@strapi/strapi';

// Readers see published documents only (src/middlewares/published-only.ts).
const publishedOnly = { name: 'global::published-only', config: { uid: 'api::quote.quote' } };

export default factories.createCoreRouter('api::quote.quote', {
  config: {
    find: { middlewares: [publishedOnly] },
    findOne: { middlewares: [publishedOnly] },
  },
});
