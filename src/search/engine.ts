import type { AliasGroup } from '../corpus/alias-file.js';
import type { Article, Corpus } from '../corpus/types.js';
import { Analyzer } from './analyzer.js';
import { builtInAliasGroups } from './built-in-aliases.js';
import { passageRange, passageText, type PassageRange } from './passage.js';
import { analyzeQuestion, type Concept } from './question.js';
import { DEFAULT_WEIGHTS, hitFeatures, rankHits, type RankedSentence, type RankingWeights } from './rank.js';
import { SentenceIndex, type IndexQuery } from './index/sentence-index.js';
import type { Answer, ArticleSummary, AskOptions, Engine } from './types.js';
import { IRREGULAR_FORMS } from './irregular-forms.js';
import { WordNet, type Thesaurus } from './wordnet.js';

export interface EngineOptions {
  /** Passages returned when `ask` is given no `limit`. Default 3. */
  readonly defaultLimit?: number;
  /** Alias groups added to the built-in ones and the corpus's own. Default none. */
  readonly aliasGroups?: readonly AliasGroup[];
  /** Use the built-in alias groups (`src/search/data/aliases.txt`). Default true. */
  readonly builtInAliases?: boolean;
  /**
   * The least share of a question's concepts (weighted by rarity) that the best sentence and
   * its neighbours must cover; below it `ask` returns nothing rather than a random sentence.
   * Default 0.3, calibrated with `npm run eval`.
   */
  readonly minCoverage?: number;
  /** How many BM25 hits are re-ranked for each question. Default 100. */
  readonly candidates?: number;
  /**
   * Where to find words related to a question word the corpus lacks ("journalists" ->
   * "reporters"). Default WordNet; null to match words only as written (and by spelling).
   */
  readonly thesaurus?: Thesaurus | null;
  /**
   * How much a thesaurus word related to a question word counts when the corpus has the
   * question word itself (against 1 for the word). Default 0.3: enough to find "sixth
   * conversation" for "how many times have they talked", little enough not to drown exact
   * matches (measured with `npm run eval`).
   */
  readonly relatedWordWeight?: number;
  /**
   * A question term found in more sentences than this does not look sentences up; it only
   * scores what rarer terms found. Keeps questions fast on large corpora. Default 2,000: at
   * 10,000 bench articles (297,498 sentences, 400 questions), 500 gave p50 8 ms / p99 18 ms
   * with a gold answer in the top 3 for 69.5 % of questions, 2,000 gave 14 / 24 ms and 71.5 %,
   * 8,000 gave 35 / 88 ms and 73.0 %.
   */
  readonly maxRetrievalFrequency?: number;
  /** Weights of the ranking signals. Defaults in `DEFAULT_WEIGHTS`. */
  readonly weights?: Partial<RankingWeights>;
}

/** Questions are cut to this many characters: no real question is longer, and it bounds the work. */
export const MAX_QUESTION_LENGTH = 1000;
const DEFAULT_LIMIT = 3;
const MAX_LIMIT = 50;
const ALWAYS_RETRIEVED_CONCEPTS = 2;
const STRONG_TERM_WEIGHT = 0.5;
const WEAK_TERM_FREQUENCY_DIVISOR = 10;
const MAX_WEAK_TERMS_PER_CONCEPT = 3;

// One WordNet per process: every engine (each /reload makes one) shares its files and memos.
// Its files are read when the first engine is made, not during someone's first question.
let wordNet: WordNet | undefined;
function sharedWordNet(): WordNet {
  if (wordNet === undefined) {
    wordNet = new WordNet(IRREGULAR_FORMS);
    wordNet.preload();
  }
  return wordNet;
}

/** A corpus with its sentence index: what building an engine costs, and what a snapshot saves. */
export interface IndexedCorpus {
  readonly corpus: Corpus;
  readonly analyzer: Analyzer;
  readonly index: SentenceIndex;
}

/** The options that change how text is analysed, and so what an index holds. */
export type AnalysisOptions = Pick<EngineOptions, 'aliasGroups' | 'builtInAliases'>;

