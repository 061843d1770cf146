import crypto from 'crypto';
import LinkifyIt from 'linkify-it';
import { errors } from '@strapi/utils';

// C0/C1 controls other than tab and newline, and the bidirectional overrides used to disguise text.
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/*
 * U+FFFD is what a UTF-8 decoder leaves where the bytes were invalid, and an unpaired surrogate is
 * not text at all: refused, so a comment is never stored other than as its author sent it.
 */
const NOT_TEXT = /\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const linkify = new LinkifyIt().add('ftp:', null).add('mailto:', null).add('//', null).set({ fuzzyEmail: false });

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => ESCAPES[character]);

const renderInline = (text: string): string => {
  const matches = linkify.match(text) ?? [];
  let html = '';
  let cursor = 0;
  for (const match of matches) {
    html += escapeHtml(text.slice(cursor, match.index));
    // Only http(s) links survive the schema list above, so a `javascript:` URL stays plain text.
    html += `<a href="${escapeHtml(match.url)}" rel="nofollow ugc noopener" target="_blank">${escapeHtml(match.text)}</a>`;
    cursor = match.lastIndex;
  }
  return (html + escapeHtml(text.slice(cursor))).replace(/\n/g, '<br>');
};

export interface TextLimits {
  minLength: number;
  maxLength: number;
}

/** Comments are plain text: normalised, checked, and rendered to safe HTML by the server alone. */
const text = () => ({
  /** NFC-normalised, trimmed text with unified newlines; refuses control characters and bad lengths. */
  normalize(raw: string, limits: TextLimits, field = 'body'): string {
    if (NOT_TEXT.test(raw)) {
      throw new errors.ValidationError(`${field} is not valid UTF-8 text`, { code: 'INVALID_TEXT', field });
    }
    const normalized = raw.normalize('NFC').replace(/\r\n?/g, '\n');
    if (FORBIDDEN_CHARACTERS.test(normalized)) {
      throw new errors.ValidationError(`${field} contains control characters`, { code: 'CONTROL_CHARACTERS', field });
    }
    const trimmed = normalized.trim().replace(/\n{3,}/g, '\n\n');
    const length = [...trimmed].length;
    if (length < limits.minLength) {
      throw new errors.ValidationError(`${field} must not be empty`, {
        code: 'TOO_SHORT',
        field,
        minLength: limits.minLength,
      });
    }
    if (length > limits.maxLength) {
      throw new errors.ValidationError(`${field} must be at most ${limits.maxLength} characters`, {
        code: 'TOO_LONG',
        field,
        maxLength: limits.maxLength,
        length,
      });
    }
    return trimmed;
  },

  /** Escaped text in paragraphs, line breaks kept, http(s) links marked nofollow ugc. */
  toHtml(body: string): string {
    return body
      .split(/\n{2,}/)
      .map((paragraph) => `<p>${renderInline(paragraph)}</p>`)
      .join('');
  },

  /** A fingerprint for spotting identical reposts, blind to case and spacing. */
  fingerprint(body: string): string {
    return crypto.createHash('sha256').update(body.toLowerCase().replace(/\s+/g, ' ')).digest('hex');
  },
});

export type TextService = ReturnType<typeof text>;
export default text;
