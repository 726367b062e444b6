import type { Answer, AnswerSet, ArticleSummary, AskOptions, Confidence, Engine } from '../../src/search/types.js';

export interface FakeArticle {
  readonly summary: ArticleSummary;
  readonly paragraphs: readonly string[];
}

export function article(id: string, overrides: Partial<ArticleSummary> = {}, paragraphs: readonly string[] = []): FakeArticle {
  return {
    summary: {
      id,
      title: `Title of ${id}`,
      date: '2025-07-03',
      url: `https://example.com/${id}`,
      source: 'Example News',
      added: null,
      feed: null,
      paragraphs: paragraphs.length,
      sentences: paragraphs.length * 2,
      ...overrides,
    },
    paragraphs,
  };
}

export interface FakeEngineOptions {
  /**
   * How sure the engine says it is of a question that matched something: `high` (the default)
   * or `low`. A question that matches nothing is always `none`.
   */
  readonly confidence?: (question: string) => Exclude<Confidence, 'none'>;
}

/**
 * An engine that answers from fixed passages: every passage whose text contains a word of the
 * question (case-insensitive) matches, in the order given. Enough to drive the bot without the
 * real index; `options.confidence` gives each of the engine's answer states.
 */
export function fakeEngine(articles: readonly FakeArticle[], options: FakeEngineOptions = {}): Engine {
  const passages = articles.flatMap((entry) =>
    entry.paragraphs.map((text, index) => ({ article: entry.summary, text, paragraph: index + 1 })),
  );
  return {
    articles: articles.map((entry) => entry.summary),
    async ask(question: string, askOptions: AskOptions = {}): Promise<AnswerSet> {
      const words: string[] = question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      const matches = passages
        .filter((passage) => askOptions.article === undefined || passage.article.id === askOptions.article)
        .map((passage) => ({
          passage,
          terms: (passage.text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => words.includes(word.toLowerCase())),
        }))
        .filter((match) => match.terms.length > 0);
      const offset = askOptions.offset ?? 0;
      const answers = matches.slice(offset, offset + (askOptions.limit ?? 3)).map(({ passage, terms }, index) => ({
        text: passage.text,
        passage: passage.text,
        score: 100 - offset - index,
        terms,
        source: {
          article: passage.article.id,
          title: passage.article.title,
          date: passage.article.date,
          url: passage.article.url,
          paragraph: passage.paragraph,
          sentence: passage.paragraph * 2 - 1,
        },
      }));
      if (matches.length === 0) return { answers, confidence: 'none', probability: 0 };
      const confidence = options.confidence?.(question) ?? 'high';
      return { answers, confidence, probability: confidence === 'high' ? 0.9 : 0.5 };
    },
    paragraph(articleId: string, paragraph: number): string | undefined {
      return articles.find((entry) => entry.summary.id === articleId)?.paragraphs[paragraph - 1];
    },
  };
}

export function answer(overrides: Partial<Answer> = {}, source: Partial<Answer['source']> = {}): Answer {
  return {
    text: 'Putin said Russia will pursue its goals.',
    passage: 'Putin said Russia will pursue its goals.',
    score: 1,
    terms: ['Putin', 'goals'],
    source: {
      article: 'trump-putin-call',
      title: 'Trump says no progress with Putin',
      date: '2025-07-03',
      url: 'https://kyivindependent.com/trump-putin-call',
      paragraph: 5,
      sentence: 9,
      ...source,
    },
    ...overrides,
  };
}
