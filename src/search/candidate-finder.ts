import type { Analyzer } from './analyzer.js';
import { type FollowUp, resolveFollowUp, withEarlierArticles } from './follow-up.js';
import type { SentenceIndex } from './index/sentence-index.js';
import { indexQueryOf } from './index-query.js';
import type { IndexedCorpus } from './indexed-corpus.js';
import type { QuestionMeaning, QuestionSummary } from './model/feature-context.js';
import { type Candidate, candidateFeatures } from './model/features.js';
import type { ResolvedOptions } from './options.js';
import { type AnalyzedQuestion, analyzeQuestion } from './question.js';
import type { PreviousTurn } from './types.js';
import type { Thesaurus } from './wordnet.js';
import { type CorpusVectors, TextVectors } from './vectors/sentence-vectors.js';

/** Questions are cut to this many characters: no real question is longer, and it bounds the work. */
export const MAX_QUESTION_LENGTH = 1000;

/** Where and how to look for a question's candidates. */
export interface FindScope {
  /** Only this article's sentences. */
  readonly article?: string | undefined;
  /** The corpus's vectors and the question's: candidates by meaning too, and the meaning features. */
  readonly meaning?: QuestionMeaning | null;
  /** The conversation the question follows up, earlier turns oldest first. */
  readonly context?: readonly PreviousTurn[] | undefined;
}

/** The sentences that might answer a question, with what ranking needs to know about each. */
export interface FoundCandidates {
  readonly question: AnalyzedQuestion;
  /** The best BM25 hits (up to `candidates` of them), best first, with their features. */
  readonly candidates: readonly Candidate[];
  /** What the refusal rule needs to know of the question besides its candidates. */
  readonly summary: QuestionSummary;
  /** What a follow-up takes from the earlier turns; null for a question read on its own. */
  readonly followUp: FollowUp | null;
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
  readonly #rangeList: ReadonlyArray<{ readonly first: number; readonly end: number }>;
  readonly #means = new WeakMap<CorpusVectors, TextVectors>();

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
    this.#rangeList = [...this.#articleRanges.values()];
  }

  get index(): SentenceIndex {
    return this.#index;
  }

  /**
   * The candidates for `question`: from one article when `scope.article` is given; measured in
   * meaning too when `scope.meaning` gives the corpus's vectors and the question's; leaning on
   * the conversation `scope.context` (earlier turns, oldest first) when it is a follow-up.
   */
  find(question: string, scope: FindScope = {}): FoundCandidates {
    const { article, meaning = null, context = [] } = scope;
    const text = String(question).slice(0, MAX_QUESTION_LENGTH);
    const own = this.#analyze(text);
    // Follow-ups: the earlier turns add concepts, and their articles' best sentences join the candidates.
    const followUp =
      context.length === 0
        ? null
        : resolveFollowUp(text, own, context, {
            index: this.#index,
            analyze: (earlier) => this.#analyze(earlier),
            options: this.#options.followUp,
          });
    const analyzed = followUp?.question ?? own;
    const query = indexQueryOf(analyzed.concepts, this.#index, this.#options);
    const byMeaning = meaning === null ? [] : this.#nearestInMeaning(meaning, article);
    const search = (articleId: string | undefined, also: readonly number[] = []) =>
      this.#index.search(query, {
        contextBoost: this.#options.contextBoost,
        bm25: this.#options.bm25,
        rescoredHits: this.#options.rescoredHits,
        articleId,
        limit: this.#options.candidates,
        also,
      });
    const hits =
      followUp === null || article !== undefined
        ? search(article, byMeaning)
        : withEarlierArticles(search(undefined, byMeaning), followUp, this.#index, search);
    const { summary, candidates } = candidateFeatures(hits, analyzed, text, {
      index: this.#index,
      titleTermsOf: (id) => this.#titleTermsOf(id),
      articleRowOf: (id) => this.#articleRows.get(this.#index.sentences[id]?.articleId ?? '') ?? -1,
      meaning,
    });
    return { question: analyzed, candidates, summary, followUp };
  }

  #analyze(question: string): AnalyzedQuestion {
    return analyzeQuestion(String(question).slice(0, MAX_QUESTION_LENGTH), {
      analyzer: this.#analyzer,
      index: this.#index,
      thesaurus: this.#thesaurus,
      options: this.#options,
    });
  }

  /**
   * The sentences closest to the question in meaning: candidates whatever their words. They are
   * looked for in the articles closest to the question (by the mean of their sentences' vectors),
   * so that a question costs about the same whatever the size of the corpus; in one article when
   * `article` is given.
   */
  #nearestInMeaning(meaning: QuestionMeaning, article: string | undefined): number[] {
    const { vectorCandidates, vectorArticles } = this.#options;
    const sentences = meaning.vectors.sentences;
    const ranges =
      article === undefined
        ? this.#articleMeans(meaning.vectors)
            .nearest(meaning.question, vectorArticles)
            .flatMap(({ row }) => this.#rangeList[row] ?? [])
        : [this.#articleRanges.get(article)].filter((range) => range !== undefined);
    return ranges
      .flatMap(({ first, end }) => sentences.nearest(meaning.question, vectorCandidates, first, end))
      .sort((a, b) => b.cosine - a.cosine || a.row - b.row)
      .slice(0, vectorCandidates)
      .map((near) => near.row);
  }

  /** Each article's mean sentence vector, in corpus order: computed once per set of vectors. */
  #articleMeans(vectors: CorpusVectors): TextVectors {
    let means = this.#means.get(vectors);
    if (means === undefined) {
      const { dimensions } = vectors.sentences;
      means = TextVectors.fromFloats(
        this.#rangeList.map(({ first, end }) => {
          const sum = new Float32Array(dimensions);
          for (let row = first; row < end; row += 1) {
            const vector = vectors.sentences.vector(row);
            for (let at = 0; at < dimensions; at += 1) sum[at] = (sum[at] ?? 0) + (vector[at] ?? 0);
          }
          return sum;
        }),
        dimensions,
      );
      this.#means.set(vectors, means);
    }
    return means;
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
