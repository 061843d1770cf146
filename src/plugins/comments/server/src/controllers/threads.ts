import { getService } from '../utils/get-service';
import {
  validateDocumentId,
  validatePostComment,
  validateStoryComplaint,
  validateThreadQuery,
} from '../validation/content-api';
import { pageOf, readerOf, type ApiContext } from './helpers';

const threads = () => ({
  /** The public thread: the same answer for every caller, so shared caches may keep it briefly. */
  async read(ctx: ApiContext) {
    const documentId = await validateDocumentId(ctx.params.documentId);
    const config = getService('settings').defaults();
    const query = await validateThreadQuery(config.thread.maxPageSize)(ctx.query);
    const page = {
      ...pageOf(query, config.thread.defaultPageSize),
      sort: (query.sort ?? 'oldest') as 'oldest' | 'newest',
    };
    const now = getService('clock').now();
    const thread = await getService('threads').resolve(documentId);

    const etag = getService('threads').etag(thread, page, now);
    ctx.set('ETag', etag);
    ctx.set('Cache-Control', 'public, max-age=5, stale-while-revalidate=30');
    if (ctx.get('If-None-Match') === etag) {
      ctx.status = 304;
      return;
    }
    ctx.type = 'application/json';
    ctx.body = await getService('threads').renderedPage(thread, page, now, etag);
  },

  async post(ctx: ApiContext) {
    const documentId = await validateDocumentId(ctx.params.documentId);
    const { data } = await validatePostComment(ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('comments').post(readerOf(ctx), documentId, data) };
  },

  /** A factual-error complaint about the story itself (not a comment), for its editors. */
  async complain(ctx: ApiContext) {
    const documentId = await validateDocumentId(ctx.params.documentId);
    const { data } = await validateStoryComplaint(ctx.request.body);
    ctx.body = { data: await getService('reports').complainAboutStory(readerOf(ctx), documentId, data) };
  },
});

export default threads;
