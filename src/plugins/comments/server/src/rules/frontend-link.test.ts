import { commentUrl } from './frontend-link';
import { commentUrlPatternProblem } from '../../../shared/contracts/settings';

const values = { articleSlug: 'a-story', articleDocumentId: 'story123', documentId: 'comment456' };

describe('commentUrl', () => {
  test('fills every placeholder, as often as it appears', () => {
    expect(commentUrl('https://www.example.com/{articleSlug}#comment-{documentId}', values)).toBe(
      'https://www.example.com/a-story#comment-comment456'
    );
    expect(commentUrl('https://x.test/s/{articleDocumentId}?c={documentId}&again={documentId}', values)).toBe(
      'https://x.test/s/story123?c=comment456&again=comment456'
    );
  });

  test('encodes the values', () => {
    expect(commentUrl('https://x.test/{articleSlug}#{documentId}', { ...values, articleSlug: 'a b/c?' })).toBe(
      'https://x.test/a%20b%2Fc%3F#comment456'
    );
  });

  test('no pattern, or a value missing: no link', () => {
    expect(commentUrl('', values)).toBeNull();
    expect(commentUrl('https://x.test/{articleSlug}#{documentId}', { ...values, articleSlug: null })).toBeNull();
  });
});

describe('commentUrlPatternProblem (the settings contract)', () => {
  test.each(['', 'https://www.example.com/{articleSlug}#comment-{documentId}', 'http://localhost:3000/c/{documentId}'])(
    'accepts %j',
    (pattern) => expect(commentUrlPatternProblem(pattern)).toBeNull()
  );

  test.each([
    ['an unknown placeholder', 'https://x.test/{slug}#{documentId}', /unknown placeholder \{slug\}/],
    ['no comment in it', 'https://x.test/{articleSlug}', /must contain \{documentId\}/],
    ['not a URL', 'www.example.com/{documentId}', /http\(s\) URL/],
    ['another scheme', 'javascript:alert({documentId})', /http\(s\) URL/],
  ])('refuses %s', (_, pattern, message) => expect(commentUrlPatternProblem(pattern)).toMatch(message));
});
