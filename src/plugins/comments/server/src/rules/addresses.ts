import { BlockList, isIP } from 'net';

/**
 * Which addresses a webhook may be sent to (SSRF): only public ones, unless the operator's
 * allow-list names the host or a range. Everything an attacker could use to reach the inside of
 * the network is refused: loopback, private ranges, link-local (cloud metadata lives at
 * 169.254.169.254), unique-local IPv6, the unspecified address, carrier-grade NAT, multicast and
 * the reserved ranges; IPv4-mapped and NAT64 IPv6 addresses are judged by the IPv4 inside.
 */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'unspecified'
  | 'shared'
  | 'multicast'
  | 'reserved'
  | 'invalid';

const V4: Array<[string, number, AddressClass]> = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const V6: Array<[string, number, AddressClass]> = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'reserved'],
  ['ff00::', 8, 'multicast'],
  ['2001:db8::', 32, 'reserved'],
  ['100::', 64, 'reserved'],
];

type Family = 'ipv4' | 'ipv6';

const rangesOf = (table: Array<[string, number, AddressClass]>, family: Family) =>
  table.map(([network, prefix, kind]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, family);
    return { list, kind, family };
  });

const ranges = [...rangesOf(V4, 'ipv4'), ...rangesOf(V6, 'ipv6')];

/** The IPv4 address an IPv6 one carries (IPv4-mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`), if any. */
const embeddedV4 = (address: string): string | null => {
  const match = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!match) return null;
  if (match[1]) return match[1];
  const high = parseInt(match[2], 16);
  const low = parseInt(match[3], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
};

export const classifyAddress = (address: string): AddressClass => {
  const family = isIP(address);
  if (family === 0) return 'invalid';
  if (family === 6) {
    const inner = embeddedV4(address);
    if (inner) return classifyAddress(inner);
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  return ranges.find((range) => range.family === type && range.list.check(address, type))?.kind ?? 'public';
};

export interface AllowList {
  hosts: Set<string>;
  addresses: BlockList;
}

/** `WEBHOOK_ALLOWED_HOSTS`: host names, addresses and CIDR ranges, comma-separated (e.g. `localhost,10.1.0.0/16,::1`). */
export const parseAllowList = (entries: string[]): AllowList => {
  const allow: AllowList = { hosts: new Set(), addresses: new BlockList() };
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    const [network, prefix] = entry.split('/');
    const family = isIP(network);
    if (family === 0) {
      allow.hosts.add(entry);
      continue;
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) allow.addresses.addAddress(network, type);
    else allow.addresses.addSubnet(network, Number(prefix), type);
  }
  return allow;
};

/** Whether `host` (as written in the URL) may be reached at `address` (what it resolved to). */
export const isReachable = (host: string, address: string, allow: AllowList): boolean => {
  if (allow.hosts.has(host.toLowerCase().replace(/^\[|\]$/g, ''))) return true;
  const family = isIP(address);
  if (family === 0) return false;
  if (allow.addresses.check(address, family === 4 ? 'ipv4' : 'ipv6')) return true;
  return classifyAddress(address) === 'public';
};
