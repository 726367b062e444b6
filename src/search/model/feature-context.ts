import type { Sentence } from '../../corpus/types.js';
import { fold } from '../fold.js';
import { type IndexHit, type SentenceIndex, sortedHas } from '../index/sentence-index.js';
import type { AnalyzedQuestion, Concept } from '../question.js';
import type { CorpusVectors } from '../vectors/sentence-vectors.js';

/** What feature computation needs besides the question: the index, and the titles' terms. */
export interface FeatureSources {
  readonly index: SentenceIndex;
  /** The analysed terms of the title of the article a sentence is from. */
  readonly titleTermsOf: (sentence: number) => ReadonlySet<string>;
  /** The position in the corpus (the row of its title's vector) of the article a sentence is from. */
  readonly articleRowOf: (sentence: number) => number;
  /** The corpus's vectors and the question's, when the engine compares meaning. */
  readonly meaning: QuestionMeaning | null;
}

/** The question's vector beside the corpus's. */
export interface QuestionMeaning {
  readonly vectors: CorpusVectors;
  readonly question: Float32Array;
}

/** Which concepts a term id stands for, and how strongly: [concept position, weight]. */
type TermConcepts = ReadonlyMap<number, ReadonlyArray<readonly [number, number]>>;

const ASKS_WHAT_WAS_SAID =
  /\b(?:say|says|said|saying|tell|told|comment\w*|respond\w*|react\w*|reaction|statement|claim\w*|tweet\w*|announce\w*|describ\w*|call(?:ed)? (?:it|the|him|her|them))\b/iu;
const WHAT_IS = /^\W*(?:what|who)(?:'s|\s+(?:is|are|was|were))\s+(?:an?\s+|the\s+)?([\p{L}\p{N}][\p{L}\p{N}\s'’-]{1,60}?)\s*\??\s*$/iu;

/** What the refusal rule knows of a question besides its ranked candidates: small, kept with them. */
export interface QuestionSummary {
  /** How many concepts the question has. */
  readonly concepts: number;
  /** Share of the question (weighted) made of words no article has, in any form. */
  readonly unknownShare: number;
  /** Whether the candidates were measured in meaning too (sentence vectors). */
  readonly withMeaning: boolean;
}

/** Words of the question that were never a concept: whether it asks what someone said. */
export function asksWhatWasSaid(question: string): boolean {
  return ASKS_WHAT_WAS_SAID.test(question);
}

/**
 * One question's measurements, shared by all its candidates and computed once, on first use:
 * the concepts' weights, which concept each term id stands for, and how strongly each sentence,
 * paragraph, article and title holds each concept (looked up by term id, so that a question
 * costs the same whatever the articles' length).
 */
export class QuestionFeatures {
  readonly index: SentenceIndex;
  readonly question: AnalyzedQuestion;
  readonly rawQuestion: string;
  readonly hits: readonly IndexHit[];
  readonly meaning: QuestionMeaning | null;
  readonly concepts: readonly Concept[];
  readonly totalWeight: number;
  /** Position of the question's rarest concept. */
  readonly rarest: number;
  readonly asksWhatWasSaid: boolean;
  /** The subject of "what is X?" / "who was X?", folded; null for any other question. */
  readonly subjectToDefine: string | null;
  /** The term ids of each concept, with their weights. */
  readonly conceptTerms: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  readonly byTerm: TermConcepts;
  readonly topScore: number;
  readonly topOwn: number;
  readonly #sources: FeatureSources;
  readonly #sentences = new Map<number, Float64Array>();
  readonly #paragraphs = new Map<string, Float64Array>();
  readonly #articles = new Map<number, { readonly article: Float64Array; readonly title: Float64Array }>();
  readonly #articleCosines = new Map<number, number>();
  #bestArticleCoverage: number | null = null;
  #bestCosine: number | null = null;
  #bestArticleCosine: number | null = null;
  #candidates: readonly CandidateFeatures[] = [];

