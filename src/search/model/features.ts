import type { IndexHit, SentenceIndex } from '../index/sentence-index.js';
import type { AnalyzedQuestion } from '../question.js';
import { type FeatureSources, QuestionFeatures, type QuestionSummary } from './feature-context.js';
import * as answerKind from './features/answer-kind.js';
import * as article from './features/article.js';
import * as bm25 from './features/bm25.js';
import * as coverage from './features/coverage.js';
import * as meaning from './features/meaning.js';
import * as position from './features/position.js';

/**
 * The registry of ranking features: what the learned ranker (`model.json`) weighs, in the order
 * of a candidate's feature vector. Each entry says what it measures (`doc`); `npm run train --
 * --ablate` reports what each adds.
 */
export const RANKING_FEATURES = [
  bm25.bm25,
  bm25.bm25Own,
  coverage.coverage,
  coverage.contextCoverage,
  coverage.neighbourGain,
  coverage.previousGain,
  coverage.nextGain,
  position.referenceGain,
  coverage.paragraphGain,
  coverage.matchedShare,
  coverage.rarestConcept,
  coverage.specificCoverage,
  coverage.phrase,
  answerKind.answerType,
  answerKind.answerNumber,
  answerKind.answerTime,
  answerKind.answerPerson,
  answerKind.answerPlace,
  answerKind.answerReason,
  answerKind.definition,
  answerKind.reportedSpeech,
  article.articleCoverage,
  article.articleRank,
  article.titleCoverage,
  position.lede,
  position.paragraphStart,
  position.leansOnPrevious,
  position.length,
  meaning.cosine,
  meaning.contextCosine,
  meaning.titleCosine,
  meaning.articleCosine,
  meaning.articleBestCosine,
] as const;

export type CandidateFeature = (typeof RANKING_FEATURES)[number]['name'];

/** The ranking features' names, in feature-vector order. */
export const CANDIDATE_FEATURES: readonly CandidateFeature[] = RANKING_FEATURES.map((feature) => feature.name);

/** A candidate sentence with its features, in `RANKING_FEATURES` order. */
export interface Candidate {
  readonly id: number;
  readonly features: Float64Array;
}

const POSITION = new Map<string, number>(CANDIDATE_FEATURES.map((name, at) => [name, at]));

/** The position of a feature in a candidate's feature vector. */
export function featureIndex(name: CandidateFeature): number {
  return POSITION.get(name) ?? -1;
}

/** The features of every hit of one question, and what the refusal rule needs to know of the question. */
export function candidateFeatures(
  hits: readonly IndexHit[],
  question: AnalyzedQuestion,
  rawQuestion: string,
  sources: FeatureSources,
): { readonly summary: QuestionSummary; readonly candidates: Candidate[] } {
  const measured = new QuestionFeatures(hits, question, rawQuestion, sources);
  const withVectors = sources.meaning !== null;
  const candidates = measured.candidates().map((candidate) => ({
    id: candidate.id,
    features: Float64Array.from(RANKING_FEATURES, (feature) => (feature.needsVectors && !withVectors ? 0 : feature.compute(candidate))),
  }));
  return { summary: measured.summary(), candidates };
}

/**
 * The index terms of the question that sentence `id` holds, for highlighting a passage shown:
 * the question's words and their variants (`Concept.variants`), not words related in meaning.
 */
export function matchedTermsOf(index: SentenceIndex, question: AnalyzedQuestion, id: number): Set<string> {
  const matched = new Set<string>();
  const wanted = new Set(question.concepts.flatMap((concept) => [...concept.variants]));
  for (const term of index.termsOf(id)) if (wanted.has(term)) matched.add(term);
  return matched;
}
