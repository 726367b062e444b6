import { type AnswerType, hasAnswerOfType } from '../answer-type.js';
import { fold } from '../fold.js';
import { type IndexHit, type SentenceIndex, sortedHas } from '../index/sentence-index.js';
import type { AnalyzedQuestion, Concept } from '../question.js';

/**
 * What ranking knows about a candidate sentence, each feature scaled to about 0-1. The learned
 * ranker (`ranker.ts`) weighs them; their order is the order of its weights.
 */
export const CANDIDATE_FEATURES = [
  /** BM25 of the sentence (its neighbours adding a share), relative to the best candidate's. */
  'bm25',
  /** BM25 of the sentence alone, relative to the best candidate's. */
  'bm25Own',
  /** Share of the question's concepts, weighted by rarity, found in the sentence. */
  'coverage',
  /** The same share, counting what the sentence's neighbours hold too. */
  'contextCoverage',
  /** What the neighbours add: `contextCoverage` - `coverage`. */
  'neighbourGain',
  /** Share of the question (weighted) the sentence before covers and this one does not. */
  'previousGain',
  /** Share of the question (weighted) the sentence after covers and this one does not. */
  'nextGain',
  /** `previousGain` for a sentence that leans on the one before ("He said ..."): who "he" is, found there. */
  'referenceGain',
  /** Share of the question (weighted) found in the sentence's paragraph, beyond what it and its neighbours hold. */
  'paragraphGain',
  /** Share of the question's concepts, unweighted, found in the sentence. */
  'matchedShare',
  /** The question's rarest concept is in the sentence (its strength, 0-1). */
  'rarestConcept',
  /** Share of the concepts the article's title does not name that the sentence holds: what it says beyond the topic. */
  'specificCoverage',
  /** Neighbouring words of the question stand side by side in the sentence too. */
  'phrase',
  /** The sentence holds the kind of thing asked for (a number for "how many", ...), whatever the kind. */
  'answerType',
  /** The same, one feature per kind asked for, so that each kind can weigh what its test is worth. */
  'answerNumber',
  'answerTime',
  'answerPerson',
  'answerPlace',
  'answerReason',
  /** The question asks what something is ("what is X"), and the sentence defines it ("X is a ..."). */
  'definition',
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
  /** The sentence opens its paragraph. */
  'paragraphStart',
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
}

const FEATURE = Object.fromEntries(CANDIDATE_FEATURES.map((name, position) => [name, position])) as Record<CandidateFeature, number>;

/** The position of a feature in a candidate's feature vector. */
export function featureIndex(name: CandidateFeature): number {
  return FEATURE[name];
}

