import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { engineOver } from '../../src/search/engine.js';
import { leaningOf } from '../../src/search/follow-up.js';
import { indexCorpus, type IndexedCorpus } from '../../src/search/indexed-corpus.js';
import { DEFAULT_OPTIONS } from '../../src/search/options.js';
import type { AnalyzedQuestion } from '../../src/search/question.js';
import type { AnswerSet, Engine, PreviousTurn } from '../../src/search/types.js';

// Questions written for these tests over the news set's dev articles (not the follow-up
// evaluation set's questions), and over the seed article.
let news: IndexedCorpus;
let engine: Engine;
let seed: Engine;
beforeAll(async () => {
  news = indexCorpus(await loadCorpus('eval/news/articles'));
  engine = engineOver(news);
  seed = engineOver(indexCorpus(await loadCorpus('corpus')));
});

/** The earlier turns of a conversation, each with the passages `engine` itself answered it with (as the bot keeps them). */
async function conversation(on: Engine, questions: readonly string[]): Promise<PreviousTurn[]> {
  const turns: PreviousTurn[] = [];
  for (const question of questions) {
    const { answers } = await on.ask(question, { context: turns });
    turns.push({
      question,
      passages: answers.map(({ source }) => ({ article: source.article, paragraph: source.paragraph, sentence: source.sentence })),
    });
  }
  return turns;
}

const firstText = (set: AnswerSet) => set.answers[0]?.text;
const firstArticle = (set: AnswerSet) => set.answers[0]?.source.article;

describe('a follow-up question', () => {
  it('is answered surely from what the question before was about: "how many times have they spoken?" after a question on the call', async () => {
    const context = await conversation(seed, ['did trump talk to putin on the phone?']);
    // Alone, "they" could be anyone: the closest passages come hedged, never as a sure answer.
    expect((await seed.ask('how many times have they spoken?')).confidence).not.toBe('high');
    const followingUp = await seed.ask('how many times have they spoken?', { context });
    expect(firstText(followingUp)).toBe('The call marks the sixth conversation between the two men since Trump took office in January.');
    expect(followingUp).toMatchObject({ followedUp: true, confidence: 'high' });
  });

  it('finds "who gave them the samples?" in the article of the answer before, among 38 articles', async () => {
    const context = await conversation(engine, ['what did the la jolla scientists find against ebola?']);
    expect(firstArticle(await engine.ask('who gave them the samples?'))).not.toBe('2022-03-19-decoy-proof-ebola-antibodies');
    expect(firstText(await engine.ask('who gave them the samples?', { context }))).toContain('donated to Emory University');
  });

  it('answers "when did that happen?" about what the question before asked', async () => {
    const context = await conversation(engine, ['who stole the gold toilet?']);
    expect(firstArticle(await engine.ask('when did that happen?'))).not.toBe('2019-09-18-gold-toilet-theft-arrests');
    expect(firstText(await engine.ask('when did that happen?', { context }))).toContain('was stolen on Saturday');
  });

  it('that names another article of the same story by its own words moves there, not back to the earlier answer', async () => {
    const context = await conversation(engine, ["what did emily murphy's letter let biden do?"]);
    expect(context[0]?.passages[0]?.article).toBe('2020-11-26-gsa-begins-presidential-transition');
    const moved = await engine.ask('and how many people were arrested at the freedom plaza rally?', { context });
    expect(firstArticle(moved)).toBe('2020-11-17-violence-at-pro-trump-protest');
    expect(moved.answers.map((answer) => answer.text).join(' ')).toContain('twenty people were arrested');
  });

  it.each([
    [
      'a whole question of its own',
      ['who stole the gold toilet?', 'when did that happen?'],
      'which two antibodies did the scientists identify against ebola?',
    ],
    [
      "short or elliptical but about what the conversation's articles do not hold",
      ['who stole the gold toilet?'],
      'and the ebola antibodies?',
    ],
  ])('that is %s is answered exactly as if asked alone, from its own article, and says so', async (_kind, earlier, question) => {
    const context = await conversation(engine, earlier);
    const followingUp = await engine.ask(question, { context });
    expect(firstArticle(followingUp)).toBe('2022-03-19-decoy-proof-ebola-antibodies');
    expect(followingUp).toEqual({ ...(await engine.ask(question)), followedUp: false });
  });

  it('that says it starts afresh ("unrelated, but ...") is read on its own', async () => {
    const context = await conversation(engine, ['who stole the gold toilet?']);
    const question = 'unrelated, but when did that happen?';
    expect(await engine.ask(question, { context })).toEqual({ ...(await engine.ask(question)), followedUp: false });
  });

  it("shows its own words in bold, not the earlier questions'", async () => {
    const context = await conversation(engine, ['who stole the gold toilet?']);
    const [first] = (await engine.ask('when did that happen?', { context })).answers;
    expect(first?.terms.map((term) => term.toLowerCase())).not.toContain('toilet');
  });

  it('ignores earlier passages the corpus does not have (a reload took them away, or they never were)', async () => {
    const context: PreviousTurn[] = [
      {
        question: 'who stole the gold toilet?',
        passages: [
          { article: 'no-such-article', paragraph: 1, sentence: 1 },
          { article: '2019-09-18-gold-toilet-theft-arrests', paragraph: 1, sentence: 9999 },
          { article: '2019-09-18-gold-toilet-theft-arrests', paragraph: Number.NaN, sentence: 0.5 },
        ],
      },
    ];
    expect((await engine.ask('when did that happen?', { context })).answers.length).toBeGreaterThan(0);
  });
});

