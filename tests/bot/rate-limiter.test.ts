import { describe, expect, it } from 'vitest';
import { manualClock } from '../support/manual-clock.js';
import { SlidingWindowRateLimiter } from '../../src/bot/rate-limiter.js';

describe('SlidingWindowRateLimiter', () => {
  it('allows up to the limit within the window, then refuses', () => {
    const time = manualClock();
    const limiter = new SlidingWindowRateLimiter({ limit: 5, windowMs: 30_000, now: time.now });
    for (let question = 0; question < 5; question += 1) expect(limiter.take('alice').allowed).toBe(true);
    expect(limiter.take('alice').allowed).toBe(false);
  });

  it('says when the next question will be allowed: when the oldest leaves the window', () => {
    const time = manualClock();
    const limiter = new SlidingWindowRateLimiter({ limit: 2, windowMs: 30_000, now: time.now });
    limiter.take('alice');
    time.advance(10_000);
    limiter.take('alice');
    time.advance(5_000);
    expect(limiter.take('alice')).toEqual({ allowed: false, retryAt: 1_000_000 + 30_000 });
  });

  it('allows again exactly at the promised time', () => {
    const time = manualClock();
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: 30_000, now: time.now });
    limiter.take('alice');
    const refused = limiter.take('alice');
    if (refused.allowed) throw new Error('expected a refusal');
    time.advance(refused.retryAt - time.now() - 1);
    expect(limiter.take('alice').allowed).toBe(false);
    time.advance(1);
    expect(limiter.take('alice').allowed).toBe(true);
  });

  it('slides: old questions stop counting one by one', () => {
    const time = manualClock();
    const limiter = new SlidingWindowRateLimiter({ limit: 2, windowMs: 10_000, now: time.now });
    limiter.take('alice');
    time.advance(6_000);
    limiter.take('alice');
    time.advance(5_000);
    expect(limiter.take('alice').allowed).toBe(true);
    expect(limiter.take('alice').allowed).toBe(false);
  });

  it('does not count refused questions, so hammering does not extend the wait', () => {
    const time = manualClock();
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: 10_000, now: time.now });
    limiter.take('alice');
    for (let attempt = 0; attempt < 20; attempt += 1) {
      time.advance(400);
      limiter.take('alice');
    }
    time.advance(2_000);
    expect(limiter.take('alice').allowed).toBe(true);
  });

  it('counts each user separately', () => {
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: 10_000, now: manualClock().now });
    expect(limiter.take('alice').allowed).toBe(true);
    expect(limiter.take('bob').allowed).toBe(true);
    expect(limiter.take('alice').allowed).toBe(false);
  });

  it('forgets users whose window has passed, so memory does not grow forever', () => {
    const time = manualClock();
    const limiter = new SlidingWindowRateLimiter({ limit: 1, windowMs: 1_000, now: time.now });
    for (let user = 0; user < 2_000; user += 1) limiter.take(`user${user}`);
    time.advance(5_000);
    for (let check = 0; check < 1_000; check += 1) limiter.take('active');
    expect(limiter.trackedUsers).toBeLessThan(10);
  });

  it('rejects nonsensical settings', () => {
    expect(() => new SlidingWindowRateLimiter({ limit: 0, windowMs: 1000 })).toThrow(RangeError);
    expect(() => new SlidingWindowRateLimiter({ limit: 1, windowMs: 0 })).toThrow(RangeError);
  });
});
