import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import type { AdminUser } from '../utils/admin';
import type { AppealState } from '../rules/appeals';
import type { Resolution } from '../services/appeals';
import { validateAppealResolution, validateAppealsQuery, validateDocumentIdParam } from '../validation/admin';

type AdminContext = Context & {
  params: Record<string, string>;
  request: Context['request'] & { body?: unknown };
  state: { user: AdminUser; userAbility?: { can(action: string): boolean } };
};

/** The moderators' appeals queue and its resolutions. */
const appeals = () => ({
  async queue(ctx: AdminContext) {
    const query = await validateAppealsQuery(ctx.query);
    ctx.body = await getService('appeals').queue(query.state as AppealState | undefined, {
      page: query.page ? Number(query.page) : 1,
      pageSize: query.pageSize ? Number(query.pageSize) : 25,
    });
  },

  async resolve(ctx: AdminContext) {
    const documentId = await validateDocumentIdParam(ctx.params.documentId);
    const input = (await validateAppealResolution(ctx.request.body)) as Resolution;
    const may = (action: string) => Boolean(ctx.state.userAbility?.can(action));
    ctx.body = { data: await getService('appeals').resolve(ctx.state.user, documentId, input, may) };
  },
});

export default appeals;
