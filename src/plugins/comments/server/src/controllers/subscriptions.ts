import { getService } from '../utils/get-service';
import { validateSubscriptionSync } from '../validation/content-api';
import type { ApiContext } from './helpers';

const subscriptions = () => ({
  /** Server-to-server sync from the billing system (API token only). */
  async sync(ctx: ApiContext) {
    const { data } = await validateSubscriptionSync(ctx.request.body);
    const row = await getService('subscriptions').sync(data);
    ctx.body = { data: { email: row.email, status: row.status, expiresAt: row.expiresAt, syncedAt: row.syncedAt } };
  },
});

export default subscriptions;
