import { classifyAddress, isReachable, parseAllowList } from './addresses';

describe('classifyAddress', () => {
  test.each([
    ['8.8.8.8', 'public'],
    ['2a00:1450:4009:80b::200e', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fd00:ec2::254', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['100.100.100.200', 'shared'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['::ffff:8.8.8.8', 'public'],
    ['not-an-ip', 'invalid'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  test('172.32.0.1 is outside 172.16.0.0/12', () => {
    expect(classifyAddress('172.32.0.1')).toBe('public');
  });
});

describe('isReachable', () => {
  const none = parseAllowList([]);

  test('public addresses only, by default', () => {
    expect(isReachable('example.com', '93.184.216.34', none)).toBe(true);
    expect(isReachable('evil.example', '127.0.0.1', none)).toBe(false);
    expect(isReachable('evil.example', '169.254.169.254', none)).toBe(false);
    expect(isReachable('evil.example', '::ffff:10.0.0.1', none)).toBe(false);
  });

  test('the allow-list opens named hosts, single addresses and ranges, nothing else', () => {
    const allow = parseAllowList(['localhost', '127.0.0.1', '10.20.0.0/16', '::1', ' ']);
    expect(isReachable('localhost', '127.0.0.1', allow)).toBe(true);
    expect(isReachable('LOCALHOST', '::1', allow)).toBe(true);
    expect(isReachable('other.internal', '127.0.0.1', allow)).toBe(true);
    expect(isReachable('other.internal', '127.0.0.2', allow)).toBe(false);
    expect(isReachable('hooks.internal', '10.20.3.4', allow)).toBe(true);
    expect(isReachable('hooks.internal', '10.21.3.4', allow)).toBe(false);
    expect(isReachable('[::1]', '::1', allow)).toBe(true);
  });
});
