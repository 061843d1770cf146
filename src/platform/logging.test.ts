import { redactText } from './logging';

describe('redactText', () => {
  test('removes email addresses and bearer tokens', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MSwiaWF0IjoxfQ.c2lnbmF0dXJlc2lnbmF0dXJl';
    const line = redactText(`GET /api/users?filters[email][$eq]=Jane.Doe+news@example.co.uk Bearer ${jwt}`);
    expect(line).toBe('GET /api/users?filters[email][$eq]=[email] Bearer [token]');
  });

  test('leaves ordinary text alone', () => {
    expect(redactText('POST /api/comments/threads/abc 201 12.3 ms')).toBe('POST /api/comments/threads/abc 201 12.3 ms');
  });
});
