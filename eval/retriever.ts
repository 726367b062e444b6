import MiniSearch from 'minisearch';
import type { Article, Corpus } from '../src/corpus/types.js';
import { createEngine } from '../src/search/engine.js';
import type { EngineOptions } from '../src/search/options.js';
import type { Engine } from '../src/search/types.js';

/** One returned passage, as the scoring rules need it. */
export interface Retrieved {
  readonly articleId: string;
  readonly paragraph: number;
  /** The sentence that matched. */
  readonly text: string;
  /** What a person is shown: the sentence and the neighbours needed to read it. */
  readonly passage: string;
}

/** Anything that answers a question with ranked sentences: our engine or a baseline; `article` keeps to one article. */
export type Retriever = (question: string, limit: number, article?: string) => Promise<Retrieved[]>;

export function engineRetriever(corpus: Corpus, options?: EngineOptions): Retriever {
  return retrieverOf(createEngine(corpus, options));
}

/** The answers of an engine already built, as retrieved passages. */
export function retrieverOf(engine: Engine): Retriever {
  return async (question, limit, article) =>
    (await engine.ask(question, { limit, ...(article === undefined ? {} : { article }) })).answers.map((answer) => ({
      articleId: answer.source.article,
      paragraph: answer.source.paragraph,
      text: answer.text,
      passage: answer.passage,
    }));
}

/** MiniSearch exactly as a newcomer would use it: default options, one `text` field, over our sentences. */
export function plainMiniSearchRetriever(articles: readonly Article[]): Retriever {
  return plainMiniSearchOver(
    articles.flatMap((article) =>
      article.sentences.map((sentence) => ({
        articleId: article.id,
        paragraph: sentence.paragraph,
        text: sentence.text,
        passage: sentence.text,
      })),
    ),
  );
}

/** The reference set-up of `eval/data/README.md`: plain MiniSearch over `Intl.Segmenter` sentences. */
export function plainMiniSearchSegmenterRetriever(articles: readonly Article[]): Retriever {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  return plainMiniSearchOver(
    articles.flatMap((article) =>
      article.paragraphs.flatMap((paragraph, index) =>
        [...segmenter.segment(paragraph)]
          .map((segment) => segment.segment.trim())
          .filter((text) => text !== '')
          .map((text) => ({ articleId: article.id, paragraph: index + 1, text, passage: text })),
      ),
    ),
  );
}

function plainMiniSearchOver(sentences: readonly Retrieved[]): Retriever {
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  index.addAll(sentences.map((sentence, id) => ({ id, text: sentence.text })));
  return async (question, limit, article) =>
    index
      .search(question, article === undefined ? {} : { filter: (result) => sentences[Number(result.id)]?.articleId === article })
      .slice(0, limit)
      .flatMap((result) => sentences[Number(result.id)] ?? []);
}
