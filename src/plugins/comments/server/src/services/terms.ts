import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import type { Reader } from '../utils/reader';
import { canonicalHash } from '../utils/canonical-json';
import { getService } from '../utils/get-service';
import type { CommunityPolicyText } from './policy';

export interface TermsAcceptance {
  termsVersion: string;
  policyHash: string;
  acceptedAt: string;
}

const iso = (value: unknown) => new Date(value as string).toISOString();

/**
 * The record of which commenting terms each reader accepted: one row per acceptance, never
 * updated, with the SHA-256 of the policy text (as `GET /api/comments/policy` serves it, in
 * canonical JSON) so the exact wording can be proved later. The profile keeps only the current version.
 */
const terms = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Appends the acceptance and its audit row; call inside the transaction that updates the profile. */
  async record(reader: Reader, policy: CommunityPolicyText, acceptedAt: Date, previousVersion: string | null) {
    const policyHash = canonicalHash(policy);
    await strapi.db.query(UID.termsAcceptance).create({
      data: {
        userId: reader.id,
        userDocumentId: reader.documentId,
        termsVersion: policy.termsVersion,
        policyHash,
        acceptedAt,
      },
    });
    await getService('audit').record({
      action: 'terms-accepted',
      actor: { type: 'author', id: reader.id, name: null },
      subjectUserId: reader.id,
      before: { termsVersion: previousVersion },
      after: { termsVersion: policy.termsVersion, policyHash },
    });
  },

  async historyOf(userId: number): Promise<TermsAcceptance[]> {
    const rows = await strapi.db
      .query(UID.termsAcceptance)
      .findMany({ where: { userId }, orderBy: [{ acceptedAt: 'asc' }, { id: 'asc' }] });
    return rows.map((row: Record<string, unknown>) => ({
      termsVersion: row.termsVersion as string,
      policyHash: row.policyHash as string,
      acceptedAt: iso(row.acceptedAt),
    }));
  },

  /** Erasure: with the account gone there is no one left to hold to the terms. */
  async eraseFor(userId: number): Promise<void> {
    await strapi.db.query(UID.termsAcceptance).deleteMany({ where: { userId } });
  },
});

export type TermsService = ReturnType<typeof terms>;
export default terms;
