import * as c from '../../../shared/contracts/content-api';
import { getService } from '../utils/get-service';
import { parseWith } from '../validation/zod';
import { pageOf, readerOf, type ApiContext } from './helpers';

const comments = () => ({
  async replies(ctx: ApiContext) {
    const { commentId } = parseWith(c.CommentParams, ctx.params);
    const page = pageOf(parseWith(c.PageQuery, ctx.query), getService('settings').defaults().thread.defaultPageSize);
    ctx.set('Cache-Control', 'public, max-age=5, stale-while-revalidate=30');
    ctx.body = await getService('threads').replies(commentId, page);
  },

  async edit(ctx: ApiContext) {
    const { commentId } = parseWith(c.CommentParams, ctx.params);
    const { data } = parseWith(c.EditCommentBody, ctx.request.body);
    ctx.body = { data: await getService('comments').edit(readerOf(ctx), commentId, data.body) };
  },

  async withdraw(ctx: ApiContext) {
    const { commentId } = parseWith(c.CommentParams, ctx.params);
    ctx.body = { data: await getService('comments').withdraw(readerOf(ctx), commentId) };
  },

  async report(ctx: ApiContext) {
    const { commentId } = parseWith(c.CommentParams, ctx.params);
    const { data } = parseWith(c.ReportBody, ctx.request.body);
    ctx.body = { data: await getService('reports').report(readerOf(ctx), commentId, data) };
  },
});

export default comments;
