import { hasAnswerOfType } from '../answer-type.js';
import type { IndexHit, SentenceIndex } from '../index/sentence-index.js';
import type { AnalyzedQuestion, Concept } from '../question.js';

/**
 * What ranking knows about a candidate sentence, each feature scaled to about 0-1. The learned
 * ranker (`ranker.ts`) weighs them; their order is the order of its weights.
 */
export const CANDIDATE_FEATURES = [
  /** BM25 of the sentence (its neighbours adding a share), relative to the best candidate's. */
  'bm25',
  /** Share of the question's concepts, weighted by rarity, found in the sentence. */
  'coverage',
  /** The same share, counting what the sentence's neighbours hold too. */
  'contextCoverage',
  /** What the neighbours add: `contextCoverage` - `coverage`. */
  'neighbourGain',
  /** Share of the question's concepts, unweighted, found in the sentence. */
  'matchedShare',
  /** The question's rarest concept is in the sentence (its strength, 0-1). */
  'rarestConcept',
  /** Share of the concepts the article's title does not name that the sentence holds: what it says beyond the topic. */
  'specificCoverage',
  /** Neighbouring words of the question stand side by side in the sentence too. */
  'phrase',
  /** The sentence holds the kind of thing asked for (a number for "how many", ...). */
  'answerType',
  /** The question asks what someone said, and the sentence reports speech. */
  'reportedSpeech',
  /** Share of the question's concepts, weighted, found anywhere in the article (title and body). */
  'articleCoverage',
  /** `articleCoverage` relative to the best candidate article's: 1 for the article most about the question. */
  'articleRank',
  /** Share of the question's concepts, weighted, in the article's title. */
  'titleCoverage',
  /** The sentence opens its article (the lede, which repeats the story's words). */
  'lede',
  /** The sentence leans on the one before it ("He said ...", "The company ..."). */
  'leansOnPrevious',
  /** How many distinct terms the sentence holds, over 40. */
  'length',
] as const;

export type CandidateFeature = (typeof CANDIDATE_FEATURES)[number];

/** A candidate sentence with its features, in `CANDIDATE_FEATURES` order. */
export interface Candidate {
  readonly id: number;
  readonly features: Float64Array;
  /** Index terms of the question found in the sentence, for highlighting. */
  readonly matchedTerms: ReadonlySet<string>;
}

const FEATURE = Object.fromEntries(CANDIDATE_FEATURES.map((name, position) => [name, position])) as Record<CandidateFeature, number>;

/** The position of a feature in a candidate's feature vector. */
export function featureIndex(name: CandidateFeature): number {
  return FEATURE[name];
}

