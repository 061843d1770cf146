/** Limits checked on every request before any validator or query sees its input. */

/** Deeper bodies are refused: no comment, setting or sanction needs more, and validators recurse. */
export const MAX_JSON_DEPTH = 32;

/** Offsets beyond this overflow some databases' integer types; no reader pages that far. */
export const MAX_PAGINATION_VALUE = 1_000_000_000;

/** Whether a parsed JSON value nests objects/arrays deeper than `max` (iterative: never overflows itself). */
export const exceedsDepth = (value: unknown, max: number = MAX_JSON_DEPTH): boolean => {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth > max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
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
