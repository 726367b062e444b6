/**
 * The reply builders, given any question and any answers (wild Unicode, markdown, mentions,
 * huge passages, titles and URLs): they never throw, every payload is within Discord's limits,
 * no mention is allowed, and nothing echoed can ping or render as a mention.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankArticleChoices } from '../../src/bot/article-choices.js';
import { unescapeText } from '../../src/bot/format/escape.js';
import { buildAnswerReply, buildNoAnswerReply, questionTitle, type ArticleFilter } from '../../src/bot/replies/answer-reply.js';
import { buildAddRefusedReply, buildAddReply } from '../../src/bot/replies/add-reply.js';
import { buildContextReply } from '../../src/bot/replies/context-reply.js';
import { buildHelpReply } from '../../src/bot/replies/help-reply.js';
import * as notices from '../../src/bot/replies/notices.js';
import { buildReloadFailedReply, buildReloadReply } from '../../src/bot/replies/reload-reply.js';
import { buildSourcesReply } from '../../src/bot/replies/sources-reply.js';
import type { CorpusProblem } from '../../src/corpus/types.js';
import type { AddedArticle } from '../../src/ingest/ingester.js';
import type { Answer, ArticleSummary } from '../../src/search/types.js';
import { QUESTION_EXAMPLES, corpusWord, hostileAnswer, hostileArticleSummary, hostileText, repeatedTo } from './arbitraries.js';
import { liveMention, payloadProblems, wellFormed } from './discord-checks.js';

const RUNS = 250;

const articleFilter: fc.Arbitrary<ArticleFilter | null> = fc.oneof(
  fc.constant(null),
  fc.record({ id: fc.oneof(fc.constant('2025-07-03-trump-putin-call'), hostileText), title: hostileText }),
);

/** The answers the engine can return for one page: up to 3 (a few more, to be safe). */
const answers = fc.array(hostileAnswer, { maxLength: 5 });

/** Huge, hostile answers the arbitraries reach only rarely, tried on every run of the answer property. */
const HUGE_ANSWER: Answer = {
  text: '@everyone',
  passage: `${repeatedTo('**Putin** <@123456789012345678> ||spoiler|| ` ', 100_000)} @everyone`,
  score: Number.NaN,
  terms: ['Putin', '@everyone', '**', ''],
  source: {
    article: '@here',
    title: repeatedTo('[title](https://evil.example) @everyone 👨‍👩‍👧‍👦 ', 50_000),
    date: repeatedTo('<@&234567890123456789>', 10_000),
    url: `https://example.com/${'(a)'.repeat(30_000)}`,
    paragraph: 2 ** 31,
    sentence: Number.MAX_SAFE_INTEGER,
  },
};

