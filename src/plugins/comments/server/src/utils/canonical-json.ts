import crypto from 'crypto';

/**
 * A value in one canonical form: object keys sorted, strings in Unicode NFC, `undefined` as `null`.
 * PostgreSQL's jsonb reorders keys and editors' tools may differ in normalisation, so the same
 * wording must not depend on either.
 */
const canonical = (value: unknown): unknown => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.normalize('NFC');
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, item]) => [key, canonical(item)]));
  }
  return value;
};

/** JSON text of `value` in canonical form: equal content always gives the same text. */
export const canonicalJson = (value: unknown): string => JSON.stringify(canonical(value));

/** SHA-256 (hex) of the canonical JSON of `value`. */
export const canonicalHash = (value: unknown): string =>
  crypto.createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
