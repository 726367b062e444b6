import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { parseArticle } from '../../src/corpus/parse-article.js';
import type { Article, Corpus } from '../../src/corpus/types.js';
import { createEngine } from '../../src/search/engine.js';
import type { Engine } from '../../src/search/types.js';

const SEED = '2025-07-03-trump-putin-call';

function article(id: string, text: string, meta: Partial<Pick<Article, 'title' | 'date' | 'url'>> = {}): Article {
  const parsed = parseArticle(`${id}.txt`, id, 'txt', text).article;
  if (parsed === null) throw new Error(`test article ${id} did not parse`);
  return { ...parsed, ...meta };
}
const corpusOf = (...articles: Article[]): Corpus => ({ articles, aliasGroups: [], problems: [] });

let seed: Engine;
beforeAll(async () => {
  seed = createEngine(await loadCorpus('corpus'));
});

describe('engine.ask on the seed article', () => {
  it('answers "How many times have Trump and Putin spoken?" with the sixth conversation, cited', async () => {
    const [top] = (await seed.ask('How many times have Trump and Putin spoken?')).answers;
    expect(top?.text).toBe('The call marks the sixth conversation between the two men since Trump took office in January.');
    expect(top?.source).toEqual({
      article: SEED,
      title: 'Trump says he "didn\'t make any progress" with Putin on ending the war in Ukraine',
      date: '2025-07-03',
      url: null,
      paragraph: 4,
      sentence: 7,
    });
  });

  it('answers "Who makes decisions in Russia?" with Zelensky\'s point that only Putin does', async () => {
    expect((await seed.ask('Who makes decisions in Russia?')).answers[0]?.text).toContain('only Putin makes decisions in Russia');
  });

  it('returns nothing for a question the corpus cannot answer', async () => {
    expect((await seed.ask('What is the capital of France?')).answers).toEqual([]);
    expect((await seed.ask('best pizza in town?')).answers).toEqual([]);
  });

  it('finds the right sentence despite a typo in a name', async () => {
    expect((await seed.ask('what did zelenksy say about peace')).answers[0]?.text).toContain('Zelensky');
  });

  it('matches aliases: the Pentagon finds the Defense Department, Kiev finds Kyiv', async () => {
    expect((await seed.ask('did the pentagon stop sending weapons?')).answers[0]?.text).toContain('Defense Department paused shipments');
    expect((await seed.ask('negotiations between Kiev and Moscow')).answers[0]?.text).toContain('negotiations between Kyiv and Moscow');
  });

  it('shows the whole quotation a matched sentence belongs to', async () => {
    const answer = (await seed.ask('Was it a long call?')).answers.find((entry) => entry.text === 'It was a pretty long call.');
    expect(answer?.passage).toBe(
      '"We had a call. It was a pretty long call. We talked about a lot of things," Trump said ahead of his flight to an Iowa event.',
    );
  });

  it('returns the words that matched, as written in the passage, for highlighting', async () => {
    const [top] = (await seed.ask('pentagon weapons')).answers;
    expect(top?.terms).toEqual(expect.arrayContaining(['Defense Department', 'weapons']));
    for (const term of top?.terms ?? []) expect(top?.passage).toContain(term);
  });

  it('returns at most `limit` passages, best first, and pages with `offset`', async () => {
    const all = (await seed.ask('Putin Trump call', { limit: 6 })).answers;
    expect(all.length).toBeGreaterThan(3);
    expect((await seed.ask('Putin Trump call', { limit: 2 })).answers).toEqual(all.slice(0, 2));
    expect((await seed.ask('Putin Trump call', { limit: 2, offset: 2 })).answers).toEqual(all.slice(2, 4));
    const scores = all.map((answer) => answer.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('never throws and stays bounded for odd questions', async () => {
    for (const question of [
      '',
      '   ',
      '?',
      '🙂'.repeat(1000),
      'x'.repeat(100_000),
      '@everyone <@123> <@&456> <#789>',
      '\u0000\u202e\u200b',
      '**bold** ||spoiler|| `code`',
      'https://example.com/a?b=c',
    ]) {
      const answers = (await seed.ask(question)).answers;
      expect(answers.length).toBeLessThanOrEqual(3);
    }
  });

  it('answers nothing when restricted to an article that does not exist, and bounds limits', async () => {
    expect((await seed.ask('Putin', { article: 'no-such-article' })).answers).toEqual([]);
    expect((await seed.ask('Putin', { limit: 0 })).answers).toEqual([]);
    expect((await seed.ask('Putin Trump Ukraine Russia call', { limit: 10_000 })).answers.length).toBeLessThanOrEqual(50);
  });
});

describe('engine over several articles', () => {
  const engine = createEngine(
    corpusOf(
      article('harvest', 'date 2025-09-01 The apple harvest in Normandy doubled this year.\n\nFarmers said the rain came early.', {
        title: 'Apple harvest',
      }),
      article('harvest-copy', 'date 2025-09-02 The apple harvest in Normandy doubled this year.\n\nA syndicated copy of the same story.', {
        title: 'Apple harvest (copy)',
      }),
      article(
        'rockets',
        'date 2024-05-05 The rocket launch was delayed by strong winds.\n\nEngineers said the launch will happen on Friday.',
        { title: 'Rocket launch', url: 'https://example.com/rockets' },
      ),
    ),
  );

  it('restricts answers to one article when asked', async () => {
    const answers = (await engine.ask('launch delayed', { article: 'harvest' })).answers;
    expect(answers.every((answer) => answer.source.article === 'harvest')).toBe(true);
    expect((await engine.ask('when will the launch happen', { article: 'rockets' })).answers[0]?.source).toMatchObject({
      article: 'rockets',
      url: 'https://example.com/rockets',
      paragraph: 2,
    });
  });

  it('shows a passage repeated in two articles once', async () => {
    const answers = (await engine.ask('apple harvest Normandy')).answers;
    expect(answers.filter((answer) => answer.text.startsWith('The apple harvest')).length).toBe(1);
  });

  it('lists articles newest first with their sizes, and gives paragraphs by number', async () => {
    expect(engine.articles.map((entry) => [entry.id, entry.paragraphs, entry.sentences])).toEqual([
      ['harvest-copy', 2, 2],
      ['harvest', 2, 2],
      ['rockets', 2, 2],
    ]);
    expect(engine.paragraph('rockets', 2)).toBe('Engineers said the launch will happen on Friday.');
    expect(engine.paragraph('rockets', 3)).toBeUndefined();
  });

  it('uses alias groups that the corpus brings', async () => {
    const withAliases = createEngine({
      ...corpusOf(article('nasa', 'The space agency launched a probe.')),
      aliasGroups: [{ canonical: 'NASA', names: ['NASA', 'space agency'] }],
    });
    expect((await withAliases.ask('what did NASA launch?')).answers[0]?.text).toBe('The space agency launched a probe.');
  });

  it('answers nothing over an empty corpus', async () => {
    expect((await createEngine(corpusOf()).ask('anything at all?')).answers).toEqual([]);
  });
});
