import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import type { Reader } from '../utils/reader';
import { getService } from '../utils/get-service';

export type SubscriptionStatus = 'active' | 'cancelled' | 'expired' | 'none';

export interface SubscriptionSync {
  email: string;
  status: 'active' | 'cancelled' | 'expired';
  expiresAt?: string | null;
}

interface SubscriptionRow {
  id: number;
  email: string;
  status: 'active' | 'cancelled' | 'expired';
  expiresAt: string | null;
  syncedAt: string | null;
}

const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Subscriptions from the billing system, keyed by email: one stored before the account exists
 * applies as soon as an account with that email is confirmed, and only ever to a confirmed account.
 */
const subscriptions = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.subscription);

  return {
    async sync(input: SubscriptionSync) {
      const email = normalizeEmail(input.email);
      const data = { status: input.status, expiresAt: input.expiresAt ?? null, syncedAt: getService('clock').now() };
      const write = async () => {
        const existing = await query().findOne({ where: { email } });
        return existing
          ? query().update({ where: { id: existing.id }, data })
          : query().create({ data: { email, ...data } });
      };
      try {
        return await strapi.db.transaction(write);
      } catch (error) {
        // Two syncs for a new email raced on the unique index: the second one now updates.
        if (await query().findOne({ where: { email } })) return strapi.db.transaction(write);
        throw error;
      }
    },

    async forEmail(email: string): Promise<SubscriptionRow | null> {
      return query().findOne({ where: { email: normalizeEmail(email) } });
    },

    /** What the reader's subscription amounts to right now. */
    async statusOf(reader: Reader): Promise<{ status: SubscriptionStatus; expiresAt: string | null; active: boolean }> {
      const row = await this.forEmail(reader.email);
      if (!row) return { status: 'none', expiresAt: null, active: false };
      const lapsed = row.expiresAt !== null && new Date(row.expiresAt).getTime() <= getService('clock').now().getTime();
      const status: SubscriptionStatus = row.status === 'active' && lapsed ? 'expired' : row.status;
      return { status, expiresAt: row.expiresAt, active: status === 'active' && reader.confirmed === true };
    },

    async removeForEmail(email: string): Promise<void> {
      await query().deleteMany({ where: { email: normalizeEmail(email) } });
    },
  };
};

export type SubscriptionsService = ReturnType<typeof subscriptions>;
export default subscriptions;
