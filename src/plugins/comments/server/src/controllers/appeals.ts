import * as a from '../../../shared/contracts/admin';
import { getService } from '../utils/get-service';
import { parseWith } from '../validation/zod';
import type { AdminContext } from './admin-context';

/** The moderators' appeals queue and its resolutions. */
const appeals = () => ({
  async queue(ctx: AdminContext) {
    const { state, page, pageSize } = parseWith(a.AppealsQuery, ctx.query);
    ctx.body = await getService('appeals').queue(state, { page: page ?? 1, pageSize: pageSize ?? 25 });
  },

  async resolve(ctx: AdminContext) {
    const { documentId } = parseWith(a.DocumentIdParams, ctx.params);
    const input = parseWith(a.AppealResolutionBody, ctx.request.body);
    const may = (action: string) => Boolean(ctx.state.userAbility?.can(action));
    ctx.body = { data: await getService('appeals').resolve(ctx.state.user, documentId, input, may) };
  },
});

export default appeals;
