/**
 * Whether the community policy is complete enough to open commenting. Text the seed document does
 * not contain (its rules sit behind a link) is seeded as a marked placeholder; while any field still
 * holds the marker, readers can neither accept the terms nor comment, so the paper never opens
 * commenting on rules nobody has written.
 */
export const POLICY_PLACEHOLDER_MARKER = '[PLACEHOLDER]';

/** True when the value, or any text inside it (a Blocks tree, a list), holds the placeholder marker. */
const holdsPlaceholder = (value: unknown): boolean => {
  if (typeof value === 'string') return value.includes(POLICY_PLACEHOLDER_MARKER);
  if (Array.isArray(value)) return value.some(holdsPlaceholder);
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsPlaceholder);
  return false;
};

/** The names of the policy's fields that still hold a placeholder, in field order. */
export const placeholderFields = (policy: Record<string, unknown>): string[] =>
  Object.entries(policy)
    .filter(([, value]) => holdsPlaceholder(value))
    .map(([field]) => field);
