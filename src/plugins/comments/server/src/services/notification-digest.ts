import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { getService } from '../utils/get-service';
import { fullTimeWindowStartAt } from '../rules/cover-calendar';
import { URGENT_REASONS } from '../rules/notifications';

/**
 * The duty moderators' side of the notifications: the digest of the open queue at the start of
 * each full-time window, sent once per window whatever the number of instances (the instance
 * whose insert of the window's unique row succeeds sends it), and the duty list itself.
 */
const notificationDigest = ({ strapi }: { strapi: Core.Strapi }) => {
  const digests = () => strapi.db.query(UID.notificationDigest);

  /** Claims the window: false if another instance (or an earlier run) already did. */
  const claim = async (windowStart: string, recipients: number): Promise<boolean> => {
    if (await digests().findOne({ where: { windowStart }, select: ['id'] })) return false;
    try {
      await digests().create({ data: { windowStart, recipients } });
      return true;
    } catch {
      // The unique window start: another instance claimed it between the read and the insert.
      return false;
    }
  };

  const queueCounts = async () => {
    const [openItems, openReports, urgentReports] = await Promise.all([
      strapi.db.query(UID.comment).count({ where: { needsReview: true } }),
      strapi.db.query(UID.report).count({ where: { state: 'open', target: 'comment' } }),
      strapi.db
        .query(UID.report)
        .count({ where: { state: 'open', target: 'comment', reason: { $in: URGENT_REASONS } } }),
    ]);
    return { openItems: String(openItems), openReports: String(openReports), urgentReports: String(urgentReports) };
  };

  return {
    /** Sends the digest if a full-time window opened less than the grace period ago and nobody sent it yet. */
    async sendIfDue(): Promise<void> {
      const config = await getService('settings').get();
      const { dutyModerators, digestGraceMinutes } = config.notifications;
      if (dutyModerators.length === 0) return;
      const now = getService('clock').now();
      const start = fullTimeWindowStartAt(now, config.schedule);
      if (!start || now.getTime() - start.getTime() > digestGraceMinutes * 60_000) return;
      if (!(await claim(start.toISOString(), dutyModerators.length))) return;
      const vars = await queueCounts();
      for (const to of dutyModerators) {
        await getService('notifications').deliver({ kind: 'duty-digest', to, userId: null, vars }, config);
      }
    },

    /** A duty moderator's unsubscribe: off the list in the stored settings (audited, as every settings change). */
    async removeDutyModerator(email: string): Promise<void> {
      const settings = getService('settings');
      const current = (await settings.get()).notifications.dutyModerators;
      const kept = current.filter((address) => address.toLowerCase() !== email.toLowerCase());
      if (kept.length === current.length) return;
      const overrides = await settings.overrides();
      await settings.setOverrides({
        ...overrides,
        notifications: { ...overrides.notifications, dutyModerators: kept },
      });
    },
  };
};

export type NotificationDigestService = ReturnType<typeof notificationDigest>;
export default notificationDigest;