// A sentence that starts like this leans on the one before it to be understood.
const LEANS_ON_PREVIOUS =
  /^["“‘']?(?:He|She|It|They|This|That|These|Those|His|Her|Its|Their|But|However|The two|Both|The (?:company|firm|group|agency|government|ministry|court|council|team|club|study|report|move|decision|announcement|plan|bill|deal|statement|official|spokes\w+|president|minister|leader))\b/u;
const ASKS_WHAT_WAS_SAID =
  /\b(?:say|says|said|saying|tell|told|comment\w*|respond\w*|react\w*|reaction|statement|claim\w*|tweet\w*|announce\w*|describ\w*|call(?:ed)? (?:it|the|him|her|them))\b/iu;
const REPORTS_SPEECH = /["“”]|\b(?:said|says|told|stated|added|according to|tweeted|wrote|claimed|described|called)\b/iu;

/** Words of the question that were never a concept: what kind of question it is. */
export function asksWhatWasSaid(question: string): boolean {
  return ASKS_WHAT_WAS_SAID.test(question);
}

export interface FeatureContext {
  readonly index: SentenceIndex;
  /** The analysed terms of the title of the article a sentence is from. */
  readonly titleTermsOf: (sentence: number) => ReadonlySet<string>;
}

/**
 * The features of every hit of one question. Article-level features look at the whole article
 * each hit is from, once per article; sentence terms are looked up once per question.
 */
export function candidateFeatures(
  hits: readonly IndexHit[],
  question: AnalyzedQuestion,
  rawQuestion: string,
  context: FeatureContext,
): Candidate[] {
  const { index } = context;
  const topScore = hits[0]?.score ?? 0;
  if (topScore <= 0) return [];
  const concepts = question.concepts;
  const totalWeight = concepts.reduce((sum, concept) => sum + concept.weight, 0);
  const share = (strengths: readonly number[]) =>
    totalWeight > 0 ? concepts.reduce((sum, concept, at) => sum + concept.weight * (strengths[at] ?? 0), 0) / totalWeight : 0;
  const rarest = concepts.reduce((best, concept, at) => (concept.weight > (concepts[best]?.weight ?? -1) ? at : best), 0);
  const saysAsked = asksWhatWasSaid(rawQuestion);

  const termSets = new Map<number, ReadonlySet<string>>();
  const termSetOf = (id: number): ReadonlySet<string> => {
    let terms = termSets.get(id);
    if (terms === undefined) {
      terms = new Set(index.termsOf(id));
      termSets.set(id, terms);
    }
    return terms;
  };
  const articleStrengths = new Map<number, { article: number[]; title: number[] }>();
  const articleStrengthsOf = (id: number) => {
    const { first, end } = index.articleSentences(id);
    let known = articleStrengths.get(first);
    if (known === undefined) {
      const title = context.titleTermsOf(id);
      const article = concepts.map((concept) => strengthIn(concept, title));
      for (let sentence = first; sentence < end; sentence += 1) {
        const terms = termSetOf(sentence);
        concepts.forEach((concept, at) => {
          article[at] = Math.max(article[at] ?? 0, strengthIn(concept, terms));
        });
      }
      known = { article, title: concepts.map((concept) => strengthIn(concept, title)) };
      articleStrengths.set(first, known);
    }
    return known;
  };

  const candidates = hits.map((hit): Candidate & { articleCoverage: number } => {
    const terms = termSetOf(hit.id);
    const neighbours = index.neighboursOf(hit.id).map(termSetOf);
    const inSentence = concepts.map((concept) => strengthIn(concept, terms));
    const withContext = concepts.map((concept, at) =>
      Math.max(inSentence[at] ?? 0, ...neighbours.map((other) => strengthIn(concept, other))),
    );
    const { article, title } = articleStrengthsOf(hit.id);
    const matchedTerms = new Set<string>();
    concepts.forEach((concept, at) => {
      if ((inSentence[at] ?? 0) > 0) for (const term of concept.terms.keys()) if (terms.has(term)) matchedTerms.add(term);
    });
    const specific = concepts.map((concept, at) => ((title[at] ?? 0) > 0 ? 0 : concept.weight));
    const specificWeight = specific.reduce((sum, weight) => sum + weight, 0);
    const sentence = index.sentences[hit.id];
    const text = sentence?.text ?? '';
    const features = new Float64Array(CANDIDATE_FEATURES.length);
    const coverage = share(inSentence);
    const contextCoverage = share(withContext);
    const articleCoverage = share(article);
    features[FEATURE.bm25] = hit.score / topScore;
    features[FEATURE.coverage] = coverage;
    features[FEATURE.contextCoverage] = contextCoverage;
    features[FEATURE.neighbourGain] = contextCoverage - coverage;
    features[FEATURE.matchedShare] = concepts.length === 0 ? 0 : inSentence.filter((strength) => strength > 0).length / concepts.length;
    features[FEATURE.rarestConcept] = inSentence[rarest] ?? 0;
    features[FEATURE.specificCoverage] =
      specificWeight > 0 ? specific.reduce((sum, weight, at) => sum + weight * (inSentence[at] ?? 0), 0) / specificWeight : 0;
    features[FEATURE.phrase] = phraseShare(
      concepts,
      index.termsOf(hit.id).filter((term) => !term.startsWith('=')),
    );
    features[FEATURE.answerType] = hasAnswerOfType(question.answerType, text, question.words) ? 1 : 0;
    features[FEATURE.reportedSpeech] = saysAsked && REPORTS_SPEECH.test(text) ? 1 : 0;
    features[FEATURE.articleCoverage] = articleCoverage;
    features[FEATURE.titleCoverage] = share(title);
    features[FEATURE.lede] = sentence?.sentence === 1 ? 1 : 0;
    features[FEATURE.leansOnPrevious] = LEANS_ON_PREVIOUS.test(text) ? 1 : 0;
    features[FEATURE.length] = Math.min(1, terms.size / 40);
    return { id: hit.id, features, matchedTerms, articleCoverage };
  });
  const bestArticle = Math.max(0, ...candidates.map((candidate) => candidate.articleCoverage));
  for (const candidate of candidates) {
    candidate.features[FEATURE.articleRank] = bestArticle > 0 ? candidate.articleCoverage / bestArticle : 0;
  }
  return candidates.map(({ id, features, matchedTerms }) => ({ id, features, matchedTerms }));
}

/** Share of consecutive question concepts whose words also stand side by side in the sentence. */
function phraseShare(concepts: readonly Concept[], words: readonly string[]): number {
  if (concepts.length < 2) return 0;
  let adjacent = 0;
  for (let at = 0; at + 1 < concepts.length; at += 1) {
    const [left, right] = [concepts[at], concepts[at + 1]];
    if (left === undefined || right === undefined) continue;
    if (words.some((word, position) => left.terms.has(word) && right.terms.has(words[position + 1] ?? ''))) adjacent += 1;
  }
  return adjacent / (concepts.length - 1);
}

/** How strongly a concept is present in a set of terms: the weight of its best term there, 0 when absent. */
export function strengthIn(concept: Concept, terms: ReadonlySet<string>): number {
  let strength = 0;
  for (const [term, weight] of concept.terms) if (terms.has(term)) strength = Math.max(strength, weight);
  return strength;
}
