import MiniSearch from 'minisearch';
import type { BenchEngine } from './bench-engine.js';
import { parseTexts, readJsonLines, writeJsonLines } from './json-lines.js';

interface Doc {
  readonly id: number;
  readonly text: string;
}

const OPTIONS = { fields: ['text'] };

/** MiniSearch exactly as a newcomer would use it (the same baseline as `npm run eval`). */
export function createMiniSearchEngine(): BenchEngine {
  let index: MiniSearch<Doc> | null = null;
  let texts: readonly string[] = [];
  const built = (): MiniSearch<Doc> => {
    if (index === null) throw new Error('ask before build');
    return index;
  };
  return {
    name: 'minisearch',
    build({ sentences }) {
      texts = sentences.map((sentence) => sentence.text);
      index = new MiniSearch<Doc>(OPTIONS);
      index.addAll(texts.map((text, id) => ({ id, text })));
    },
    ask(question, limit) {
      return built()
        .search(question)
        .slice(0, limit)
        .map((result) => texts[Number(result.id)] ?? '');
    },
    // MiniSearch's own JSON form; the texts travel with it since no field is stored.
    snapshot: {
      save: ({ file }) => writeJsonLines(file, JSON.stringify(built()), JSON.stringify(texts)),
      async restore({ file }) {
        const [indexJson, textsJson] = await readJsonLines(file);
        index = MiniSearch.loadJSON<Doc>(indexJson, OPTIONS);
        texts = parseTexts(textsJson);
      },
    },
  };
}
