import { getService } from '../utils/get-service';
import { validateDocumentId, validateEditComment, validatePageQuery, validateReport } from '../validation/content-api';
import { pageOf, readerOf, type ApiContext } from './helpers';

const comments = () => ({
  async replies(ctx: ApiContext) {
    const documentId = await validateDocumentId(ctx.params.commentId);
    const config = getService('settings').defaults();
    const query = await validatePageQuery(config.thread.maxPageSize)(ctx.query);
    ctx.set('Cache-Control', 'public, max-age=5, stale-while-revalidate=30');
    ctx.body = await getService('threads').replies(documentId, pageOf(query, config.thread.defaultPageSize));
  },

  async edit(ctx: ApiContext) {
    const documentId = await validateDocumentId(ctx.params.commentId);
    const { data } = await validateEditComment(ctx.request.body);
    ctx.body = { data: await getService('comments').edit(readerOf(ctx), documentId, data.body) };
  },

  async withdraw(ctx: ApiContext) {
    const documentId = await validateDocumentId(ctx.params.commentId);
    ctx.body = { data: await getService('comments').withdraw(readerOf(ctx), documentId) };
  },

  async report(ctx: ApiContext) {
    const documentId = await validateDocumentId(ctx.params.commentId);
    const { data } = await validateReport(ctx.request.body);
    ctx.body = { data: await getService('reports').report(readerOf(ctx), documentId, data) };
  },
});

export default comments;
