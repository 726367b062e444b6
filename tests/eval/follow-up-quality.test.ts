/**
 * Follow-up quality floors: what `npm run eval -- --only followups` reached on the follow-up
 * set's dev half (the half the follow-up options were tuned on; the test half is run once, by
 * hand, and reported in the README as held out), less two points, so that a later change cannot
 * quietly lose what the conversation adds. Raise them when quality improves; never lower them
 * to make a change pass.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { followUpOutcomes, summariseFollowUps, type FollowUpQuality } from '../../eval/follow-ups.js';
import { loadFollowUpSet } from '../../eval/followup-set.js';
import { createEngine } from '../../src/search/engine.js';

const MARGIN = 0.02;
// shiftNotPulledBack was 0.938 (15 of 16) with the model before the one trained with the
// blind-written news questions; now 14 of 16, and the same shift is lost asked on its own: a
// ranking change, not the context pulling it back (the test below pins that down).
const REACHED_DEV = { rightWithContext: 0.605, rightAlone: 0.403, answerableRefusedWithContext: 0.025, shiftNotPulledBack: 0.875 };

describe('follow-up questions on the dev half of the follow-up set, whole news corpus', () => {
  let quality: FollowUpQuality;
  beforeAll(async () => {
    const set = await loadFollowUpSet();
    quality = summariseFollowUps(
      await followUpOutcomes(
        createEngine(set.news.corpus),
        set.chains.filter((chain) => chain.split === 'dev'),
      ),
    );
  }, 120_000);

  it('keeps the first passage right with the conversation as often as was reached, and far more often than without it', () => {
    expect(quality.rightWithContext.value).toBeGreaterThanOrEqual(REACHED_DEV.rightWithContext - MARGIN);
    expect(quality.rightWithContext.value - quality.rightAlone.value).toBeGreaterThanOrEqual(
      REACHED_DEV.rightWithContext - REACHED_DEV.rightAlone - MARGIN,
    );
  });

  it('does not refuse more answerable follow-ups than was reached', () => {
    expect(quality.answerableRefusedWithContext.value).toBeLessThanOrEqual(REACHED_DEV.answerableRefusedWithContext + MARGIN);
  });

  it('keeps a follow-up that changes subject from being pulled back to the earlier answer', () => {
    expect(quality.shiftNotPulledBackWithContext.value).toBeGreaterThanOrEqual(REACHED_DEV.shiftNotPulledBack - MARGIN);
    expect(quality.shiftNotPulledBackWithContext.value).toBeGreaterThanOrEqual(quality.shiftNotPulledBackAlone.value);
  });
});
