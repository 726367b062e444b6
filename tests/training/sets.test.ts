import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/search/options.js';
import { setExamples } from '../../training/examples.js';
import { VectorTable } from '../../training/meaning.js';
import { halfOf, loadQaSet, loadTrainingData, QA_SETS, type QaSetName, type TrainingData } from '../../training/sets.js';
import { hashedEmbedder } from './support/hashed-embedder.js';

/** The articles and question ids of every set's test half: what training must never read. */
async function testHalves(): Promise<Map<QaSetName, { articles: Set<string>; questions: Set<string> }>> {
  const halves = new Map<QaSetName, { articles: Set<string>; questions: Set<string> }>();
  for (const name of Object.keys(QA_SETS) as QaSetName[]) {
    const test = halfOf(await loadQaSet(name), name, 'test');
    halves.set(name, {
      articles: new Set(test.corpus.articles.map((article) => article.id)),
      questions: new Set(test.questions.map((question) => question.id)),
    });
  }
  return halves;
}

describe('what training may read', () => {
  let data: TrainingData;
  let test: Awaited<ReturnType<typeof testHalves>>;
  beforeAll(async () => {
    [data, test] = await Promise.all([loadTrainingData(), testHalves()]);
  }, 60_000);

  it('holds no test-half question or article of any set, only dev halves', () => {
    for (const half of [...data.trained, ...data.validation]) {
      const forbidden = test.get(half.name);
      expect(half.split).toBe('dev');
      expect(half.corpus.articles.filter((article) => forbidden?.articles.has(article.id))).toEqual([]);
      expect(half.questions.filter((question) => question.split !== 'dev' || forbidden?.questions.has(question.id))).toEqual([]);
      expect(half.corpus.articles.length).toBeGreaterThan(0);
    }
  });

  it('builds training examples that ask no test-half question and search no test-half article', async () => {
    const news = data.trained.find((half) => half.name === 'news');
    if (news === undefined) throw new Error('the news dev half is not trained on');
    const vectors = await VectorTable.of(
      [
        ...news.corpus.articles.flatMap((article) => [article.title, ...article.sentences.map((sentence) => sentence.text)]),
        ...news.questions.map((question) => question.question),
      ],
      hashedEmbedder(),
    );
    const asked = setExamples(news, { options: resolveOptions(), thesaurus: null, vectors, setWeight: 1 }, ['pooled', 'answer removed']);
    const forbidden = test.get('news');
    expect(asked.length).toBeGreaterThan(news.questions.length);
    expect(asked.filter((entry) => forbidden?.questions.has(entry.questionId))).toEqual([]);
    expect(asked.flatMap((entry) => entry.articles).filter((article) => forbidden?.articles.has(article))).toEqual([]);
  }, 120_000);

  it('loads question sets and takes halves only in training/sets.ts', () => {
    const others = readdirSync('training')
      .filter((name) => name.endsWith('.ts') && name !== 'sets.ts')
      .filter((name) => /\b(?:loadNewsSet|loadQaSet|halfOf)\s*\(|['"]test['"]/u.test(readFileSync(join('training', name), 'utf8')));
    expect(others).toEqual([]);
  });
});
