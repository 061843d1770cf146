import * as c from '../../../shared/contracts/content-api';
import { getService } from '../utils/get-service';
import { escapeHtml } from '../rules/notification-templates';
import { parseWith } from '../validation/zod';
import type { ApiContext } from './helpers';

/** The unsubscribe link of every notification email. */
const notifications = () => ({
  /** The page the link opens: a button, since a GET must not unsubscribe (mail scanners follow links). */
  async confirm(ctx: ApiContext) {
    const { token } = parseWith(c.UnsubscribeQuery, ctx.query);
    ctx.type = 'text/html';
    ctx.body =
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title></head><body>' +
      '<h1>Stop these emails?</h1><form method="post" action="?token=' +
      escapeHtml(encodeURIComponent(token)) +
      '"><input type="hidden" name="List-Unsubscribe" value="One-Click">' +
      '<button type="submit">Unsubscribe</button></form></body></html>';
  },

  async unsubscribe(ctx: ApiContext) {
    const { token } = parseWith(c.UnsubscribeQuery, ctx.query);
    ctx.body = { data: await getService('notifications').unsubscribe(token) };
  },
});

export default notifications;
