import { factories } from '@strapi/strapi';

// Readers see published documents only (src/middlewares/published-only.ts).
const publishedOnly = { name: 'global::published-only', config: { uid: 'api::person.person' } };

export default factories.createCoreRouter('api::person.person', {
  config: {
    find: { middlewares: [publishedOnly] },
    findOne: { middlewares: [publishedOnly] },
  },
});
