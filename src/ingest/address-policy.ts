import ipaddr from 'ipaddr.js';

export interface AddressPolicy {
  /**
   * Let loopback addresses (127.0.0.0/8, ::1 and their IPv4-mapped forms) through, for tests
   * and local use (`FETCH_ALLOW_LOOPBACK`). Nothing else that is not public is ever allowed.
   */
  readonly allowLoopback: boolean;
}

// What each refused kind of address is, in words a person reading the refusal understands.
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (cloud metadata services live there)',
  loopback: 'a loopback address (this machine)',
  carrierGradeNat: 'a carrier-grade NAT address (shared, not public)',
  private: 'a private network address',
  uniqueLocal: 'a private network address (IPv6 unique local)',
  reserved: 'a reserved address',
  benchmarking: 'a benchmarking address',
  amt: 'a multicast tunnelling address',
  as112: 'a reserved DNS sink address',
  as112v6: 'a reserved DNS sink address',
  rfc6145: 'an IPv4-translated address',
  rfc6052: 'a NAT64 address that embeds an IPv4 address',
  '6to4': 'a 6to4 address that embeds an IPv4 address',
  teredo: 'a Teredo address that embeds an IPv4 address',
  orchid2: 'an overlay identifier, not an address',
  droneRemoteIdProtocolEntityTags: 'an identifier, not an address',
  deprecatedSiteLocal: 'a site-local address',
  discard: 'a discard-only address',
  segmentRouting: 'a segment routing identifier',
  ipv4Compatible: 'an IPv4-compatible IPv6 address (deprecated; it embeds an IPv4 address)',
  notGlobal: 'not a global unicast IPv6 address',
};

/**
 * Null when the bot may connect to `address` (an IP literal, as DNS returns it), else what kind
 * of address it is, e.g. "a private network address".
 * Only public unicast addresses pass: an IPv4-mapped IPv6 address is judged as the IPv4 address
 * it carries, and IPv6 must be global unicast (2000::/3), so that no form of an internal
 * address (private, loopback, link-local and metadata, CGNAT, multicast, unspecified) slips by.
 */
export function refusedAddress(address: string, policy: AddressPolicy): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  // `process` turns ::ffff:a.b.c.d into a.b.c.d, so the mapped form meets the IPv4 rules.
  const ip = ipaddr.process(address);
  const kind = rangeOf(ip);
  if (kind === 'unicast') return null;
  if (kind === 'loopback' && policy.allowLoopback) return null;
  return DESCRIPTIONS[kind] ?? `a ${kind} address`;
}

function rangeOf(ip: ipaddr.IPv4 | ipaddr.IPv6): string {
  if (ip instanceof ipaddr.IPv4) return ip.range();
  const range = ip.range();
  if (range !== 'unicast') return range;
  const [first = 0, ...rest] = ip.parts;
  // ::a.b.c.d (every part but the last two zero) is the deprecated IPv4-compatible form.
  if (first === 0 && rest.slice(0, 5).every((part) => part === 0)) return 'ipv4Compatible';
  // Global unicast is 2000::/3; anything else in "unicast" is unassigned space.
  if ((first & 0xe000) !== 0x2000) return 'notGlobal';
  return 'unicast';
}
