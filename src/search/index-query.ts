import type { IndexQuery, SentenceIndex } from './index/sentence-index.js';
import type { ResolvedOptions } from './options.js';
import type { Concept } from './question.js';

export type RetrievalOptions = Pick<
  ResolvedOptions,
  'maxRetrievalFrequency' | 'alwaysRetrievedConcepts' | 'strongTermWeight' | 'maxWeakTermsPerConcept' | 'weakTermFrequencyDivisor'
>;

/**
 * Every term of the question, and the ones to look sentences up by. A term found in very many
 * sentences would make MiniSearch score all of them for a sliver of BM25 (the cost that makes
 * plain MiniSearch slow on large corpora), so such terms only score the sentences that rarer
 * terms find. The rarest term of each of the rarest concepts is always looked up, so a
 * question of common words still finds sentences.
 */
export function indexQueryOf(concepts: readonly Concept[], index: SentenceIndex, options: RetrievalOptions): IndexQuery {
  const terms = new Map<string, number>();
  const retrieveBy = new Set<string>();
  const byRarity = concepts
    .map((concept) => ({ concept, rarest: rarestStrongTerm(concept, index, options.strongTermWeight) }))
    .sort((a, b) => a.rarest.frequency - b.rarest.frequency);
  byRarity.forEach(({ concept, rarest }, rank) => {
    let weakTerms = 0;
    // Weakly related words (thesaurus neighbours of a word the corpus has) look up only where
    // they are rare, and only the most weighty few: each one costs a posting list.
    const byWeight = [...concept.terms].sort((a, b) => b[1] - a[1] || index.documentFrequency(a[0]) - index.documentFrequency(b[0]));
    for (const [term, weight] of byWeight) {
      terms.set(term, Math.max(weight, terms.get(term) ?? 0));
      const weak = weight < options.strongTermWeight;
      if (weak && weakTerms >= options.maxWeakTermsPerConcept) continue;
      const limit = weak ? options.maxRetrievalFrequency / options.weakTermFrequencyDivisor : options.maxRetrievalFrequency;
      if (index.documentFrequency(term) <= limit || (rank < options.alwaysRetrievedConcepts && term === rarest.term)) {
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
function rarestStrongTerm(concept: Concept, index: SentenceIndex, strongTermWeight: number): { term: string; frequency: number } {
  const strong = [...concept.terms].filter(([, weight]) => weight >= strongTermWeight);
  let rarest = { term: '', frequency: Number.POSITIVE_INFINITY };
  for (const [term] of strong.length > 0 ? strong : concept.terms) {
    const frequency = index.documentFrequency(term);
    if (frequency < rarest.frequency) rarest = { term, frequency };
  }
  return rarest;
}
