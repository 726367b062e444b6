import { Index } from 'flexsearch';
import type { BenchEngine } from './bench-engine.js';

/**
 * FlexSearch's `Index` with default options. `suggest: true` at query time is the one change:
 * without it a multi-word query only returns sentences holding every word, so almost every
 * natural-language question would get nothing back.
 */
export function createFlexSearchEngine(): BenchEngine {
  let index: Index | null = null;
  let texts: readonly string[] = [];
  return {
    name: 'flexsearch',
    build({ sentences }) {
      texts = sentences.map((sentence) => sentence.text);
      const built = new Index();
      texts.forEach((text, id) => {
        built.add(id, text);
      });
      index = built;
    },
    ask(question, limit) {
      if (index === null) throw new Error('ask before build');
      return index.search(question, { limit, suggest: true }).map((id) => texts[Number(id)] ?? '');
    },
  };
}
