import MiniSearch from 'minisearch';
import type { Article, Corpus } from '../src/corpus/types.js';
import { createEngine, type EngineOptions } from '../src/search/engine.js';

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
    engine.ask(question, { limit }).map((answer) => ({ articleId: answer.source.article, paragraph: answer.source.paragraph, text: answer.text }));
}

/** MiniSearch exactly as a newcomer would use it: default options, one `text` field. */
export function plainMiniSearchRetriever(articles: readonly Article[]): Retriever {
  const sentences = articles.flatMap((article) => article.sentences.map((sentence) => ({ articleId: article.id, paragraph: sentence.paragraph, text: sentence.text })));
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  index.addAll(sentences.map((sentence, id) => ({ id, text: sentence.text })));
  return (question, limit) =>
    index
      .search(question)
      .slice(0, limit)
      .flatMap((result) => sentences[Number(result.id)] ?? []);
}
