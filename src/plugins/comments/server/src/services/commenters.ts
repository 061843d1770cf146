import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { REFUSAL, UID, type RefusalCode } from '../constants';
import type { Reader } from '../utils/reader';
import { getService } from '../utils/get-service';
import { refusal } from '../utils/errors';
import { placeholderFields } from '../rules/policy-completeness';
import { commentsRepository } from '../repositories/comments';

export interface CommenterProfile {
  id: number;
  userId: number;
  displayName: string | null;
  termsVersion: string | null;
  termsAcceptedAt: string | null;
  sanction: 'none' | 'suspended' | 'banned';
  suspendedUntil: string | null;
  sanctionReason: string | null;
  version: number;
  notifyReplies: boolean | null;
  notifyReportOutcomes: boolean | null;
}

/** The optional notification emails a reader chose (moderation notices are legal notices: always sent). */
export interface NotificationPreferences {
  replies: boolean;
  reportOutcomes: boolean;
}

export interface Eligibility {
  canComment: boolean;
  code: RefusalCode | null;
  message: string | null;
}

// Display names are public: no links or addresses that would make them adverts or doxxing.
const LOOKS_LIKE_URL_OR_EMAIL =
  /@|:\/\/|www\.|\b[a-z0-9-]+\.(com|net|org|io|co|uk|info|biz|xyz|ru|de|fr|app|dev|me|tv|ly)\b/i;

const REFUSAL_MESSAGES: Partial<Record<RefusalCode, string>> = {
  [REFUSAL.COMMENTING_BANNED]: 'You are banned from commenting.',
  [REFUSAL.COMMENTING_SUSPENDED]: 'Your commenting is suspended.',
  [REFUSAL.SUBSCRIPTION_REQUIRED]: 'Commenting is open to subscribers only.',
  [REFUSAL.TERMS_NOT_ACCEPTED]: 'Accept the current commenting terms first.',
  [REFUSAL.POLICY_MISSING]: 'Commenting is not available until the community policy is published.',
  [REFUSAL.POLICY_INCOMPLETE]: 'Commenting is not open yet: the community policy still holds placeholder text.',
};

const defaultDisplayName = (reader: Reader) =>
  reader.username &&
  !LOOKS_LIKE_URL_OR_EMAIL.test(reader.username) &&
  reader.username.length <= 40 &&
  reader.username.length >= 2
    ? reader.username
    : `Reader ${reader.documentId.slice(0, 6)}`;