  constructor(hits: readonly IndexHit[], question: AnalyzedQuestion, rawQuestion: string, sources: FeatureSources) {
    this.index = sources.index;
    this.question = question;
    this.rawQuestion = rawQuestion;
    this.hits = hits;
    this.meaning = sources.meaning;
    this.#sources = sources;
    this.concepts = question.concepts;
    this.totalWeight = this.concepts.reduce((sum, concept) => sum + concept.weight, 0);
    this.rarest = this.concepts.reduce((best, concept, at) => (concept.weight > (this.concepts[best]?.weight ?? -1) ? at : best), 0);
    this.asksWhatWasSaid = asksWhatWasSaid(rawQuestion);
    const subject = WHAT_IS.exec(rawQuestion)?.[1];
    this.subjectToDefine = subject === undefined ? null : fold(subject).trim();
    this.conceptTerms = this.concepts.map((concept) =>
      [...concept.terms].flatMap(([term, weight]): Array<readonly [number, number]> => {
        const id = this.index.termIdOf(term);
        return id === undefined ? [] : [[id, weight]];
      }),
    );
    const byTerm = new Map<number, Array<readonly [number, number]>>();
    this.conceptTerms.forEach((terms, concept) => {
      for (const [id, weight] of terms) byTerm.set(id, [...(byTerm.get(id) ?? []), [concept, weight]]);
    });
    this.byTerm = byTerm;
    this.topScore = hits[0]?.score ?? 0;
    this.topOwn = Math.max(0, ...hits.map((hit) => hit.own));
  }

  /** The question's summary for the refusal rule. */
  summary(): QuestionSummary {
    const unknown = this.concepts.reduce((sum, concept) => sum + (concept.known ? 0 : concept.weight), 0);
    return {
      concepts: this.concepts.length,
      unknownShare: this.totalWeight > 0 ? unknown / this.totalWeight : 1,
      withMeaning: this.meaning !== null,
    };
  }