describe('buildAnswerReply and buildNoAnswerReply', () => {
  it('never throw and stay within Discord limits, with no live mention, for any question and answers', () => {
    fc.assert(
      fc.property(
        hostileText,
        articleFilter,
        fc.integer({ min: 1, max: 1000 }),
        answers,
        fc.boolean(),
        (question, article, page, found, hasMore) => {
          const input = wellFormed(question, article, found);
          // Both states with passages: even pages as the engine's `low`, odd ones as `high`.
          const confidence = page % 2 === 0 ? 'low' : 'high';
          const answerReply = buildAnswerReply({ question, article, page, answers: found, hasMore, confidence });
          expect(payloadProblems(answerReply, { wellFormedInput: input })).toEqual([]);
          const noAnswer = buildNoAnswerReply(question, article);
          expect(payloadProblems(noAnswer, { wellFormedInput: input })).toEqual([]);
          // The question is echoed as the title (when there is anything to show), and only there.
          const title = questionTitle(question);
          for (const reply of [answerReply, noAnswer]) {
            expect(reply.embeds[0]?.title).toBe(title.trim() === '' ? undefined : title);
          }
        },
      ),
      {
        numRuns: RUNS,
        examples: [
          ...QUESTION_EXAMPLES.map((question): [string, ArticleFilter | null, number, Answer[], boolean] => [question, null, 1, [], false]),
          [
            'What did Putin say?',
            { id: '@everyone', title: '@here <@123456789012345678>' },
            1,
            [HUGE_ANSWER, HUGE_ANSWER, HUGE_ANSWER],
            true,
          ],
          [QUESTION_EXAMPLES[3] ?? '', null, 1000, [HUGE_ANSWER], true],
        ],
      },
    );
  });

  it('echo the question as typed (escaped, perhaps shortened), never more than it', () => {
    fc.assert(
      fc.property(hostileText, (question) => {
        const title = questionTitle(question);
        expect(liveMention(title)).toBeNull();
        // Unescaped, the title is the start of the question: nothing added but a closing "…".
        // (Zero-width spaces are what defuse mentions, and bidirectional controls are never sent,
        // so both are left out of the comparison.)
        const shown = unescapeText(title.endsWith('…') && title !== question ? title.slice(0, -1) : title).replace(/\u200b/g, '');
        expect(question.replace(/\u200b|\p{Bidi_Control}/gu, '').startsWith(shown.trimEnd())).toBe(true);
      }),
      { numRuns: RUNS * 2, examples: QUESTION_EXAMPLES.map((question) => [question]) },
    );
  });
});

describe('buildContextReply', () => {
  it('never throws and stays within limits for any answer, any paragraph and any neighbours', () => {
    const neighbour = fc.option(hostileText, { nil: undefined });
    fc.assert(
      fc.property(hostileAnswer, hostileText, neighbour, neighbour, (answer, paragraph, previous, next) => {
        const reply = buildContextReply(answer, { previous, paragraph, next });
        expect(payloadProblems(reply, { wellFormedInput: wellFormed(answer, paragraph, previous, next) })).toEqual([]);
      }),
      {
        numRuns: RUNS,
        examples: [
          [HUGE_ANSWER, HUGE_ANSWER.passage, HUGE_ANSWER.passage, HUGE_ANSWER.passage],
          [HUGE_ANSWER, `${HUGE_ANSWER.passage} ${HUGE_ANSWER.passage}`, undefined, ''],
          [HUGE_ANSWER, '', undefined, undefined],
          // A neighbour of astral characters and no space: its end must not start inside a surrogate pair.
          [HUGE_ANSWER, '', '\u{10000}'.repeat(5000), undefined],
        ],
      },
    );
  });
});

describe('notices', () => {
  it('echo an unknown article name without a live mention, within limits', () => {
    fc.assert(
      fc.property(hostileText, (article) => {
        expect(payloadProblems(notices.unknownArticleNotice(article), { wellFormedInput: wellFormed(article) })).toEqual([]);
      }),
      { numRuns: RUNS, examples: QUESTION_EXAMPLES.map((text) => [text]) },
    );
  });

  it('are within limits for any numbers they are given', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 86_400 }),
        (length, max, retryAt, questions, windowSeconds) => {
          for (const reply of [
            notices.questionTooLongNotice(length, max),
            notices.rateLimitedNotice(retryAt),
            buildHelpReply({ questions, windowSeconds }),
          ]) {
            expect(payloadProblems(reply, { wellFormedInput: true })).toEqual([]);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the fixed notices are within limits', () => {
    for (const reply of [
      notices.handlerFailedNotice(),
      notices.emptyQuestionNotice(),
      notices.emptyMessageNotice(),
      notices.buttonsExpiredNotice(),
      notices.noContextNotice(),
      notices.feedbackThanksNotice('up'),
      notices.feedbackThanksNotice('down'),
      notices.missingPermissionNotice(),
      notices.reloadNeedsGuildNotice(),
      notices.unknownCommandNotice(),
    ]) {
      expect(payloadProblems(reply, { wellFormedInput: true })).toEqual([]);
    }
  });
});

