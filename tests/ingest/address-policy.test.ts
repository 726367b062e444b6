import { describe, expect, it } from 'vitest';
import { refusedAddress } from '../../src/ingest/address-policy.js';

const strict = { allowLoopback: false };
const loopbackAllowed = { allowLoopback: true };

describe('refusedAddress', () => {
  it('lets public IPv4 and global IPv6 addresses through', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e']) {
      expect(refusedAddress(address, strict), address).toBeNull();
    }
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private network'],
    ['172.16.5.4', 'private network'],
    ['192.168.1.1', 'private network'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.100.100.200', 'carrier-grade NAT'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['fd00:ec2::254', 'unique local'],
    ['fc00::1', 'unique local'],
    ['192.0.0.192', 'reserved'],
    ['::ffff:10.0.0.1', 'private network'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:7f00:1', 'loopback'],
    ['64:ff9b::a00:1', 'NAT64'],
    ['2002:a00:1::', '6to4'],
    ['::7f00:1', 'IPv4-compatible'],
    ['2001:db8::1', 'reserved'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(refusedAddress(address, strict)).toContain(kind);
  });

  it('with FETCH_ALLOW_LOOPBACK lets loopback through, including its IPv4-mapped form, and nothing else', () => {
    for (const address of ['127.0.0.1', '127.0.0.53', '::1', '::ffff:127.0.0.1']) {
      expect(refusedAddress(address, loopbackAllowed), address).toBeNull();
    }
    for (const address of ['10.0.0.1', '169.254.169.254', '192.168.0.10', 'fd00::1', '0.0.0.0', '::ffff:10.1.2.3', '::7f00:1']) {
      expect(refusedAddress(address, loopbackAllowed), address).not.toBeNull();
    }
  });

  it('refuses what is not an IP address at all', () => {
    expect(refusedAddress('example.com', loopbackAllowed)).toBe('not an IP address');
  });
});
