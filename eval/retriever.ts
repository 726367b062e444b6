import MiniSearch from 'minisearch';
import type { Article, Corpus } from '../src/corpus/types.js';
import { createEngine } from '../src/search/engine.js';
import type { EngineOptions } from '../src/search/options.js';

/** One returned sentence, as the scoring rules need it. */
export interface Retrieved {
  readonly articleId: string;
  readonly paragraph: number;
  readonly text: string;
}

/** Anything that answers a question with ranked sentences: our engine or a baseline. */
export type Retriever = (question: string, limit: number) => Retrieved[];

export function engineRetriever(corpus: Corpus, options?: EngineOptions): Retriever {
  const engine = createEngine(corpus, options);
  return (question, limit) =>
    engine
      .ask(question, { limit })
      .map((answer) => ({ articleId: answer.source.article, paragraph: answer.source.paragraph, text: answer.text }));
}

/** MiniSearch exactly as a newcomer would use it: default options, one `text` field, over our sentences. */
export function plainMiniSearchRetriever(articles: readonly Article[]): Retriever {
  return plainMiniSearchOver(
    articles.flatMap((article) =>
      article.sentences.map((sentence) => ({ articleId: article.id, paragraph: sentence.paragraph, text: sentence.text })),
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
          .map((segment) => ({ articleId: article.id, paragraph: index + 1, text: segment.segment.trim() }))
          .filter((sentence) => sentence.text !== ''),
      ),
    ),
  );
}

function plainMiniSearchOver(sentences: readonly Retrieved[]): Retriever {
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  index.addAll(sentences.map((sentence, id) => ({ id, text: sentence.text })));
  return (question, limit) =>
    index
      .search(question)
      .slice(0, limit)
      .flatMap((result) => sentences[Number(result.id)] ?? []);
}
