import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { validateComplaintsQuery, validateDocumentIdParam } from '../validation/admin';

const editorial = () => ({
  async complaints(ctx: Context) {
    const query = await validateComplaintsQuery(ctx.query);
    ctx.body = await getService('editorial').complaints(
      { article: query.article },
      { page: query.page ? Number(query.page) : 1, pageSize: query.pageSize ? Number(query.pageSize) : 25 }
    );
  },

  async article(ctx: Context & { params: Record<string, string> }) {
    ctx.body = await getService('editorial').articleSummary(await validateDocumentIdParam(ctx.params.documentId));
  },
});

export default editorial;
