import MiniSearch from 'minisearch';
import type { Article, Corpus } from '../src/corpus/types.js';
import { engineOver } from '../src/search/engine.js';
import { indexCorpus, type IndexedCorpus } from '../src/search/indexed-corpus.js';
import type { EngineOptions } from '../src/search/options.js';
import type { Confidence, Engine } from '../src/search/types.js';
import type { CorpusVectors } from '../src/search/vectors/sentence-vectors.js';

/** One returned passage, as the scoring rules need it. */
export interface Retrieved {
  readonly articleId: string;
  readonly paragraph: number;
  /** The sentence that matched. */
  readonly text: string;
  /** What a person is shown: the sentence and the neighbours needed to read it. */
  readonly passage: string;
}

/** What a retriever returns for one question: ranked passages, and how sure it is of them. */
export interface Retrieval {
  readonly passages: readonly Retrieved[];
  readonly confidence: Confidence;
}

/** Anything that answers a question with ranked sentences: our engine or a baseline; `article` keeps to one article. */
export type Retriever = (question: string, limit: number, article?: string) => Promise<Retrieval>;

/** Our engine over a corpus: with its sentence vectors (words and meaning) when given, else words only. */
export function engineRetriever(corpus: Corpus, options?: EngineOptions, vectors?: (indexed: IndexedCorpus) => CorpusVectors): Retriever {
  const indexed = indexCorpus(corpus, options);
  return retrieverOf(engineOver(indexed, options, vectors === undefined ? null : vectors(indexed)));
}

/** The answers of an engine already built, as retrieved passages. */
export function retrieverOf(engine: Engine): Retriever {
  return async (question, limit, article) => {
    const { answers, confidence } = await engine.ask(question, { limit, ...(article === undefined ? {} : { article }) });
    return {
      confidence,
      passages: answers.map((answer) => ({
        articleId: answer.source.article,
        paragraph: answer.source.paragraph,
        text: answer.text,
        passage: answer.passage,
      })),
    };
  };
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
  return async (question, limit, article) => {
    const passages = index
      .search(question, article === undefined ? {} : { filter: (result) => sentences[Number(result.id)]?.articleId === article })
      .slice(0, limit)
      .flatMap((result) => sentences[Number(result.id)] ?? []);
    return { passages, confidence: passages.length === 0 ? 'none' : 'high' };
  };
}
