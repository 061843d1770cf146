import { factories } from '@strapi/strapi';

// Readers see published documents only (src/middlewares/published-only.ts).
const publishedOnly = { name: 'global::published-only', config: { uid: 'api::figure.figure' } };

export default factories.createCoreRouter('api::figure.figure', {
  config: {
    find: { middlewares: [publishedOnly] },
    findOne: { middlewares: [publishedOnly] },
  },
});
