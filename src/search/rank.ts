import { hasAnswerOfType } from './answer-type.js';
import type { AnalyzedQuestion, Concept } from './question.js';
import type { IndexHit, SentenceIndex } from './index/sentence-index.js';

/** How much each signal adds to a candidate's score. All default values come from `npm run eval`. */
export interface RankingWeights {
  /**
   * Weight of the neighbouring sentences' BM25 scores in a sentence's BM25, against 1 for its
   * own. Made little difference on SQuAD (0.7126 at 0.3, 0.7113 at 0; neighbours also count
   * in `contextCoverage`).
   */
  readonly contextBoost: number;
  /** Share of the question's concepts (weighted by rarity) found in the sentence. */
  readonly coverage: number;
  /** The same share counting the neighbouring sentences too. */
  readonly contextCoverage: number;
  /** The sentence holds the kind of thing asked for (a number for "how many", ...). */
  readonly answerType: number;
  /** Neighbouring words of the question stand side by side in the sentence too. */
  readonly phrase: number;
}

export const DEFAULT_WEIGHTS: RankingWeights = {
  contextBoost: 0.3,
  coverage: 4,
  contextCoverage: 0.4,
  answerType: 0.5,
  phrase: 1.2,
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
  /** 1 when the sentence holds the kind of thing asked for. */
  readonly answerType: number;
  /** Share of neighbouring question concepts that are neighbours in the sentence too (0-1). */
  readonly phrase: number;
  /** Index terms of the question found in the sentence, for highlighting. */
  readonly matchedTerms: ReadonlySet<string>;
}

export interface RankedSentence extends HitFeatures {
  readonly score: number;
}

/**
 * Measures what BM25 cannot see about each hit: how much of the question a sentence covers
 * (alone and with its neighbours), whether neighbouring question words stand together, and whether it holds
 * the kind of answer asked for.
 */
export function hitFeatures(hits: readonly IndexHit[], question: AnalyzedQuestion, index: SentenceIndex): HitFeatures[] {
  const topScore = hits[0]?.score ?? 0;
  if (topScore <= 0) return [];
  const totalWeight = question.concepts.reduce((sum, concept) => sum + concept.weight, 0);
  // Neighbouring hits share sentences: each sentence's terms are looked up once per question.
  const termSets = new Map<number, ReadonlySet<string>>();
  const termSetOf = (id: number): ReadonlySet<string> => {
    let terms = termSets.get(id);
    if (terms === undefined) {
      terms = new Set(index.termsOf(id));
      termSets.set(id, terms);
    }
    return terms;
  };
  return hits.map((hit): HitFeatures => {
    const text = index.sentences[hit.id]?.text ?? '';
    const wordTerms = index.termsOf(hit.id).filter((term) => !term.startsWith('='));
    const termSet = termSetOf(hit.id);
    const neighbours = index.neighboursOf(hit.id).map(termSetOf);

    let covered = 0;
    let coveredWithContext = 0;
    const matchedTerms = new Set<string>();
    for (const concept of question.concepts) {
      const inSentence = strengthIn(concept, termSet);
      covered += concept.weight * inSentence;
      coveredWithContext += concept.weight * Math.max(inSentence, ...neighbours.map((terms) => strengthIn(concept, terms)));
      if (inSentence > 0) {
        for (const term of concept.terms.keys()) if (termSet.has(term)) matchedTerms.add(term);
      }
    }
    return {
      id: hit.id,
      bm25: hit.score / topScore,
      coverage: totalWeight > 0 ? covered / totalWeight : 0,
      contextCoverage: totalWeight > 0 ? coveredWithContext / totalWeight : 0,
      answerType: hasAnswerOfType(question.answerType, text, question.words) ? 1 : 0,
      phrase: phraseShare(question.concepts, wordTerms),
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
      weights.answerType * hit.answerType +
      weights.phrase * hit.phrase,
  }));
  return ranked.sort((a, b) => b.score - a.score || a.id - b.id);
}

/** Share of consecutive question concepts whose words also stand side by side in the sentence. */
function phraseShare(concepts: readonly Concept[], words: readonly string[]): number {
  if (concepts.length < 2) return 0;
  let adjacent = 0;
  for (let index = 0; index + 1 < concepts.length; index += 1) {
    const [left, right] = [concepts[index], concepts[index + 1]];
    if (left === undefined || right === undefined) continue;
    if (words.some((word, position) => left.terms.has(word) && right.terms.has(words[position + 1] ?? ''))) adjacent += 1;
  }
  return adjacent / (concepts.length - 1);
}

function strengthIn(concept: Concept, terms: ReadonlySet<string>): number {
  let strength = 0;
  for (const [term, weight] of concept.terms) if (terms.has(term)) strength = Math.max(strength, weight);
  return strength;
}
