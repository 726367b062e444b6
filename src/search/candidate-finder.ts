import type { Analyzer } from './analyzer.js';
import { type FollowUp, resolveFollowUp, withEarlierArticles } from './follow-up.js';
import type { SentenceIndex } from './index/sentence-index.js';
import { indexQueryOf } from './index-query.js';
import type { IndexedCorpus } from './indexed-corpus.js';
import { type Candidate, candidateFeatures } from './model/features.js';
import type { ResolvedOptions } from './options.js';
import { type AnalyzedQuestion, analyzeQuestion } from './question.js';
import type { PreviousTurn } from './types.js';
import type { Thesaurus } from './wordnet.js';

/** Questions are cut to this many characters: no real question is longer, and it bounds the work. */
export const MAX_QUESTION_LENGTH = 1000;

/** The sentences that might answer a question, with what ranking needs to know about each. */
export interface FoundCandidates {
  readonly question: AnalyzedQuestion;
  /** The best BM25 hits (up to `candidates` of them), best first, with their features. */
  readonly candidates: readonly Candidate[];
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

  constructor({ corpus, analyzer, index }: IndexedCorpus, options: ResolvedOptions, thesaurus: Thesaurus | null) {
    this.#analyzer = analyzer;
    this.#index = index;
    this.#options = options;
    this.#thesaurus = thesaurus;
    this.#titles = new Map(corpus.articles.map((article) => [article.id, article.title]));
  }

  get index(): SentenceIndex {
    return this.#index;
  }

  /**
   * The candidates for `question`, from one article when `article` is given; `context` is the
   * conversation it follows up (earlier turns, oldest first).
   */
  find(question: string, article?: string, context: readonly PreviousTurn[] = []): FoundCandidates {
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
    const search = (articleId: string | undefined) =>
      this.#index.search(query, {
        contextBoost: this.#options.contextBoost,
        bm25: this.#options.bm25,
        rescoredHits: this.#options.rescoredHits,
        articleId,
        limit: this.#options.candidates,
      });
    const hits =
      followUp === null || article !== undefined ? search(article) : withEarlierArticles(search(undefined), followUp, this.#index, search);
    const candidates = candidateFeatures(hits, analyzed, text, { index: this.#index, titleTermsOf: (id) => this.#titleTermsOf(id) });
    return { question: analyzed, candidates, followUp };
  }

  #analyze(question: string): AnalyzedQuestion {
    return analyzeQuestion(String(question).slice(0, MAX_QUESTION_LENGTH), {
      analyzer: this.#analyzer,
      index: this.#index,
      thesaurus: this.#thesaurus,
      options: this.#options,
    });
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
