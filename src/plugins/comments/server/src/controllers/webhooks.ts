import * as w from '../../../shared/contracts/webhooks';
import { getService } from '../utils/get-service';
import { parseWith } from '../validation/zod';
import type { AdminContext } from './admin-context';

// Only the route's own parameter: a GET under the admin prefix also carries the router's catch-all match (`0`).
const idOf = (ctx: AdminContext) => parseWith(w.WebhookParams, { id: ctx.params.id }).id;

const webhooks = () => ({
  async list(ctx: AdminContext) {
    ctx.body = await getService('webhooks').list();
  },

  async create(ctx: AdminContext) {
    const input = parseWith(w.WebhookCreateBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = await getService('webhooks').create(input);
  },

  async update(ctx: AdminContext) {
    const id = idOf(ctx);
    const input = parseWith(w.WebhookUpdateBody, ctx.request.body);
    ctx.body = await getService('webhooks').update(id, input);
  },

  async remove(ctx: AdminContext) {
    const id = idOf(ctx);
    ctx.body = await getService('webhooks').remove(id);
  },

  async test(ctx: AdminContext) {
    const id = idOf(ctx);
    ctx.body = await getService('webhooks').sendTest(id);
  },

  async deliveries(ctx: AdminContext) {
    const id = idOf(ctx);
    const { page, pageSize } = parseWith(w.DeliveriesQuery, ctx.query);
    ctx.body = await getService('webhooks').deliveries(id, { page: page ?? 1, pageSize: pageSize ?? 25 });
  },

  async redeliver(ctx: AdminContext) {
    const id = idOf(ctx);
    ctx.status = 202;
    ctx.body = await getService('webhooks').redeliver(id);
  },
});

export default webhooks;
