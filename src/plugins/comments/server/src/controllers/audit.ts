import * as a from '../../../shared/contracts/admin';
import { getService } from '../utils/get-service';
import { sendCsv } from '../utils/csv';
import { parseWith } from '../validation/zod';
import type { AdminContext } from './admin-context';

/** The moderation audit across comments and readers: a filtered list and its CSV export. */
const audit = () => ({
  async list(ctx: AdminContext) {
    const { page, pageSize, ...filters } = parseWith(a.AuditQuery, ctx.query);
    ctx.body = await getService('audit').list(filters, { page: page ?? 1, pageSize: pageSize ?? 25 });
  },

  async export(ctx: AdminContext) {
    sendCsv(ctx, 'moderation-audit.csv', getService('audit').stream(parseWith(a.AuditExportQuery, ctx.query)));
  },
});

export default audit;