/** The analyzer for a corpus: built-in alias groups, the corpus's own, and any given. */
export function analyzerFor(corpus: Corpus, options: AnalysisOptions = {}): Analyzer {
  return new Analyzer([
    ...(options.builtInAliases === false ? [] : builtInAliasGroups()),
    ...corpus.aliasGroups,
    ...(options.aliasGroups ?? []),
  ]);
}

/** Analyses and indexes every sentence of a corpus: the slow part of building an engine. */
export function indexCorpus(corpus: Corpus, options: AnalysisOptions = {}): IndexedCorpus {
  const analyzer = analyzerFor(corpus, options);
  return { corpus, analyzer, index: SentenceIndex.build(corpus.articles, analyzer) };
}

/** `indexCorpus` in slices that let the event loop run, for a process that must stay responsive. */
export async function indexCorpusInSlices(corpus: Corpus, options: AnalysisOptions = {}): Promise<IndexedCorpus> {
  const analyzer = analyzerFor(corpus, options);
  return { corpus, analyzer, index: await SentenceIndex.buildInSlices(corpus.articles, analyzer) };
}

/** Builds an engine over a loaded corpus. The corpus is not changed. */
export function createEngine(corpus: Corpus, options: EngineOptions = {}): Engine {
  return engineOver(indexCorpus(corpus, options), options);
}

/** An engine over a corpus already indexed (freshly, or restored from a snapshot). */
export function engineOver({ corpus, analyzer, index }: IndexedCorpus, options: EngineOptions = {}): Engine {
  const weights: RankingWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const minCoverage = options.minCoverage ?? 0.3;
  const candidates = options.candidates ?? 100;
  const defaultLimit = options.defaultLimit ?? DEFAULT_LIMIT;
  const thesaurus = options.thesaurus === undefined ? sharedWordNet() : options.thesaurus;
  const relatedWordWeight = options.relatedWordWeight ?? 0.3;
  const maxRetrievalFrequency = options.maxRetrievalFrequency ?? 2000;
  const articlesById = new Map(corpus.articles.map((article) => [article.id, article]));

  const ask = (question: string, askOptions: AskOptions = {}): Answer[] => {
    const limit = clampCount(askOptions.limit ?? defaultLimit, MAX_LIMIT);
    const offset = clampCount(askOptions.offset ?? 0, Number.MAX_SAFE_INTEGER);
    if (limit === 0 || (askOptions.article !== undefined && !articlesById.has(askOptions.article))) return [];

    const analyzed = analyzeQuestion(String(question).slice(0, MAX_QUESTION_LENGTH), { analyzer, index, thesaurus, relatedWordWeight });
    const hits = index.search(indexQueryOf(analyzed.concepts, index, maxRetrievalFrequency), {
      contextBoost: weights.contextBoost,
      articleId: askOptions.article,
      limit: candidates,
    });
    const ranked = rankHits(hitFeatures(hits, analyzed, index), weights);
    const best = ranked[0];
    if (best === undefined || best.contextCoverage < minCoverage) return [];

    const answers: Answer[] = [];
    const shown: Array<{ articleId: string; range: PassageRange; text: string }> = [];
    for (const hit of ranked) {
      if (answers.length >= offset + limit) break;
      // Every passage shown must be relevant on its own, not just ride on the best one.
      if (hit.contextCoverage < minCoverage || hit.matchedTerms.size === 0) continue;
      const range = passageRange(index.sentences, hit.id);
      const sentence = index.sentences[hit.id];
      if (sentence === undefined) continue;
      const passage = passageText(index.sentences, range);
      const repeat = shown.some(
        (earlier) => (earlier.articleId === sentence.articleId && overlaps(earlier.range, range)) || nearDuplicate(earlier.text, passage),
      );
      if (repeat) continue;
      shown.push({ articleId: sentence.articleId, range, text: passage });
      answers.push(toAnswer(hit, sentence.text, passage, articlesById.get(sentence.articleId), sentence, analyzer));
    }
    return answers.slice(offset);
  };

  const articles = [...corpus.articles].sort(byDateThenId).map(summarise);
  return {
    ask,
    articles,
    paragraph: (articleId, paragraph) => articlesById.get(articleId)?.paragraphs[paragraph - 1],
  };
}

