import { describe, expect, it } from 'vitest';
import { manualClock } from '../support/manual-clock.js';
import { OncePerWindow } from '../../src/bot/once-per-window.js';

describe('OncePerWindow', () => {
  it('says yes once, then no until the time given has passed, then yes again', () => {
    const time = manualClock();
    const told = new OncePerWindow(time.now);
    expect(told.first('alice', time.now() + 30_000)).toBe(true);
    expect(told.first('alice', time.now() + 30_000)).toBe(false);
    time.advance(29_999);
    expect(told.first('alice', time.now() + 30_000)).toBe(false);
    time.advance(1);
    expect(told.first('alice', time.now() + 30_000)).toBe(true);
  });

  it('keeps each person apart', () => {
    const time = manualClock();
    const told = new OncePerWindow(time.now);
    expect(told.first('alice', time.now() + 30_000)).toBe(true);
    expect(told.first('bob', time.now() + 30_000)).toBe(true);
  });

  it('forgets what no longer holds, so memory does not grow with everyone ever refused', () => {
    const time = manualClock();
    const told = new OncePerWindow(time.now);
    for (let user = 0; user < 2_000; user += 1) told.first(`user${user}`, time.now() + 1_000);
    time.advance(5_000);
    for (let check = 0; check < 1_000; check += 1) told.first('active', time.now() + 1_000);
    expect(told.size).toBeLessThan(10);
  });
});
