import type { Core } from '@strapi/strapi';
import { EVENTS, UID } from '../constants';
import type { Reader } from '../utils/reader';
import { getService } from '../utils/get-service';
import { SYSTEM_ACTOR, type Actor } from './audit';

export type SubscriptionStatus = 'active' | 'cancelled' | 'expired' | 'none';

export interface SubscriptionSync {
  email: string;
  status: 'active' | 'cancelled' | 'expired';
  expiresAt?: string | null;
}

interface SubscriptionRow {
  id: number;
  documentId: string;
  email: string;
  status: 'active' | 'cancelled' | 'expired';
  expiresAt: string | null;
  syncedAt: string | null;
}

const normalizeEmail = (email: string) => email.trim().toLowerCase();

// What the audit keeps of a subscription: its state, never the email.
const stateOf = (row: SubscriptionRow) => ({
  status: row.status,
  expiresAt: row.expiresAt ? new Date(row.expiresAt).toISOString() : null,
});

/**
 * Subscriptions from the billing system, keyed by email: one stored before the account exists
 * applies as soon as an account with that email is confirmed, and only ever to a confirmed account.
 */
const subscriptions = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.subscription);

  return {
    /** One sync from the billing system (`actor`: the API token that sent it), audited with before and after. */
    async sync(input: SubscriptionSync, actor: Actor = SYSTEM_ACTOR) {
      const email = normalizeEmail(input.email);
      const data = { status: input.status, expiresAt: input.expiresAt ?? null, syncedAt: getService('clock').now() };
      const write = async ({ onCommit }: { onCommit: (callback: () => void) => void }) => {
        const existing: SubscriptionRow | null = await query().findOne({ where: { email } });
        const row: SubscriptionRow = existing
          ? await query().update({ where: { id: existing.id }, data })
          : await query().create({ data: { email, ...data } });
        const account = await strapi.db
          .query('plugin::users-permissions.user')
          .findOne({ where: { email: { $eqi: email } }, select: ['id', 'documentId'] });
        await getService('audit').record({
          action: 'subscription-synced',
          actor,
          subjectUserId: account?.id ?? null,
          before: existing && stateOf(existing),
          after: { subscription: row.id, ...stateOf(row) },
        });
        await getService('events').record(onCommit, EVENTS.subscriptionSynced, {
          subscription: row.documentId,
          user: account?.documentId ?? null,
          ...stateOf(row),
        });
        return row;
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