// A sentence that starts like this leans on the one before it to be understood.
const LEANS_ON_PREVIOUS = new RegExp(
  `^["“‘']?(?:He|She|It|They|This|That|These|Those|His|Her|Its|Their|But|However|The two|Both|The (?:${[
    'company firm group agency government ministry court council team club study report move decision',
    'announcement plan bill deal statement official spokes\\w+ president minister leader',
  ]
    .join(' ')
    .split(' ')
    .join('|')}))\\b`,
  'u',
);
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
 * The features of every hit of one question. Concepts are looked up by term id: in each
 * candidate sentence and its neighbours once, and in each candidate's whole article through the
 * index's sorted per-article term ids, so that a question costs the same whatever the article's length.
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
  const topOwn = Math.max(0, ...hits.map((hit) => hit.own));
  const concepts = question.concepts;
  const totalWeight = concepts.reduce((sum, concept) => sum + concept.weight, 0);
  const share = (strengths: ArrayLike<number>) =>
    totalWeight > 0 ? concepts.reduce((sum, concept, at) => sum + concept.weight * (strengths[at] ?? 0), 0) / totalWeight : 0;
  const rarest = concepts.reduce((best, concept, at) => (concept.weight > (concepts[best]?.weight ?? -1) ? at : best), 0);
  const saysAsked = asksWhatWasSaid(rawQuestion);
  const definedSubject = subjectToDefine(rawQuestion);

  // Which concepts each term id stands for, and how strongly.
  const conceptTerms = concepts.map((concept) =>
    [...concept.terms].flatMap(([term, weight]): Array<readonly [number, number]> => {
      const id = index.termIdOf(term);
      return id === undefined ? [] : [[id, weight]];
    }),
  );
  const byTerm = new Map<number, Array<readonly [number, number]>>();
  conceptTerms.forEach((terms, concept) => {
    for (const [id, weight] of terms) byTerm.set(id, [...(byTerm.get(id) ?? []), [concept, weight]]);
  });
  const sentenceStrengths = new Map<number, Float64Array>();
  const strengthsOf = (sentence: number): Float64Array => {
    let strengths = sentenceStrengths.get(sentence);
    if (strengths === undefined) {
      strengths = new Float64Array(concepts.length);
      for (const id of index.termIdsOf(sentence)) {
        for (const [concept, weight] of byTerm.get(id) ?? []) strengths[concept] = Math.max(strengths[concept] ?? 0, weight);
      }
      sentenceStrengths.set(sentence, strengths);
    }
    return strengths;
  };
  const paragraphStrengths = new Map<string, Float64Array>();
  const paragraphStrengthsOf = (sentence: number): Float64Array => {
    const own = index.sentences[sentence];
    const key = `${own?.articleId ?? ''}\0${own?.paragraph ?? 0}`;
    let strengths = paragraphStrengths.get(key);
    if (strengths === undefined) {
      strengths = new Float64Array(concepts.length);
      const { first, end } = index.articleSentences(sentence);
      for (let other = sentence; other >= first && index.sentences[other]?.paragraph === own?.paragraph; other -= 1) {
        strengthsOf(other).forEach((strength, at) => {
          if (strengths !== undefined) strengths[at] = Math.max(strengths[at] ?? 0, strength);
        });
      }
      for (let other = sentence + 1; other < end && index.sentences[other]?.paragraph === own?.paragraph; other += 1) {
        strengthsOf(other).forEach((strength, at) => {
          if (strengths !== undefined) strengths[at] = Math.max(strengths[at] ?? 0, strength);
        });
      }
      paragraphStrengths.set(key, strengths);
    }
    return strengths;
  };
  const articleStrengths = new Map<number, { article: Float64Array; title: Float64Array }>();
  const articleStrengthsOf = (sentence: number) => {
    const { first } = index.articleSentences(sentence);
    let known = articleStrengths.get(first);
    if (known === undefined) {
      const titleTerms = context.titleTermsOf(sentence);
      const articleIds = index.articleTermIdsOf(sentence);
      const title = Float64Array.from(concepts, (concept) => strengthIn(concept, titleTerms));
      const article = Float64Array.from(conceptTerms, (terms, at) =>
        terms.reduce((strength, [id, weight]) => (weight > strength && sortedHas(articleIds, id) ? weight : strength), title[at] ?? 0),
      );
      known = { article, title };
      articleStrengths.set(first, known);
    }
    return known;
  };

  const candidates = hits.map((hit): Candidate & { articleCoverage: number } => {
    const inSentence = strengthsOf(hit.id);
    const neighbourIds = index.neighboursOf(hit.id);
    const neighbours = neighbourIds.map(strengthsOf);
    const gainOf = (neighbour: number): number => {
      if (!neighbourIds.includes(neighbour)) return 0;
      const other = strengthsOf(neighbour);
      return share(Float64Array.from(inSentence, (strength, at) => Math.max(0, (other[at] ?? 0) - strength)));
    };
    const withContext = Float64Array.from(inSentence, (strength, at) => Math.max(strength, ...neighbours.map((other) => other[at] ?? 0)));
    const { article, title } = articleStrengthsOf(hit.id);
    const paragraph = paragraphStrengthsOf(hit.id);
    const ids = index.termIdsOf(hit.id);
    const specific = concepts.map((concept, at) => ((title[at] ?? 0) > 0 ? 0 : concept.weight));
    const specificWeight = specific.reduce((sum, weight) => sum + weight, 0);
    const sentence = index.sentences[hit.id];
    const text = sentence?.text ?? '';
    const features = new Float64Array(CANDIDATE_FEATURES.length);
    const coverage = share(inSentence);
    const contextCoverage = share(withContext);
    const articleCoverage = share(article);
    features[FEATURE.bm25] = hit.score / topScore;
    features[FEATURE.bm25Own] = topOwn > 0 ? hit.own / topOwn : 0;
    features[FEATURE.coverage] = coverage;
    features[FEATURE.contextCoverage] = contextCoverage;
    features[FEATURE.neighbourGain] = contextCoverage - coverage;
    const previousGain = gainOf(hit.id - 1);
    features[FEATURE.previousGain] = previousGain;
    features[FEATURE.nextGain] = gainOf(hit.id + 1);
    features[FEATURE.paragraphGain] = Math.max(0, share(paragraph) - contextCoverage);
    features[FEATURE.matchedShare] = concepts.length === 0 ? 0 : inSentence.filter((strength) => strength > 0).length / concepts.length;
    features[FEATURE.rarestConcept] = inSentence[rarest] ?? 0;
    features[FEATURE.specificCoverage] =
      specificWeight > 0 ? specific.reduce((sum, weight, at) => sum + weight * (inSentence[at] ?? 0), 0) / specificWeight : 0;
    features[FEATURE.phrase] = phraseShare(concepts.length, ids, byTerm, index);
    const holdsAnswer = hasAnswerOfType(question.answerType, text, question.words) ? 1 : 0;
    features[FEATURE.answerType] = holdsAnswer;
    const kindFeature = KIND_FEATURES[question.answerType];
    if (kindFeature !== undefined) features[FEATURE[kindFeature]] = holdsAnswer;
    features[FEATURE.definition] = definedSubject !== null && definesSubject(text, definedSubject) ? 1 : 0;
    features[FEATURE.reportedSpeech] = saysAsked && REPORTS_SPEECH.test(text) ? 1 : 0;
    features[FEATURE.articleCoverage] = articleCoverage;
    features[FEATURE.titleCoverage] = share(title);
    features[FEATURE.lede] = sentence?.sentence === 1 ? 1 : 0;
    const leans = LEANS_ON_PREVIOUS.test(text);
    features[FEATURE.leansOnPrevious] = leans ? 1 : 0;
    features[FEATURE.referenceGain] = leans ? previousGain : 0;
    features[FEATURE.paragraphStart] =
      index.sentences[hit.id - 1]?.paragraph !== sentence?.paragraph || neighbourIds[0] !== hit.id - 1 ? 1 : 0;
    features[FEATURE.length] = Math.min(1, new Set(ids).size / 40);
    return { id: hit.id, features, articleCoverage };
  });
  const bestArticle = Math.max(0, ...candidates.map((candidate) => candidate.articleCoverage));
  for (const candidate of candidates) {
    candidate.features[FEATURE.articleRank] = bestArticle > 0 ? candidate.articleCoverage / bestArticle : 0;
  }
  return candidates.map(({ id, features }) => ({ id, features }));
}

