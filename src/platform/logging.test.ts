import { redactText } from './logging';

describe('redactText', () => {
  test('removes email addresses and bearer tokens', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MSwiaWF0IjoxfQ.c2lnbmF0dXJlc2lnbmF0dXJl';
    const line = redactText(`GET /api/users?filters[email][$eq]=Jane.Doe+news@example.co.uk Bearer ${jwt}`);
    expect(line).toBe('GET /api/users?filters[email][$eq]=[email] Bearer [token]');
  });

  test('also when URL-encoded in a query string', () => {
    expect(redactText('GET /api/articles?filters[title][$eq]=jane.reader%40example.test 200')).toBe(
      'GET /api/articles?filters[title][$eq]=[email] 200'
    );
  });

  test('leaves ordinary text alone', () => {
    expect(redactText('POST /api/comments/threads/abc 201 12.3 ms')).toBe('POST /api/comments/threads/abc 201 12.3 ms');
  });
});
