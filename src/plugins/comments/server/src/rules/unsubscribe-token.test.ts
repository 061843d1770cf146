import { signUnsubscribe, verifyUnsubscribe } from './unsubscribe-token';

const claim = { kind: 'reply' as const, userId: 7, email: 'reader@example.com' };

describe('unsubscribe tokens', () => {
  test('a signed token verifies to its claim', () => {
    expect(verifyUnsubscribe(signUnsubscribe(claim, 'secret'), 'secret')).toEqual(claim);
    const duty = { kind: 'duty-alert' as const, userId: null, email: 'duty@example.com' };
    expect(verifyUnsubscribe(signUnsubscribe(duty, 'secret'), 'secret')).toEqual(duty);
  });

  test('another secret, an altered claim or garbage do not', () => {
    const token = signUnsubscribe(claim, 'secret');
    expect(verifyUnsubscribe(token, 'other')).toBeNull();
    const forged = Buffer.from(JSON.stringify(['reply', 8, 'reader@example.com'])).toString('base64url');
    expect(verifyUnsubscribe(`${forged}.${token.split('.')[1]}`, 'secret')).toBeNull();
    expect(verifyUnsubscribe('nonsense', 'secret')).toBeNull();
    expect(verifyUnsubscribe('a.b.c', 'secret')).toBeNull();
  });
});