const KIND_FEATURES: Partial<Record<AnswerType, CandidateFeature>> = {
  number: 'answerNumber',
  duration: 'answerNumber',
  time: 'answerTime',
  person: 'answerPerson',
  place: 'answerPlace',
  reason: 'answerReason',
};

const WHAT_IS = /^\W*(?:what|who)(?:'s|\s+(?:is|are|was|were))\s+(?:an?\s+|the\s+)?([\p{L}\p{N}][\p{L}\p{N}\s'’-]{1,60}?)\s*\??\s*$/iu;

/** The subject of "what is X?" / "who was X?", folded, or null for any other question. */
function subjectToDefine(question: string): string | null {
  const subject = WHAT_IS.exec(question)?.[1];
  return subject === undefined ? null : fold(subject).trim();
}

/** Whether a sentence says what `subject` is: "X is a ...", "X, a ...", "X (...) was the ...". */
function definesSubject(sentence: string, subject: string): boolean {
  const folded = fold(sentence);
  const at = folded.indexOf(subject);
  if (at === -1) return false;
  const after = folded.slice(at + subject.length, at + subject.length + 80);
  return /^(?:\s*\([^)]*\))?(?:\s*,\s*(?:an?|the)\s|\s+(?:is|are|was|were)\s+(?:an?|the|one)\s|\s+(?:is|are|was|were)\s+\p{L}+ly\s)/u.test(
    after,
  );
}

/**
 * Share of consecutive question concepts whose words also stand side by side in the sentence
 * (alias group terms, which stand beside the names they come from, do not count as words).
 */
function phraseShare(
  conceptCount: number,
  ids: Uint32Array,
  byTerm: ReadonlyMap<number, ReadonlyArray<readonly [number, number]>>,
  index: SentenceIndex,
): number {
  if (conceptCount < 2) return 0;
  const words = Array.from(ids).filter((id) => !index.termOf(id).startsWith('='));
  const adjacent = new Set<number>();
  for (let position = 0; position + 1 < words.length; position += 1) {
    const left = byTerm.get(words[position] ?? -1);
    const right = byTerm.get(words[position + 1] ?? -1);
    if (left === undefined || right === undefined) continue;
    for (const [concept] of left) if (right.some(([other]) => other === concept + 1)) adjacent.add(concept);
  }
  return adjacent.size / (conceptCount - 1);
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

/** How strongly a concept is present in a set of terms: the weight of its best term there, 0 when absent. */
export function strengthIn(concept: Concept, terms: ReadonlySet<string>): number {
  let strength = 0;
  for (const [term, weight] of concept.terms) if (terms.has(term)) strength = Math.max(strength, weight);
  return strength;
}
