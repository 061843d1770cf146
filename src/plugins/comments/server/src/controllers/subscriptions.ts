import { getService } from '../utils/get-service';
import type { Actor } from '../services/audit';
import { SubscriptionSyncBody } from '../../../shared/contracts/content-api';
import { parseWith } from '../validation/zod';
import type { ApiContext } from './helpers';

/** The API token Strapi authenticated the request with (the route takes no other credentials). */
const apiTokenActor = (ctx: ApiContext): Actor => {
  const token = (ctx.state.auth as { credentials?: { id?: number; name?: string } } | undefined)?.credentials;
  return { type: 'api-token', id: token?.id ?? null, name: token?.name ?? null };
};

const subscriptions = () => ({
  /** Server-to-server sync from the billing system (API token only). */
  async sync(ctx: ApiContext) {
    const { data } = parseWith(SubscriptionSyncBody, ctx.request.body);
    const row = await getService('subscriptions').sync(data, apiTokenActor(ctx));
    ctx.body = { data: { email: row.email, status: row.status, expiresAt: row.expiresAt, syncedAt: row.syncedAt } };
  },
});

export default subscriptions;
