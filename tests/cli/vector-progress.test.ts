import { describe, expect, it } from 'vitest';
import { vectorProgress } from '../../src/cli/vector-progress.js';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, columns: 80, write: (text: string) => written.push(text) } };
}

describe('vectorProgress', () => {
  it('draws a bar in place on a terminal, then ends with one plain line', async () => {
    const { written, stream: terminal } = stream(true);
    const progress = vectorProgress('ask', terminal);
    progress.onPlan?.({ texts: 100, cached: 40, toEmbed: 60 });
    progress.onProgress?.(30, 60);
    progress.onProgress?.(60, 60);
    expect(written[0]).toBe(
      'ask: computing sentence vectors for 60 of 100 sentences and titles (40 from the cache); a first run over a new corpus is slow once, later runs read them from the cache\n',
    );
    expect(written[1]).toMatch(/^\r\[#{15}\.{15}\] 30 \/ 60 sentence vectors · \d+ s left $/u);
    expect(written.at(-1)).toMatch(/^ask: computed 60 sentence vectors in \d+ s\n$/u);
  });

  it('writes plain lines only, and no bar, when standard error is not a terminal', () => {
    const { written, stream: pipe } = stream(false);
    const progress = vectorProgress('build-index', pipe);
    progress.onPlan?.({ texts: 10, cached: 0, toEmbed: 10 });
    progress.onProgress?.(5, 10);
    progress.onProgress?.(10, 10);
    expect(written).toHaveLength(2);
    expect(written.join('')).not.toContain('\r');
  });

  it('says nothing when every vector was in the cache', () => {
    const { written, stream: terminal } = stream(true);
    vectorProgress('ask', terminal).onPlan?.({ texts: 10, cached: 10, toEmbed: 0 });
    expect(written).toEqual([]);
  });
});
