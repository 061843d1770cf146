import { errors } from '@strapi/utils';
import * as c from '../../../shared/contracts/content-api';
import { getService } from '../utils/get-service';
import { parseWith } from '../validation/zod';
import { pageOf, readerOf, type ApiContext } from './helpers';

const threads = () => ({
  /** The public thread: the same answer for every caller, so shared caches may keep it briefly. */
  async read(ctx: ApiContext) {
    const { documentId } = parseWith(c.ThreadParams, ctx.params);
    const config = getService('settings').defaults();
    const request = pageOf(parseWith(c.ThreadQuery, ctx.query), config.thread.defaultPageSize);
    if (request.pageSize > config.thread.maxPageSize) {
      throw new errors.ValidationError(`pagination[pageSize] must be at most ${config.thread.maxPageSize}`);
    }
    const page = {
      page: request.page,
      pageSize: request.pageSize,
      sort: request.direction === 'desc' ? ('newest' as const) : ('oldest' as const),
      withCount: request.withCount !== false,
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
    const { documentId } = parseWith(c.ThreadParams, ctx.params);
    const { data } = parseWith(c.PostCommentBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService('comments').post(readerOf(ctx), documentId, data) };
  },

  /** A factual-error complaint about the story itself (not a comment), for its editors. */
  async complain(ctx: ApiContext) {
    const { documentId } = parseWith(c.ThreadParams, ctx.params);
    const { data } = parseWith(c.StoryComplaintBody, ctx.request.body);
    ctx.body = { data: await getService('reports').complainAboutStory(readerOf(ctx), documentId, data) };
  },
});

export default threads;
