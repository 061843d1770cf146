/** Limits checked on every request before any validator or query sees its input. */

/** Deeper bodies are refused: no comment, setting or sanction needs more, and validators recurse. */
export const MAX_JSON_DEPTH = 32;

/** Offsets beyond this overflow some databases' integer types; no reader pages that far. */
export const MAX_PAGINATION_VALUE = 1_000_000_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type BodyProblem = 'too-deep' | 'not-text';

/**
 * What is wrong with a parsed body, in one iterative walk (it never overflows its own stack):
 * nesting deeper than `max`, or a string (value or key) with an unpaired surrogate, which is not
 * text and which some libraries loop on forever (bcryptjs hashing such a password never returns).
 */
export const bodyProblem = (value: unknown, max: number = MAX_JSON_DEPTH): BodyProblem | null => {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current === 'string') {
      if (LONE_SURROGATE.test(current)) return 'not-text';
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth > max) return 'too-deep';
    for (const [key, child] of Object.entries(current)) {
      if (LONE_SURROGATE.test(key)) return 'not-text';
      stack.push([child, depth + 1]);
    }
  }
  return null;
};

const PAGINATION_KEYS = ['page', 'pageSize', 'start', 'limit'] as const;

/**
 * The first `pagination[...]` value that is not a whole number in range, as a message, or null.
 * Strapi's own validation handles the rest (negative sizes, `withCount`); this stops the values
 * that reach the database as an overflowing offset.
 */
export const paginationProblem = (pagination: unknown): string | null => {
  if (pagination === undefined) return null;
  if (typeof pagination !== 'object' || pagination === null || Array.isArray(pagination)) {
    return 'pagination must be an object such as pagination[page]=1';
  }
  for (const key of PAGINATION_KEYS) {
    const value = (pagination as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const number = typeof value === 'string' && /^-?\d{1,10}$/.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isSafeInteger(number) || Math.abs(number) > MAX_PAGINATION_VALUE) {
      return `pagination[${key}] must be a whole number up to ${MAX_PAGINATION_VALUE}`;
    }
  }
  return null;
};