describe('buildSourcesReply', () => {
  it('never throws and stays within limits for any list of articles and any page', () => {
    fc.assert(
      fc.property(fc.array(hostileArticleSummary, { maxLength: 35 }), fc.integer({ min: -5, max: 10 }), (articles, page) => {
        expect(payloadProblems(buildSourcesReply(articles, page), { wellFormedInput: wellFormed(articles) })).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });

  it('shows an `added` value that is not a date without cutting it inside a character', () => {
    const article: ArticleSummary = {
      id: 'a',
      title: 'http://a.aa',
      date: '',
      url: null,
      source: null,
      added: '**𐀀  𐀀 𐀀',
      feed: null,
      paragraphs: 0,
      sentences: 0,
    };
    expect(payloadProblems(buildSourcesReply([article], 1), { wellFormedInput: true })).toEqual([]);
  });
});

describe('buildAddReply and buildAddRefusedReply', () => {
  it('never throw and stay within limits for any article, feed run and reason', () => {
    fc.assert(
      fc.property(hostileArticleSummary, hostileText, fc.nat({ max: 100_000 }), (summary, reason, sentences) => {
        const added: AddedArticle = { status: 'added', file: `${summary.id}.md`, ...summary, paragraphs: 1, sentences };
        const replies = [
          buildAddReply(added, null),
          buildAddReply(added, reason),
          buildAddReply(
            {
              status: 'duplicate',
              title: summary.title,
              url: summary.url,
              existing: { file: 'x.md', title: summary.title, by: 'content' },
            },
            null,
          ),
          buildAddReply(
            {
              status: 'feed',
              feed: 'https://x.example/f',
              title: summary.title,
              entries: 30,
              added: Array(12).fill(added),
              alreadyKnown: 3,
              refused: [{ url: 'https://x.example/a', reason, retryable: false }],
            },
            reason,
          ),
          buildAddRefusedReply(reason),
        ];
        for (const reply of replies) expect(payloadProblems(reply, { wellFormedInput: wellFormed(summary, reason) })).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });
});

describe('buildReloadReply and buildReloadFailedReply', () => {
  const problem: fc.Arbitrary<CorpusProblem> = fc.record({
    severity: fc.constantFrom('error', 'warning'),
    file: hostileText,
    line: fc.oneof(fc.constant(null), fc.nat()),
    message: hostileText,
  });

  it('never throw and stay within limits for any problems and any reason', () => {
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 60 }), fc.nat(), fc.nat(), hostileText, (problems, articles, sentences, reason) => {
        const summary = { articles, sentences, problems, previous: { articles: sentences, sentences: articles } };
        expect(payloadProblems(buildReloadReply(summary), { wellFormedInput: wellFormed(problems) })).toEqual([]);
        expect(payloadProblems(buildReloadFailedReply(reason), { wellFormedInput: wellFormed(reason) })).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('article autocomplete choices', () => {
  /** What the corpus loader can produce: ids from file names, dates checked to be YYYY-MM-DD. */
  const corpusArticle: fc.Arbitrary<ArticleSummary> = fc
    .tuple(
      hostileArticleSummary,
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }).filter((id) => id.trim() !== ''),
      fc.oneof(fc.constant(null), fc.date({ min: new Date(0), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true })),
    )
    .map(([article, id, date]) => ({ ...article, id, date: date === null ? null : date.toISOString().slice(0, 10) }));

  it('at most 25, each name 1–100 and value 1–100 characters, for any typed text', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, corpusWord), fc.array(corpusArticle, { maxLength: 40 }), (query, articles) => {
        const choices = rankArticleChoices(query, articles);
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const choice of choices) {
          expect(choice.name.length).toBeGreaterThanOrEqual(1);
          expect(choice.name.length).toBeLessThanOrEqual(100);
          expect(choice.value.length).toBeGreaterThanOrEqual(1);
          expect(choice.value.length).toBeLessThanOrEqual(100);
          expect(articles.some((article) => article.id === choice.value)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
