import { hasAnswerOfType } from './answer-type.js';
import type { AnalyzedQuestion, Concept } from './question.js';
import type { IndexHit, SentenceIndex } from './sentence-index.js';

/** How much each signal adds to a candidate's score. All default values come from `npm run eval`. */
export interface RankingWeights {
  /** Weight of the neighbouring sentences' terms inside BM25, against 1 for the sentence. */
  readonly contextBoost: number;
  /** Share of the question's concepts (weighted by rarity) found in the sentence. */
  readonly coverage: number;
  /** The same share counting the neighbouring sentences too. */
  readonly contextCoverage: number;
  /** Matched words close together. */
  readonly proximity: number;
  /** The sentence holds the kind of thing asked for (a number for "how many", ...). */
  readonly answerType: number;
}

export const DEFAULT_WEIGHTS: RankingWeights = {
  contextBoost: 0.3,
  coverage: 3,
  contextCoverage: 0.4,
  proximity: 0.3,
  answerType: 0.3,
};

/** What ranking knows about one BM25 hit, before weighting. */
export interface HitFeatures {
  readonly id: number;
  /** BM25 score relative to the best hit of the question (0-1). */
  readonly bm25: number;
  /** Share of the question's concepts, weighted by rarity, found in the sentence (0-1). */
  readonly coverage: number;
  /** The same share counting the neighbouring sentences too (0-1). */
  readonly contextCoverage: number;
  /** 1 when the matched concepts stand side by side, towards 0 as they spread out. */
  readonly proximity: number;
  /** 1 when the sentence holds the kind of thing asked for. */
  readonly answerType: number;
  /** Index terms of the question found in the sentence, for highlighting. */
  readonly matchedTerms: ReadonlySet<string>;
}

export interface RankedSentence extends HitFeatures {
  readonly score: number;
}

/**
 * Measures what BM25 cannot see about each hit: how much of the question a sentence covers
 * (alone and with its neighbours), how close together its matches are, and whether it holds
 * the kind of answer asked for.
 */
export function hitFeatures(hits: readonly IndexHit[], question: AnalyzedQuestion, index: SentenceIndex): HitFeatures[] {
  const topScore = hits[0]?.score ?? 0;
  if (topScore <= 0) return [];
  const totalWeight = question.concepts.reduce((sum, concept) => sum + concept.weight, 0);
  return hits.map((hit): HitFeatures => {
    const text = index.sentences[hit.id]?.text ?? '';
    const terms = index.termsOf(hit.id);
    const termSet = new Set(terms.map((term) => term.term));
    const contextTerms = new Set([...termsOfNeighbour(index, hit.id, -1), ...termsOfNeighbour(index, hit.id, 1)]);

    let covered = 0;
    let coveredWithContext = 0;
    const matchedTerms = new Set<string>();
    const positions: number[][] = [];
    for (const concept of question.concepts) {
      const inSentence = strengthIn(concept, termSet);
      covered += concept.weight * inSentence;
      coveredWithContext += concept.weight * Math.max(inSentence, strengthIn(concept, contextTerms));
      if (inSentence > 0) {
        for (const term of concept.terms.keys()) if (termSet.has(term)) matchedTerms.add(term);
        positions.push(terms.flatMap((term, position) => (concept.terms.has(term.term) ? [position] : [])));
      }
    }
    return {
      id: hit.id,
      bm25: hit.score / topScore,
      coverage: totalWeight > 0 ? covered / totalWeight : 0,
      contextCoverage: totalWeight > 0 ? coveredWithContext / totalWeight : 0,
      proximity: proximity(positions),
      answerType: hasAnswerOfType(question.answerType, text, question.words) ? 1 : 0,
      matchedTerms,
    };
  });
}

/** Orders hits by the weighted sum of their features, best first. */
export function rankHits(features: readonly HitFeatures[], weights: RankingWeights): RankedSentence[] {
  const ranked = features.map((hit) => ({
    ...hit,
    score:
      hit.bm25 +
      weights.coverage * hit.coverage +
      weights.contextCoverage * hit.contextCoverage +
      weights.proximity * hit.proximity +
      weights.answerType * hit.answerType,
  }));
  return ranked.sort((a, b) => b.score - a.score || a.id - b.id);
}

function strengthIn(concept: Concept, terms: ReadonlySet<string>): number {
  let strength = 0;
  for (const [term, weight] of concept.terms) if (terms.has(term)) strength = Math.max(strength, weight);
  return strength;
}

function termsOfNeighbour(index: SentenceIndex, id: number, offset: number): string[] {
  const sentence = index.sentences[id];
  const neighbour = index.sentences[id + offset];
  return neighbour !== undefined && neighbour.articleId === sentence?.articleId ? index.termsOf(id + offset).map((term) => term.term) : [];
}

/**
 * 1 when the matched concepts stand side by side, falling towards 0 as they spread out; 0
 * with fewer than two concepts matched. Uses the smallest window holding one position of each.
 */
function proximity(positionsPerConcept: readonly number[][]): number {
  const lists = positionsPerConcept.filter((positions) => positions.length > 0);
  if (lists.length < 2) return 0;
  const events = lists.flatMap((positions, concept) => positions.map((position) => ({ position, concept }))).sort((a, b) => a.position - b.position);
  const counts = new Array<number>(lists.length).fill(0);
  let distinct = 0;
  let best = Number.POSITIVE_INFINITY;
  let left = 0;
  for (const event of events) {
    if ((counts[event.concept] = (counts[event.concept] ?? 0) + 1) === 1) distinct += 1;
    while (distinct === lists.length) {
      const start = events[left];
      if (start === undefined) break;
      best = Math.min(best, event.position - start.position + 1);
      if ((counts[start.concept] = (counts[start.concept] ?? 0) - 1) === 0) distinct -= 1;
      left += 1;
    }
  }
  return Number.isFinite(best) ? lists.length / best : 0;
}
