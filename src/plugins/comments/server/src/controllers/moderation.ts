import * as a from '../../../shared/contracts/admin';
import { getService } from '../utils/get-service';
import { sendCsv } from '../utils/csv';
import { parseWith } from '../validation/zod';
import type { AdminContext } from './admin-context';

const DEFAULT_PAGE_SIZE = 25;
const DEFAULT_DASHBOARD_DAYS = 30;

const moderation = () => ({
  async queue(ctx: AdminContext) {
    const query = parseWith(a.QueueQuery, ctx.query);
    ctx.body = await getService('queue').list({
      ...query,
      queue: query.queue ?? 'reported',
      sort: query.sort ?? 'priority',
      page: query.page ?? 1,
      pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
    });
  },

  async stories(ctx: AdminContext) {
    const query = parseWith(a.StoriesQuery, ctx.query);
    ctx.body = { data: await getService('threads').findStories(query) };
  },

  async comment(ctx: AdminContext) {
    const { documentId } = parseWith(a.DocumentIdParams, ctx.params);
    ctx.body = await getService('comment-context').detail(documentId);
  },

  async act(ctx: AdminContext) {
    const { documentId } = parseWith(a.DocumentIdParams, ctx.params);
    const input = parseWith(a.ActionBody, ctx.request.body);
    ctx.body = { data: await getService('moderation').act(ctx.state.user, documentId, input) };
  },

  async bulk(ctx: AdminContext) {
    const input = parseWith(a.BulkBody, ctx.request.body);
    ctx.body = { data: await getService('moderation').bulk(ctx.state.user, input) };
  },

  async sanction(ctx: AdminContext) {
    const { userId } = parseWith(a.UserIdParams, ctx.params);
    const input = parseWith(a.SanctionBody, ctx.request.body);
    ctx.body = { data: await getService('sanctions').apply(ctx.state.user, userId, input) };
  },

  async stats(ctx: AdminContext) {
    ctx.body = await getService('stats').overview();
  },

  async dashboard(ctx: AdminContext) {
    const { days } = parseWith(a.DashboardQuery, ctx.query);
    ctx.body = await getService('stats').dashboard(Number(days ?? DEFAULT_DASHBOARD_DAYS));
  },

  async register(ctx: AdminContext) {
    const range = parseWith(a.RangeQuery, ctx.query);
    sendCsv(ctx, 'complaints-register.csv', getService('complaints-register').stream(range));
  },
});

export default moderation;
