import lunr from 'lunr';
import type { BenchEngine } from './bench-engine.js';
import { parseTexts, readJsonLines, writeJsonLines } from './json-lines.js';

/**
 * Lunr with its default pipeline. Questions go through `lunr.tokenizer` and the query
 * builder, as Lunr's docs advise for raw user input: `index.search(text)` would parse
 * `:`, `^`, `~`, `+`, `-` and `*` as query syntax and throw on some questions.
 */
export function createLunrEngine(): BenchEngine {
  let index: lunr.Index | null = null;
  let texts: readonly string[] = [];
  const built = (): lunr.Index => {
    if (index === null) throw new Error('ask before build');
    return index;
  };
  return {
    name: 'lunr',
    build({ sentences }) {
      texts = sentences.map((sentence) => sentence.text);
      const documents = texts;
      index = lunr(function () {
        this.ref('id');
        this.field('text');
        for (const [id, text] of documents.entries()) this.add({ id: String(id), text });
      });
    },
    ask(question, limit) {
      const tokens = lunr.tokenizer(question);
      return built()
        .query((query) => query.term(tokens, {}))
        .slice(0, limit)
        .map((result) => texts[Number(result.ref)] ?? '');
    },
    // Lunr's own serialised form, with the texts it does not store.
    snapshot: {
      save: ({ file }) => writeJsonLines(file, JSON.stringify(built()), JSON.stringify(texts)),
      async restore({ file }) {
        const [indexJson, textsJson] = await readJsonLines(file);
        index = lunr.Index.load(JSON.parse(indexJson));
        texts = parseTexts(textsJson);
      },
    },
  };
}
