import crypto from 'crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../shared/contracts/settings';

/**
 * The token of a one-click unsubscribe link: which kind of notice, to whom, signed with an HMAC
 * (SHA-256) under a server secret so nobody can unsubscribe someone else. It does not expire: an
 * unsubscribe link must keep working in an old email.
 */
export interface UnsubscribeClaim {
  kind: NotificationKind;
  /** The reader's user id, or null for an address that is no reader's (a duty moderator). */
  userId: number | null;
  email: string;
}

const mac = (body: string, secret: string) => crypto.createHmac('sha256', secret).update(body).digest('base64url');

export const signUnsubscribe = (claim: UnsubscribeClaim, secret: string): string => {
  const body = Buffer.from(JSON.stringify([claim.kind, claim.userId, claim.email])).toString('base64url');
  return `${body}.${mac(body, secret)}`;
};

/** The claim of a genuine token, or null for anything forged, altered or malformed. */
export const verifyUnsubscribe = (token: string, secret: string): UnsubscribeClaim | null => {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return null;
  const expected = Buffer.from(mac(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const [kind, userId, email] = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!NOTIFICATION_KINDS.includes(kind) || typeof email !== 'string') return null;
    if (userId !== null && !Number.isInteger(userId)) return null;
    return { kind, userId, email };
  } catch {
    return null;
  }
};
