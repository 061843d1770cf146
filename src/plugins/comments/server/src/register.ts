import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';
import { threadCacheKey } from './services/threads';

// What an editor does to a story that can change what its thread shows (commenting, closing time, publication).
const STORY_CHANGES = new Set(['update', 'publish', 'unpublish', 'discardDraft', 'delete']);

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Every instance forgets a story's resolved thread once an editor's change to it is written.
  strapi.documents.use(async (context, next) => {
    const result = await next();
    const { documentId } = (context.params ?? {}) as { documentId?: string };
    if (
      documentId &&
      STORY_CHANGES.has(context.action) &&
      getService('settings').defaults().commentableTypes.includes(context.uid)
    ) {
      getService('read-cache').changed([threadCacheKey({ type: context.uid, documentId })]);
    }
    return result;
  });
};

export default register;
