import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { beforeRetrievers } from '../../eval/before-retriever.js';

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** A checkout whose engine answers the way the engine at 1a10535 did: synchronously, with the answers alone. */
async function checkoutAnsweringSynchronously(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'eval-before-'));
  made.push(dir);
  await mkdir(join(dir, 'src/search'), { recursive: true });
  await writeFile(
    join(dir, 'src/search/engine.ts'),
    `export function createEngine(corpus: { articles: Array<{ id: string }> }) {
      return {
        ask(question: string, options: { limit: number; article?: string }) {
          if (question === 'nothing') return [];
          const id = options.article ?? corpus.articles[0]?.id ?? '';
          return [{ text: 'A sentence.', passage: 'A sentence, and its neighbour.', source: { article: id, paragraph: 2 } }];
        },
      };
    }\n`,
  );
  return dir;
}

describe('the engine before, asked by npm run eval -- --before', () => {
  it("reads an engine that answers synchronously with the answers alone: an answer is sure, none is 'none'", async () => {
    const retriever = (await beforeRetrievers(await checkoutAnsweringSynchronously()))(await loadCorpus('corpus'));
    expect(await retriever('who?', 3, 'an-article')).toEqual({
      confidence: 'high',
      passages: [{ articleId: 'an-article', paragraph: 2, text: 'A sentence.', passage: 'A sentence, and its neighbour.' }],
    });
    expect(await retriever('nothing', 3)).toEqual({ confidence: 'none', passages: [] });
  });

  it('reads an engine that answers asynchronously with an answer set, keeping its confidence: this checkout', async () => {
    const retriever = (await beforeRetrievers(process.cwd()))(await loadCorpus('corpus'));
    const found = await retriever('how many times have Trump and Putin spoken?', 1);
    expect(found.confidence).toBe('high');
    expect(found.passages[0]?.text).toBe('The call marks the sixth conversation between the two men since Trump took office in January.');
  });

  it('says so when the checkout has no engine', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eval-before-'));
    made.push(dir);
    await mkdir(join(dir, 'src/search'), { recursive: true });
    await writeFile(join(dir, 'src/search/engine.ts'), 'export const nothing = 1;\n');
    await expect(beforeRetrievers(dir)).rejects.toThrow(/exports no createEngine function/u);
  });
});
