import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { validateAuditExportQuery, validateAuditQuery } from '../validation/admin';
import { pageOf } from './helpers';
import { sendCsv } from '../utils/csv';

/** The moderation audit across comments and readers: a filtered list and its CSV export. */
const audit = () => ({
  async list(ctx: Context) {
    const { page, pageSize, ...filters } = await validateAuditQuery(ctx.query);
    ctx.body = await getService('audit').list(filters, pageOf({ page, pageSize }, 25));
  },

  async export(ctx: Context) {
    const filters = await validateAuditExportQuery(ctx.query);
    sendCsv(ctx, 'moderation-audit.csv', getService('audit').stream(filters));
  },
});

export default audit;
