import { describe, expect, it } from 'vitest';
import { foreignRequestReason, isLoopbackHost, isLoopbackOrigin } from '../../src/playground/loopback.js';

describe('isLoopbackHost', () => {
  it('accepts localhost, 127.0.0.0/8 and [::1], with or without a port', () => {
    for (const host of ['localhost', 'LOCALHOST:3000', '127.0.0.1', '127.0.0.1:3000', '127.1.2.3:80', '[::1]', '[::1]:3000']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
  });

  it('refuses other names, addresses and malformed headers (what a DNS-rebinding page would send)', () => {
    for (const host of [
      undefined,
      '',
      'evil.example',
      'evil.example:3000',
      '127.0.0.1.evil.example',
      'localhost.evil.example',
      '128.0.0.1',
      '127.0.0.256',
      '0.0.0.0:3000',
      '[::2]:3000',
      '127.0.0.1@evil.example',
      'evil.example@127.0.0.1',
      '127.0.0.1/evil',
      '127.0.0.1:3000:1',
    ]) {
      expect(isLoopbackHost(host), String(host)).toBe(false);
    }
  });
});

describe('isLoopbackOrigin', () => {
  it('accepts no Origin (a program, not a web page) and pages served from a loopback host', () => {
    expect(isLoopbackOrigin(undefined)).toBe(true);
    expect(isLoopbackOrigin('http://127.0.0.1:3000')).toBe(true);
    expect(isLoopbackOrigin('http://localhost:3000')).toBe(true);
  });

  it('refuses pages of other sites, opaque origins and other schemes', () => {
    for (const origin of ['https://evil.example', 'null', 'file://', 'chrome-extension://abc', 'http://127.0.0.1.evil.example']) {
      expect(isLoopbackOrigin(origin), origin).toBe(false);
    }
  });
});

describe('foreignRequestReason', () => {
  it('says which header was refused and how to open the playground instead', () => {
    expect(foreignRequestReason({ headers: { host: '127.0.0.1:3000' } })).toBeNull();
    expect(foreignRequestReason({ headers: { host: 'evil.example:3000' } })).toMatch(
      /Host header \("evil\.example:3000"\) is not a loopback name.*http:\/\/127\.0\.0\.1/,
    );
    expect(foreignRequestReason({ headers: { host: '127.0.0.1:3000', origin: 'https://evil.example' } })).toMatch(/evil\.example/);
  });
});
