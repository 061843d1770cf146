import * as a from '../../../shared/contracts/admin';
import { getService } from '../utils/get-service';
import { parseWith } from '../validation/zod';
import type { AdminContext } from './admin-context';

const editorial = () => ({
  async complaints(ctx: AdminContext) {
    const { article, page, pageSize } = parseWith(a.ComplaintsQuery, ctx.query);
    ctx.body = await getService('editorial').complaints({ article }, { page: page ?? 1, pageSize: pageSize ?? 25 });
  },

  async resolve(ctx: AdminContext) {
    const { documentId } = parseWith(a.DocumentIdParams, ctx.params);
    const input = parseWith(a.ComplaintResolutionBody, ctx.request.body);
    ctx.body = { data: await getService('editorial').resolve(ctx.state.user, documentId, input) };
  },

  async figure(ctx: AdminContext) {
    const { documentId } = parseWith(a.DocumentIdParams, ctx.params);
    ctx.body = await getService('editorial').figureSummary(documentId);
  },

  async article(ctx: AdminContext) {
    const { documentId } = parseWith(a.DocumentIdParams, ctx.params);
    ctx.body = await getService('editorial').articleSummary(documentId);
  },
});

export default editorial;
