import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import type { AdminUser } from '../utils/admin';
import type { Queue } from '../services/queue';
import type { ActionInput, BulkInput } from '../services/moderation';
import type { SanctionInput } from '../services/sanctions';
import { sendCsv } from '../utils/csv';
import {
  validateAction,
  validateBulk,
  validateDocumentIdParam,
  validateQueueQuery,
  validateRange,
  validateSanction,
} from '../validation/admin';

type AdminContext = Context & {
  params: Record<string, string>;
  request: Context['request'] & { body?: unknown };
  state: { user: AdminUser };
};

const moderation = () => ({
  async queue(ctx: AdminContext) {
    const query = await validateQueueQuery(ctx.query);
    ctx.body = await getService('queue').list({
      queue: (query.queue ?? 'reported') as Queue,
      reason: query.reason,
      article: query.article,
      from: query.from,
      to: query.to,
      sort: (query.sort ?? 'priority') as 'priority' | 'oldest' | 'newest',
      page: query.page ? Number(query.page) : 1,
      pageSize: query.pageSize ? Number(query.pageSize) : 25,
    });
  },

  async comment(ctx: AdminContext) {
    ctx.body = await getService('queue').detail(await validateDocumentIdParam(ctx.params.documentId));
  },

  async act(ctx: AdminContext) {
    const documentId = await validateDocumentIdParam(ctx.params.documentId);
    const input = (await validateAction(ctx.request.body)) as ActionInput;
    ctx.body = { data: await getService('moderation').act(ctx.state.user, documentId, input) };
  },

  async bulk(ctx: AdminContext) {
    const input = (await validateBulk(ctx.request.body)) as BulkInput;
    ctx.body = { data: await getService('moderation').bulk(ctx.state.user, input) };
  },

  async sanction(ctx: AdminContext) {
    const userId = await validateDocumentIdParam(ctx.params.userId);
    const input = (await validateSanction(ctx.request.body)) as SanctionInput;
    ctx.body = { data: await getService('sanctions').apply(ctx.state.user, userId, input) };
  },

  async stats(ctx: AdminContext) {
    ctx.body = await getService('stats').overview();
  },

  async register(ctx: AdminContext) {
    const range = await validateRange(ctx.query);
    sendCsv(ctx, 'complaints-register.csv', getService('complaints-register').stream(range));
  },
});

export default moderation;
