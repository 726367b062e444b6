import type { CandidateFeatures } from '../feature-context.js';
import { rankingFeature } from '../feature.js';

export const coverage = rankingFeature(
  'coverage',
  "Share of the question's concepts, weighted by rarity, found in the sentence.",
  (candidate) => candidate.coverage,
);

export const contextCoverage = rankingFeature(
  'contextCoverage',
  "The same share, counting what the sentence's neighbours hold too.",
  (candidate) => candidate.contextCoverage,
);

export const neighbourGain = rankingFeature(
  'neighbourGain',
  'What the neighbours add: `contextCoverage` - `coverage`.',
  (candidate) => candidate.contextCoverage - candidate.coverage,
);

export const previousGain = rankingFeature(
  'previousGain',
  'Share of the question (weighted) the sentence before covers and this one does not.',
  (candidate) => candidate.gainOf(candidate.id - 1),
);

export const nextGain = rankingFeature(
  'nextGain',
  'Share of the question (weighted) the sentence after covers and this one does not.',
  (candidate) => candidate.gainOf(candidate.id + 1),
);

export const paragraphGain = rankingFeature(
  'paragraphGain',
  "Share of the question (weighted) found in the sentence's paragraph, beyond what it and its neighbours hold.",
  (candidate) => Math.max(0, candidate.question.share(candidate.question.paragraphStrengthsOf(candidate.id)) - candidate.contextCoverage),
);

export const matchedShare = rankingFeature(
  'matchedShare',
  "Share of the question's concepts, unweighted, found in the sentence.",
  (candidate) => {
    const count = candidate.question.concepts.length;
    return count === 0 ? 0 : candidate.inSentence.filter((strength) => strength > 0).length / count;
  },
);

export const rarestConcept = rankingFeature(
  'rarestConcept',
  "The question's rarest concept is in the sentence (its strength, 0-1).",
  (candidate) => candidate.inSentence[candidate.question.rarest] ?? 0,
);

export const specificCoverage = rankingFeature(
  'specificCoverage',
  "Share of the concepts the article's title does not name that the sentence holds: what it says beyond the topic.",
  (candidate) => {
    const { title } = candidate.question.articleStrengthsOf(candidate.id);
    const specific = candidate.question.concepts.map((concept, at) => ((title[at] ?? 0) > 0 ? 0 : concept.weight));
    const total = specific.reduce((sum, weight) => sum + weight, 0);
    return total > 0 ? specific.reduce((sum, weight, at) => sum + weight * (candidate.inSentence[at] ?? 0), 0) / total : 0;
  },
);

export const phrase = rankingFeature('phrase', 'Neighbouring words of the question stand side by side in the sentence too.', (candidate) =>
  phraseShare(candidate),
);

/**
 * Share of consecutive question concepts whose words also stand side by side in the sentence
 * (alias group terms, which stand beside the names they come from, do not count as words).
 */
function phraseShare(candidate: CandidateFeatures): number {
  const { concepts, byTerm, index } = candidate.question;
  if (concepts.length < 2) return 0;
  const words = Array.from(index.termIdsOf(candidate.id)).filter((id) => !index.termOf(id).startsWith('='));
  const adjacent = new Set<number>();
  for (let position = 0; position + 1 < words.length; position += 1) {
    const left = byTerm.get(words[position] ?? -1);
    const right = byTerm.get(words[position + 1] ?? -1);
    if (left === undefined || right === undefined) continue;
    for (const [concept] of left) if (right.some(([other]) => other === concept + 1)) adjacent.add(concept);
  }
  return adjacent.size / (concepts.length - 1);
}
