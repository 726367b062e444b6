import type { Analyzer } from './analyzer.js';
import type { SentenceIndex } from './index/sentence-index.js';
import { indexQueryOf } from './index-query.js';
import type { IndexedCorpus } from './indexed-corpus.js';
import type { QuestionMeaning, QuestionSummary } from './model/feature-context.js';
import { type Candidate, candidateFeatures } from './model/features.js';
import type { ResolvedOptions } from './options.js';
import { type AnalyzedQuestion, analyzeQuestion } from './question.js';
import type { Thesaurus } from './wordnet.js';

/** Questions are cut to this many characters: no real question is longer, and it bounds the work. */
export const MAX_QUESTION_LENGTH = 1000;

/** The sentences that might answer a question, with what ranking needs to know about each. */
export interface FoundCandidates {
  readonly question: AnalyzedQuestion;
  /** The best BM25 hits (up to `candidates` of them), best first, with their features. */
  readonly candidates: readonly Candidate[];
  /** What the refusal rule needs to know of the question besides its candidates. */
  readonly summary: QuestionSummary;
}

/**
 * Finds the candidate sentences for a question and measures them: question analysis, the
 * index look-up and every feature the ranker and the refusal rule weigh. The engine ranks what
 * it finds; `npm run train` learns from it. Knows nothing of weights.
 */
export class CandidateFinder {
  readonly #analyzer: Analyzer;
  readonly #index: SentenceIndex;
  readonly #options: ResolvedOptions;
  readonly #thesaurus: Thesaurus | null;
  readonly #titleTerms = new Map<string, ReadonlySet<string>>();
  readonly #titles: ReadonlyMap<string, string>;
  readonly #articleRows: ReadonlyMap<string, number>;
  /** Each article's sentence ids: `first` up to, not including, `end`. */
  readonly #articleRanges: ReadonlyMap<string, { readonly first: number; readonly end: number }>;

  constructor({ corpus, analyzer, index }: IndexedCorpus, options: ResolvedOptions, thesaurus: Thesaurus | null) {
    this.#analyzer = analyzer;
    this.#index = index;
    this.#options = options;
    this.#thesaurus = thesaurus;
    this.#titles = new Map(corpus.articles.map((article) => [article.id, article.title]));
    this.#articleRows = new Map(corpus.articles.map((article, row) => [article.id, row]));
    let first = 0;
    this.#articleRanges = new Map(
      corpus.articles.map((article) => {
        const range = { first, end: first + article.sentences.length };
        first = range.end;
        return [article.id, range];
      }),
    );
  }

  get index(): SentenceIndex {
    return this.#index;
  }

  /**
   * The candidates for `question`, from one article when `article` is given, measured in meaning
   * too when `meaning` gives the corpus's vectors and the question's.
   */
  find(question: string, article?: string, meaning: QuestionMeaning | null = null): FoundCandidates {
    const text = String(question).slice(0, MAX_QUESTION_LENGTH);
    const analyzed = analyzeQuestion(text, {
      analyzer: this.#analyzer,
      index: this.#index,
      thesaurus: this.#thesaurus,
      options: this.#options,
    });
    const hits = this.#index.search(indexQueryOf(analyzed.concepts, this.#index, this.#options), {
      contextBoost: this.#options.contextBoost,
      bm25: this.#options.bm25,
      rescoredHits: this.#options.rescoredHits,
      articleId: article,
      limit: this.#options.candidates,
      also: meaning === null ? [] : this.#nearestInMeaning(meaning, article),
    });
    const { summary, candidates } = candidateFeatures(hits, analyzed, text, {
      index: this.#index,
      titleTermsOf: (id) => this.#titleTermsOf(id),
      articleRowOf: (id) => this.#articleRows.get(this.#index.sentences[id]?.articleId ?? '') ?? -1,
      meaning,
    });
    return { question: analyzed, candidates, summary };
  }

  /** The sentences closest to the question in meaning (in one article when `article` is given): candidates whatever their words. */
  #nearestInMeaning(meaning: QuestionMeaning, article: string | undefined): number[] {
    const range = article === undefined ? undefined : this.#articleRanges.get(article);
    if (article !== undefined && range === undefined) return [];
    return meaning.vectors.sentences
      .nearest(meaning.question, this.#options.vectorCandidates, range?.first, range?.end)
      .map((near) => near.row);
  }

  #titleTermsOf(sentence: number): ReadonlySet<string> {
    const articleId = this.#index.sentences[sentence]?.articleId ?? '';
    let terms = this.#titleTerms.get(articleId);
    if (terms === undefined) {
      terms = new Set(this.#analyzer.analyze(this.#titles.get(articleId) ?? '').map((term) => term.term));
      this.#titleTerms.set(articleId, terms);
    }
    return terms;
  }
}