describe('a question asked without context', () => {
  const questions = [
    'How many times have Trump and Putin spoken?',
    'who makes decisions in russia?',
    'what did zelenksy say about peace',
    'What is the capital of France?',
    '',
    'when did that happen?',
  ];

  it('gets exactly the answers it got before context existed, whether context is left out or empty', async () => {
    for (const on of [seed, engine]) {
      for (const question of questions) {
        const before = await on.ask(question, { limit: 5 });
        expect(await on.ask(question, { limit: 5, context: [] })).toEqual(before);
        expect(await on.ask(question, { limit: 5, context: undefined })).toEqual(before);
      }
    }
    expect(await seed.ask('who makes decisions?', { context: [] })).toEqual(await seed.ask('who makes decisions?'));
    expect(await engine.ask('what did trump tweet?', { offset: 2, limit: 2, context: [] })).toEqual(
      await engine.ask('what did trump tweet?', { offset: 2, limit: 2 }),
    );
  });
});

describe('leaningOf', () => {
  const options = DEFAULT_OPTIONS.followUp;
  const question = (known: number): AnalyzedQuestion => ({
    concepts: Array.from({ length: known }, () => ({ terms: new Map([['x', 1]]), variants: new Set(['x']), weight: 1, known: true })),
    answerType: 'any',
    words: new Set(),
  });

  it('reads "unrelated, but ...", "ok other thing, ..." and "new question: ..." as starting afresh', () => {
    for (const text of [
      'unrelated, but who won?',
      'ok other thing, who won',
      'new question: who won?',
      'anyway when did it start',
      'btw who won',
    ])
      expect(leaningOf(text, question(2), options)).toBe('fresh');
  });

  it('reads "and the uk?" and "what about trump" as elliptical', () => {
    for (const text of ['and the uk?', 'what about trump', 'how about the second one?'])
      expect(leaningOf(text, question(1), options)).toBe('ellipsis');
  });

  it('reads a pronoun in a short question as leaning on the earlier turns, and not in a long one', () => {
    expect(leaningOf('what did he say?', question(1), options)).toBe('reference');
    expect(leaningOf('when was that', question(0), options)).toBe('reference');
    expect(leaningOf('does calling it a pandemic mean the virus got more dangerous?', question(5), options)).toBe('none');
  });

  it('reads a question with too few words of its own as leaning, and one with enough as whole', () => {
    expect(leaningOf('population?', question(1), options)).toBe('few-words');
    expect(leaningOf('how many votes did biden win', question(3), options)).toBe('none');
  });
});
