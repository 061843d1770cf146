import type { CommentUrlPlaceholder } from '../../../shared/contracts/settings';

/**
 * The link from the admin to a comment on the site, from the `frontendCommentUrl` pattern (checked
 * by the settings contract). Values are URL-encoded; without a pattern, or without a value the
 * pattern needs (a story with no slug), there is no link rather than a wrong one.
 */
export const commentUrl = (pattern: string, values: Record<CommentUrlPlaceholder, string | null>): string | null => {
  if (!pattern) return null;
  let missing = false;
  const url = pattern.replace(/\{([a-zA-Z]+)\}/g, (placeholder, name: string) => {
    const value = values[name as CommentUrlPlaceholder];
    if (!value) missing = true;
    return value ? encodeURIComponent(value) : placeholder;
  });
  return missing ? null : url;
};
