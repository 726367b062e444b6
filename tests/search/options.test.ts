import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, resolveOptions } from '../../src/search/options.js';

describe('resolveOptions', () => {
  it('gives every option its default when none is given', () => {
    expect(resolveOptions()).toEqual(DEFAULT_OPTIONS);
  });

  it('keeps what is given and fills in the rest, inside nested options too', () => {
    const options = resolveOptions({ candidates: 50, bm25: { k: 2 }, relationWeights: { synonym: 0.9 } });
    expect(options.candidates).toBe(50);
    expect(options.bm25).toEqual({ ...DEFAULT_OPTIONS.bm25, k: 2 });
    expect(options.relationWeights).toEqual({ ...DEFAULT_OPTIONS.relationWeights, synonym: 0.9 });
    expect(options.maxRetrievalFrequency).toBe(DEFAULT_OPTIONS.maxRetrievalFrequency);
    expect(resolveOptions({ followUp: { articleBoost: 1 } }).followUp).toEqual({ ...DEFAULT_OPTIONS.followUp, articleBoost: 1 });
  });

  it('takes an option set to undefined for one left out', () => {
    expect(resolveOptions({ candidates: undefined }).candidates).toBe(DEFAULT_OPTIONS.candidates);
  });
});
