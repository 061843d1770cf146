import { factories } from '@strapi/strapi';

// Readers see published documents only (src/middlewares/published-only.ts).
export default factories.createCoreRouter('api::figure.figure', {
  config: {
    find: { middlewares: ['global::published-only'] },
    findOne: { middlewares: ['global::published-only'] },
  },
});
