/**
 * `engine.ask` over the shipped corpus, for any text at all as the question: it never throws,
 * never returns more than asked for, and every answer it gives is well-formed.
 */
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answersOnPage, firstAnswerReply } from '../../src/bot/answer-pages.js';
import { checkQuestion, searchableQuestion } from '../../src/bot/question-text.js';
import { createEngine, loadCorpus, type Answer, type AskOptions, type Engine } from '../../src/index.js';
import { QUESTION_EXAMPLES, decoratedQuestion, hostileText } from './arbitraries.js';

/** Any text, and questions about the corpus dressed in hostile tokens (so that many find passages). */
const anyQuestion = fc.oneof(hostileText, decoratedQuestion);
import { payloadProblems } from './discord-checks.js';

const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));
const RUNS = 400;

let engine: Engine;
let articleIds: string[];

beforeAll(async () => {
  engine = createEngine(await loadCorpus(CORPUS));
  articleIds = engine.articles.map((article) => article.id);
});

/** Every way an answer is malformed; empty when it is fine. */
function answerProblems(answer: Answer, options: AskOptions): string[] {
  const problems: string[] = [];
  const { source } = answer;
  if (!Number.isSafeInteger(source.paragraph) || source.paragraph < 1) problems.push(`paragraph ${source.paragraph}`);
  if (!Number.isSafeInteger(source.sentence) || source.sentence < 1) problems.push(`sentence ${source.sentence}`);
  if (answer.text.trim() === '') problems.push('empty text');
  if (!answer.passage.includes(answer.text)) problems.push('the passage does not contain the matched sentence');
  if (!/[\p{L}\p{N}]/u.test(answer.passage)) problems.push('the passage has no letters or digits');
  if (!Number.isFinite(answer.score)) problems.push(`score ${answer.score}`);
  for (const term of answer.terms) {
    if (term === '' || !answer.passage.includes(term)) problems.push(`term ${JSON.stringify(term)} is not in the passage`);
  }
  if (!articleIds.includes(source.article)) problems.push(`unknown article ${source.article}`);
  if (options.article !== undefined && source.article !== options.article) problems.push('answer from another article');
  if (source.title.trim() === '') problems.push('empty title');
  const paragraph = engine.paragraph(source.article, source.paragraph);
  if (paragraph === undefined) problems.push(`article ${source.article} has no paragraph ${source.paragraph}`);
  return problems;
}

const askOptions: fc.Arbitrary<AskOptions & { limit: number }> = fc.record(
  {
    limit: fc.integer({ min: 0, max: 60 }),
    offset: fc.integer({ min: 0, max: 20 }),
    article: fc.oneof(fc.constant('2025-07-03-trump-putin-call'), hostileText),
  },
  { requiredKeys: ['limit'] },
);

describe('engine.ask with any question', () => {
  it('never throws, returns at most `limit` answers, each well-formed', async () => {
    await fc.assert(
      fc.asyncProperty(anyQuestion, askOptions, async (text, options) => {
        const answers = (await engine.ask(text, options)).answers;
        expect(Array.isArray(answers)).toBe(true);
        expect(answers.length).toBeLessThanOrEqual(options.limit);
        for (const answer of answers) expect(answerProblems(answer, options)).toEqual([]);
      }),
      { numRuns: RUNS, examples: QUESTION_EXAMPLES.map((question) => [question, { limit: 50 }]) },
    );
  });

  it('gives the same answers to the same question (no state leaks between questions)', async () => {
    await fc.assert(
      fc.asyncProperty(anyQuestion, anyQuestion, async (text, other) => {
        const first = (await engine.ask(text, { limit: 5 })).answers;
        await engine.ask(other, { limit: 5 });
        expect((await engine.ask(text, { limit: 5 })).answers).toEqual(first);
      }),
      { numRuns: 60 },
    );
  });

  it('pages without overlap: offset n skips exactly the first n answers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(anyQuestion, fc.constantFrom(...QUESTION_EXAMPLES)),
        fc.integer({ min: 0, max: 6 }),
        async (text, offset) => {
          const all = (await engine.ask(text, { limit: offset + 3 })).answers;
          expect((await engine.ask(text, { limit: 3, offset })).answers).toEqual(all.slice(offset));
        },
      ),
      {
        numRuns: 60,
        examples: [
          ['What did Putin say about his goals?', 1],
          ['Trump Putin call', 3],
        ],
      },
    );
  });
});

describe('the bot asking the engine', () => {
  it('for any question the bot accepts, the first page and the next ones are valid Discord replies', async () => {
    await fc.assert(
      fc.asyncProperty(anyQuestion, fc.boolean(), fc.integer({ min: 1, max: 5 }), async (text, filtered, page) => {
        const checked = checkQuestion(text);
        if (!checked.ok) return;
        const article = filtered ? { id: '2025-07-03-trump-putin-call', title: 'Trump says' } : null;
        const state = { question: checked.question, article };
        expect(payloadProblems((await firstAnswerReply(engine, state)).reply)).toEqual([]);
        const { answers, hasMore } = await answersOnPage(engine, state, page);
        expect(answers.length).toBeLessThanOrEqual(3);
        if (hasMore) expect(answers).toHaveLength(3);
        // Page 1 shows the engine's own best passages for the words of the question.
        if (!filtered) {
          expect((await answersOnPage(engine, state, 1)).answers).toEqual(
            (await engine.ask(searchableQuestion(checked.question), { limit: 3 })).answers,
          );
        }
      }),
      { numRuns: 150, examples: QUESTION_EXAMPLES.map((question) => [question, false, 1]) },
    );
  });
});