function toAnswer(
  hit: RankedSentence,
  text: string,
  passage: string,
  article: Article | undefined,
  sentence: { articleId: string; paragraph: number; sentence: number },
  analyzer: Analyzer,
): Answer {
  const terms = new Set<string>();
  for (const term of analyzer.analyze(passage)) if (hit.matchedTerms.has(term.term)) terms.add(passage.slice(term.start, term.end));
  return {
    text,
    passage,
    score: Math.round(hit.score * 1000) / 1000,
    terms: [...terms],
    source: {
      article: sentence.articleId,
      title: article?.title ?? sentence.articleId,
      date: article?.date ?? null,
      url: article?.url ?? null,
      paragraph: sentence.paragraph,
      sentence: sentence.sentence,
    },
  };
}

/**
 * Every term of the question, and the ones to look sentences up by. A term found in very many
 * sentences would make MiniSearch score all of them for a sliver of BM25 (the cost that makes
 * plain MiniSearch slow on large corpora), so such terms only score the sentences that rarer
 * terms find. The rarest term of each of the two rarest concepts is always looked up, so a
 * question of common words still finds sentences.
 */
function indexQueryOf(concepts: readonly Concept[], index: SentenceIndex, maxFrequency: number): IndexQuery {
  const terms = new Map<string, number>();
  const retrieveBy = new Set<string>();
  const byRarity = concepts
    .map((concept) => ({ concept, rarest: rarestStrongTerm(concept, index) }))
    .sort((a, b) => a.rarest.frequency - b.rarest.frequency);
  byRarity.forEach(({ concept, rarest }, rank) => {
    let weakTerms = 0;
    // Weakly related words (thesaurus neighbours of a word the corpus has) look up only where
    // they are rare, and only the most weighty few: each one costs a posting list.
    const byWeight = [...concept.terms].sort((a, b) => b[1] - a[1] || index.documentFrequency(a[0]) - index.documentFrequency(b[0]));
    for (const [term, weight] of byWeight) {
      terms.set(term, Math.max(weight, terms.get(term) ?? 0));
      const weak = weight < STRONG_TERM_WEIGHT;
      if (weak && weakTerms >= MAX_WEAK_TERMS_PER_CONCEPT) continue;
      const limit = weak ? maxFrequency / WEAK_TERM_FREQUENCY_DIVISOR : maxFrequency;
      if (index.documentFrequency(term) <= limit || (rank < ALWAYS_RETRIEVED_CONCEPTS && term === rarest.term)) {
        retrieveBy.add(term);
        if (weak) weakTerms += 1;
      }
    }
  });
  return { terms, retrieveBy };
}

/**
 * A concept's rarest strong term and its sentence count: how common the concept is. Weakly
 * related words do not count, or "used" (in 17,000 sentences) would pass for rare through "utilise".
 */
function rarestStrongTerm(concept: Concept, index: SentenceIndex): { term: string; frequency: number } {
  const strong = [...concept.terms].filter(([, weight]) => weight >= STRONG_TERM_WEIGHT);
  let rarest = { term: '', frequency: Number.POSITIVE_INFINITY };
  for (const [term] of strong.length > 0 ? strong : concept.terms) {
    const frequency = index.documentFrequency(term);
    if (frequency < rarest.frequency) rarest = { term, frequency };
  }
  return rarest;
}

function overlaps(a: PassageRange, b: PassageRange): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** Two passages that say the same thing in (almost) the same words, e.g. one story syndicated twice. */
function nearDuplicate(a: string, b: string): boolean {
  const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const [left, right] = [words(a), words(b)];
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  const union = left.size + right.size - shared;
  return union > 0 && shared / union >= 0.8;
}

function clampCount(value: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(0, Math.floor(value))) : 0;
}

function byDateThenId(a: Article, b: Article): number {
  return (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id);
}

function summarise(article: Article): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    date: article.date,
    url: article.url,
    source: article.source,
    paragraphs: article.paragraphs.length,
    sentences: article.sentences.length,
  };
}