/** Commenter profiles (one per users-permissions user) and who may comment right now. */
const commenters = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.commenter);

  return {
    async profileOf(reader: Reader): Promise<CommenterProfile> {
      const existing = await query().findOne({ where: { userId: reader.id } });
      if (existing) return existing;
      try {
        return await query().create({
          data: { userId: reader.id, displayName: defaultDisplayName(reader), sanction: 'none', version: 1 },
        });
      } catch (error) {
        // Two first requests raced on the unique userId: the other one created it.
        const created = await query().findOne({ where: { userId: reader.id } });
        if (created) return created;
        throw error;
      }
    },

    async findByUserId(userId: number): Promise<CommenterProfile | null> {
      return query().findOne({ where: { userId } });
    },

    /** Sanction in force at `now`; a suspension whose end has passed no longer counts. */
    sanctionAt(profile: CommenterProfile, now: Date): 'none' | 'suspended' | 'banned' {
      if (profile.sanction === 'suspended' && profile.suspendedUntil && new Date(profile.suspendedUntil) <= now)
        return 'none';
      return profile.sanction;
    },

    async eligibility(reader: Reader, profile?: CommenterProfile): Promise<Eligibility> {
      const current = profile ?? (await this.profileOf(reader));
      const now = getService('clock').now();
      const refuse = (code: RefusalCode): Eligibility => ({
        canComment: false,
        code,
        message: REFUSAL_MESSAGES[code] ?? null,
      });

      const sanction = this.sanctionAt(current, now);
      if (sanction === 'banned') return refuse(REFUSAL.COMMENTING_BANNED);
      if (sanction === 'suspended') return refuse(REFUSAL.COMMENTING_SUSPENDED);
      if (!(await getService('subscriptions').statusOf(reader)).active) return refuse(REFUSAL.SUBSCRIPTION_REQUIRED);
      const policy = await getService('policy').readiness();
      if (!policy.termsVersion) return refuse(REFUSAL.POLICY_MISSING);
      if (policy.placeholders.length > 0) return refuse(REFUSAL.POLICY_INCOMPLETE);
      if (current.termsVersion !== policy.termsVersion) return refuse(REFUSAL.TERMS_NOT_ACCEPTED);
      return { canComment: true, code: null, message: null };
    },

    /** Throws 403 with the refusal code unless the reader may comment now. */
    async assertCanComment(reader: Reader): Promise<CommenterProfile> {
      const profile = await this.profileOf(reader);
      const eligibility = await this.eligibility(reader, profile);
      if (!eligibility.canComment) {
        const details =
          eligibility.code === REFUSAL.COMMENTING_SUSPENDED ? { suspendedUntil: profile.suspendedUntil } : {};
        throw refusal(eligibility.message ?? 'You may not comment now.', eligibility.code as RefusalCode, details);
      }
      return profile;
    },

    async describe(reader: Reader) {
      const profile = await this.profileOf(reader);
      const [eligibility, subscription, termsVersion, appeals] = await Promise.all([
        this.eligibility(reader, profile),
        getService('subscriptions').statusOf(reader),
        getService('policy').currentTermsVersion(),
        getService('appeals').summaryOf(reader),
      ]);
      const now = getService('clock').now();
      const sanction = this.sanctionAt(profile, now);
      return {
        displayName: profile.displayName,
        canComment: eligibility.canComment,
        reason: eligibility.code,
        message: eligibility.message,
        subscription,
        terms: {
          currentVersion: termsVersion,
          acceptedVersion: profile.termsVersion,
          acceptedAt: profile.termsAcceptedAt,
          accepted: termsVersion !== null && profile.termsVersion === termsVersion,
        },
        sanction: { state: sanction, until: sanction === 'suspended' ? profile.suspendedUntil : null },
        appeals,
        notifications: { replies: !!profile.notifyReplies, reportOutcomes: !!profile.notifyReportOutcomes },
      };
    },

    /** `PATCH /me`: the display name, the notification preferences, or both. */
    async update(reader: Reader, changes: { displayName?: string; notifications?: Partial<NotificationPreferences> }) {
      if (changes.notifications) {
        await this.profileOf(reader);
        await this.setNotifications(reader.id, changes.notifications);
      }
      return changes.displayName === undefined
        ? this.describe(reader)
        : this.setDisplayName(reader, changes.displayName);
    },

    /** Sets the given preferences; from PATCH /me, and from an unsubscribe link (which has no session). */
    async setNotifications(userId: number, preferences: Partial<NotificationPreferences>): Promise<void> {
      const data = {
        ...(preferences.replies !== undefined ? { notifyReplies: preferences.replies } : {}),
        ...(preferences.reportOutcomes !== undefined ? { notifyReportOutcomes: preferences.reportOutcomes } : {}),
      };
      if (Object.keys(data).length > 0) await query().updateMany({ where: { userId }, data });
    },

    async setDisplayName(reader: Reader, raw: string) {
      const config = await getService('settings').get();
      const displayName = getService('text').normalize(raw, config.displayName, 'displayName').replace(/\s+/g, ' ');
      if (LOOKS_LIKE_URL_OR_EMAIL.test(displayName)) {
        throw new errors.ValidationError('displayName must not contain a web address or an email address', {
          code: 'DISPLAY_NAME_INVALID',
          field: 'displayName',
        });
      }
      const profile = await this.profileOf(reader);
      await strapi.db.transaction(async ({ trx, onCommit }) => {
        await query().update({ where: { id: profile.id }, data: { displayName, version: profile.version + 1 } });
        // The public thread shows the name stored on each comment, so renaming updates them together,
        // and every thread they wrote in has a new revision. updateMany does not touch updatedAt by itself.
        await strapi.db
          .query(UID.comment)
          .updateMany({ where: { authorId: reader.id }, data: { authorName: displayName, updatedAt: new Date() } });
        await getService('threads').bump({ trx, onCommit }, await commentsRepository(strapi).threadsOf(trx, reader.id));
      });
      return this.describe(reader);
    },

    /** Accepting the current terms: the profile's current version, plus an append-only record of the wording. */
    async acceptTerms(reader: Reader, version: string) {
      // One read of the policy for both the version check and the hash of the text accepted.
      const policy = await getService('policy').text();
      if (!policy?.termsVersion)
        throw new errors.NotFoundError('There are no commenting terms to accept yet.', {
          code: REFUSAL.POLICY_MISSING,
        });
      // Terms whose rules are still a placeholder are not terms anyone can agree to.
      const placeholders = placeholderFields(policy as unknown as Record<string, unknown>);
      if (placeholders.length > 0)
        throw refusal(REFUSAL_MESSAGES[REFUSAL.POLICY_INCOMPLETE] as string, REFUSAL.POLICY_INCOMPLETE, {
          fields: placeholders,
        });
      const current = policy.termsVersion;
      if (version !== current) {
        throw new errors.ValidationError(
          `The current terms are version ${current}: read them again and accept that version.`,
          {
            code: REFUSAL.TERMS_VERSION_MISMATCH,
            currentVersion: current,
          }
        );
      }
      const profile = await this.profileOf(reader);
      const acceptedAt = getService('clock').now();
      await strapi.db.transaction(async () => {
        await query().update({
          where: { id: profile.id },
          data: { termsVersion: version, termsAcceptedAt: acceptedAt, version: profile.version + 1 },
        });
        await getService('terms').record(reader, policy, acceptedAt, profile.termsVersion);
      });
      return this.describe(reader);
    },
  };
};

export type CommentersService = ReturnType<typeof commenters>;
export default commenters;
