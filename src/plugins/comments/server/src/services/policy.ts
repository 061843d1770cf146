import type { Core } from '@strapi/strapi';
import { REPORT_REASONS, UID } from '../constants';
import { getService } from '../utils/get-service';
import { placeholderFields } from '../rules/policy-completeness';

export interface CommunityPolicyText {
  title: string;
  whySubscribersOnlyTitle: string | null;
  whySubscribersOnly: unknown;
  liabilityNotice: string;
  moderationStatement: string;
  moderationHoursText: string | null;
  rules: unknown;
  termsVersion: string;
  lastUpdated: string;
}

const POLICY_FIELDS = [
  'title',
  'whySubscribersOnlyTitle',
  'whySubscribersOnly',
  'liabilityNotice',
  'moderationStatement',
  'moderationHoursText',
  'rules',
  'termsVersion',
  'lastUpdated',
] as const;

/** The community policy: the human-readable text editors keep in the single type, plus the rules in force. */
const policy = ({ strapi }: { strapi: Core.Strapi }) => ({
  async text(): Promise<CommunityPolicyText | null> {
    // The single type has no drafts: one row, read in one statement (the Document Service would
    // wrap it in a transaction), since every post and terms acceptance asks.
    const entry = await strapi.db.query(UID.communityPolicy).findOne({ select: [...POLICY_FIELDS] });
    if (!entry) return null;
    // Only the text fields: the document service adds ids, which are not wording.
    const fields = entry as unknown as Record<string, unknown>;
    return Object.fromEntries(
      POLICY_FIELDS.map((field) => [field, fields[field] ?? null])
    ) as unknown as CommunityPolicyText;
  },

  async currentTermsVersion(): Promise<string | null> {
    return (await this.text())?.termsVersion ?? null;
  },

  /** What commenting needs from the policy: a terms version to accept, and no field still holding a placeholder. */
  async readiness(): Promise<{ termsVersion: string | null; placeholders: string[] }> {
    const text = await this.text();
    return {
      termsVersion: text?.termsVersion ?? null,
      placeholders: text ? placeholderFields(text as unknown as Record<string, unknown>) : [],
    };
  },

  async describe() {
    const [text, config] = await Promise.all([this.text(), getService('settings').get()]);
    const now = getService('clock').now();
    return {
      subscriberOnly: true,
      preModerated: false,
      title: text?.title ?? null,
      whySubscribersOnlyTitle: text?.whySubscribersOnlyTitle ?? null,
      whySubscribersOnly: text?.whySubscribersOnly ?? null,
      liabilityNotice: text?.liabilityNotice ?? null,
      moderationStatement: text?.moderationStatement ?? null,
      rules: text?.rules ?? null,
      termsVersion: text?.termsVersion ?? null,
      lastUpdated: text?.lastUpdated ?? null,
      reportReasons: [...REPORT_REASONS],
      body: { minLength: config.body.minLength, maxLength: config.body.maxLength },
      reportNoteMaxLength: config.reportNoteMaxLength,
      editWindowMinutes: config.editWindowMinutes,
      displayName: config.displayName,
      moderation: {
        hoursText: text?.moderationHoursText ?? null,
        ...getService('cover').describe(now, config.schedule),
      },
    };
  },
});

export type PolicyService = ReturnType<typeof policy>;
export default policy;
