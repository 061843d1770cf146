import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import type { AdminUser } from '../utils/admin';
import type { ComplaintResolution } from '../services/editorial';
import { validateComplaintResolution, validateComplaintsQuery, validateDocumentIdParam } from '../validation/admin';

type AdminContext = Context & {
  params: Record<string, string>;
  request: Context['request'] & { body?: unknown };
  state: { user: AdminUser };
};

const editorial = () => ({
  async complaints(ctx: Context) {
    const query = await validateComplaintsQuery(ctx.query);
    ctx.body = await getService('editorial').complaints(
      { article: query.article },
      { page: query.page ? Number(query.page) : 1, pageSize: query.pageSize ? Number(query.pageSize) : 25 }
    );
  },

  async resolve(ctx: AdminContext) {
    const documentId = await validateDocumentIdParam(ctx.params.documentId);
    const input = (await validateComplaintResolution(ctx.request.body)) as ComplaintResolution;
    ctx.body = { data: await getService('editorial').resolve(ctx.state.user, documentId, input) };
  },

  async article(ctx: Context & { params: Record<string, string> }) {
    ctx.body = await getService('editorial').articleSummary(await validateDocumentIdParam(ctx.params.documentId));
  },
});

export default editorial;