  /** The candidates' measurements, one per hit, in the hits' order. */
  candidates(): readonly CandidateFeatures[] {
    if (this.#candidates.length !== this.hits.length) this.#candidates = this.hits.map((hit) => new CandidateFeatures(hit, this));
    return this.#candidates;
  }

  /** The share of the question, weighted by rarity, that concept strengths cover. */
  share(strengths: ArrayLike<number>): number {
    if (this.totalWeight <= 0) return 0;
    return this.concepts.reduce((sum, concept, at) => sum + concept.weight * (strengths[at] ?? 0), 0) / this.totalWeight;
  }

  /** How strongly sentence `id` holds each concept. */
  strengthsOf(id: number): Float64Array {
    let strengths = this.#sentences.get(id);
    if (strengths === undefined) {
      strengths = new Float64Array(this.concepts.length);
      for (const term of this.index.termIdsOf(id)) {
        for (const [concept, weight] of this.byTerm.get(term) ?? []) strengths[concept] = Math.max(strengths[concept] ?? 0, weight);
      }
      this.#sentences.set(id, strengths);
    }
    return strengths;
  }

  /** How strongly the paragraph of sentence `id` holds each concept. */
  paragraphStrengthsOf(id: number): Float64Array {
    const own = this.index.sentences[id];
    const key = `${own?.articleId ?? ''}\0${own?.paragraph ?? 0}`;
    let strengths = this.#paragraphs.get(key);
    if (strengths === undefined) {
      const held = new Float64Array(this.concepts.length);
      const add = (other: number) =>
        this.strengthsOf(other).forEach((strength, at) => {
          held[at] = Math.max(held[at] ?? 0, strength);
        });
      const { first, end } = this.index.articleSentences(id);
      for (let other = id; other >= first && this.index.sentences[other]?.paragraph === own?.paragraph; other -= 1) add(other);
      for (let other = id + 1; other < end && this.index.sentences[other]?.paragraph === own?.paragraph; other += 1) add(other);
      this.#paragraphs.set(key, held);
      strengths = held;
    }
    return strengths;
  }

  /** How strongly the article of sentence `id` (title and body) and its title alone hold each concept. */
  articleStrengthsOf(id: number): { readonly article: Float64Array; readonly title: Float64Array } {
    const { first } = this.index.articleSentences(id);
    let known = this.#articles.get(first);
    if (known === undefined) {
      const titleTerms = this.#sources.titleTermsOf(id);
      const articleIds = this.index.articleTermIdsOf(id);
      const title = Float64Array.from(this.concepts, (concept) => strengthIn(concept, titleTerms));
      const article = Float64Array.from(this.conceptTerms, (terms, at) =>
        terms.reduce((strength, [term, weight]) => (weight > strength && sortedHas(articleIds, term) ? weight : strength), title[at] ?? 0),
      );
      known = { article, title };
      this.#articles.set(first, known);
    }
    return known;
  }

  /** The best `articleCoverage` among the candidates: the article most about the question. */
  get bestArticleCoverage(): number {
    this.#bestArticleCoverage ??= Math.max(0, ...this.candidates().map((candidate) => candidate.articleCoverage));
    return this.#bestArticleCoverage;
  }

  /** The best cosine of the question with any candidate sentence (0 without vectors). */
  get bestCosine(): number {
    this.#bestCosine ??= Math.max(0, ...this.candidates().map((candidate) => candidate.cosine));
    return this.#bestCosine;
  }

  /** Cosine of the question with sentence `id` (0 without vectors). */
  cosineOf(id: number): number {
    return this.meaning === null ? 0 : this.meaning.vectors.sentences.cosine(this.meaning.question, id);
  }

  /** Cosine of the question with the title of the article sentence `id` is from (0 without vectors). */
  titleCosineOf(id: number): number {
    return this.meaning === null ? 0 : this.meaning.vectors.titles.cosine(this.meaning.question, this.#sources.articleRowOf(id));
  }

  /** The best cosine of the question with any sentence of the article sentence `id` is from (0 without vectors). */
  articleCosineOf(id: number): number {
    if (this.meaning === null) return 0;
    const { first, end } = this.index.articleSentences(id);
    let best = this.#articleCosines.get(first);
    if (best === undefined) {
      best = this.meaning.vectors.sentences.nearest(this.meaning.question, 1, first, end)[0]?.cosine ?? 0;
      this.#articleCosines.set(first, best);
    }
    return best;
  }

  /** The best `articleCosineOf` among the candidates' articles. */
  get bestArticleCosine(): number {
    this.#bestArticleCosine ??= Math.max(0, ...this.candidates().map((candidate) => this.articleCosineOf(candidate.id)));
    return this.#bestArticleCosine;
  }
}

/** One candidate sentence's measurements, each computed once, on first use. */
export class CandidateFeatures {
  readonly hit: IndexHit;
  readonly id: number;
  readonly question: QuestionFeatures;
  readonly sentence: Sentence | undefined;
  readonly text: string;
  #inSentence: Float64Array | undefined;
  #withContext: Float64Array | undefined;
  #neighbours: readonly number[] | undefined;
  #cosine: number | undefined;

  constructor(hit: IndexHit, question: QuestionFeatures) {
    this.hit = hit;
    this.id = hit.id;
    this.question = question;
    this.sentence = question.index.sentences[hit.id];
    this.text = this.sentence?.text ?? '';
  }

  /** How strongly the sentence holds each concept. */
  get inSentence(): Float64Array {
    this.#inSentence ??= this.question.strengthsOf(this.id);
    return this.#inSentence;
  }

  /** The sentences beside it (within its paragraph's reach) that the index scores with it. */
  get neighbours(): readonly number[] {
    this.#neighbours ??= this.question.index.neighboursOf(this.id);
    return this.#neighbours;
  }

  /** How strongly the sentence and its neighbours together hold each concept. */
  get withContext(): Float64Array {
    if (this.#withContext === undefined) {
      const neighbours = this.neighbours.map((id) => this.question.strengthsOf(id));
      this.#withContext = Float64Array.from(this.inSentence, (strength, at) =>
        Math.max(strength, ...neighbours.map((other) => other[at] ?? 0)),
      );
    }
    return this.#withContext;
  }

  get coverage(): number {
    return this.question.share(this.inSentence);
  }

  get contextCoverage(): number {
    return this.question.share(this.withContext);
  }

  get articleCoverage(): number {
    return this.question.share(this.question.articleStrengthsOf(this.id).article);
  }

  /** Share of the question the neighbour `id` covers and this sentence does not; 0 when it is no neighbour. */
  gainOf(id: number): number {
    if (!this.neighbours.includes(id)) return 0;
    const other = this.question.strengthsOf(id);
    return this.question.share(Float64Array.from(this.inSentence, (strength, at) => Math.max(0, (other[at] ?? 0) - strength)));
  }

  /** Cosine of the question with this sentence (0 without vectors). */
  get cosine(): number {
    this.#cosine ??= this.question.cosineOf(this.id);
    return this.#cosine;
  }

  /** The best cosine of the question with this sentence or a neighbour. */
  get contextCosine(): number {
    return Math.max(this.cosine, ...this.neighbours.map((id) => this.question.cosineOf(id)));
  }

  get titleCosine(): number {
    return this.question.titleCosineOf(this.id);
  }

  /** The best cosine in this sentence's article, relative to the best candidate article's (0 without vectors). */
  get articleCosineRank(): number {
    const best = this.question.bestArticleCosine;
    return best > 0 ? this.question.articleCosineOf(this.id) / best : 0;
  }
}

/** How strongly a concept is present in a set of terms: the weight of its best term there, 0 when absent. */
export function strengthIn(concept: Concept, terms: ReadonlySet<string>): number {
  let strength = 0;
  for (const [term, weight] of concept.terms) if (terms.has(term)) strength = Math.max(strength, weight);
  return strength;
}
