import type { AliasGroup } from '../corpus/alias-file.js';
import type { RankingWeights } from './rank.js';
import type { Thesaurus } from './wordnet.js';

/** BM25's parameters, MiniSearch's names and meaning (its `bm25` search option). */
export interface Bm25Params {
  /** Term frequency saturation: how much a term said again adds. */
  readonly k: number;
  /** Length normalisation: how much a long sentence is penalised (0 none, 1 fully). */
  readonly b: number;
  /** Frequency normalisation lower bound: what a single occurrence is at least worth. */
  readonly d: number;
}

/** How far a question word the corpus lacks may be from a known word to be taken for a typo of it. */
export interface TypoTolerance {
  /** A (stemmed) word at least this long may be one edit away. */
  readonly oneEditFrom: number;
  /** A (stemmed) word at least this long may be two edits away. */
  readonly twoEditsFrom: number;
  /** What each edit takes off a near word's weight (against 1 for the word as written). */
  readonly weightPerEdit: number;
}

/** How much a word that WordNet relates to a question word counts, by relation (1 = the word itself). */
export interface RelationWeights {
  /** Another form of a name ("Panamanian" for "Panama", "Iranian" for "Iran"); counts even when the corpus has the word itself. */
  readonly nameForm: number;
  /** A word of the same synset ("journalist" for "reporter"). */
  readonly synonym: number;
  /** A derivationally related form ("invasion" for "invade"). */
  readonly derived: number;
  /** A broader or narrower word of the word's main sense ("vehicle" / "car"). */
  readonly broaderOrNarrower: number;
}

/**
 * How a follow-up question (`ask`'s `context`: the earlier turns of a conversation) is read.
 * A question that leans on the earlier turns (pronouns, "that / there / then", "and the uk?",
 * or too few words of its own) gets their questions' concepts at a lower weight and prefers
 * the articles and the neighbourhood of the passages the earlier answers showed, softly: the
 * boosts are on the learned ranker's score scale, so a candidate whose own features are far
 * better (the follow-up's own words are about its article) still wins. A whole question is
 * read on its own. Weights of concepts are against 1 for a concept of the follow-up itself.
 */
export interface FollowUpOptions {
  /** At most this many earlier turns are read, the most recent. Default 3. */
  readonly maxTurns: number;
  /** A question with fewer concepts of its own than this (that the corpus knows) leans on the earlier turns. Default 3. */
  readonly fewConcepts: number;
  /**
   * A question with at least this many concepts of its own is a whole question even when it
   * says "it" or "they" ("does calling it a pandemic mean the virus is worse?"): its words, not
   * the earlier questions', say what it is about. Default 4.
   */
  readonly wholeQuestionConcepts: number;
  /**
   * A question that leans only by being short or elliptical ("what about the gliders?"), not by
   * a pronoun, is read on its own when the earlier answers' articles hold less than this share of
   * its own words (weighted by rarity; a word no article has counts as not held): its words are
   * about something else. Default 0.3.
   */
  readonly movedOnShare: number;
  /** How much an earlier question's concepts count in a follow-up that leans on it. Default 0.5. */
  readonly carriedWeight: number;
  /**
   * Each turn further back counts this much of the turn after it, concepts and articles alike,
   * when the turn after it was a whole question of its own (one that leaned on it passes it on
   * whole; one that said it starts afresh, not at all). Default 0.5.
   */
  readonly turnDecay: number;
  /** Added to the score of a candidate from the article the last answer's first passage came from. Default 3. */
  readonly articleBoost: number;
  /** How much an answer's other passages count, against 1 for its first passage, for every boost. Default 0.5. */
  readonly laterPassageWeight: number;
  /** Added to the score of a candidate next to a passage shown before, less with each sentence away. Default 0.5. */
  readonly passageBoost: number;
  /** How many sentences away from a passage shown before a candidate still gains from `passageBoost`. Default 2. */
  readonly nearbySentences: number;
  /**
   * Added to the score of a candidate that is itself a passage shown before (besides its
   * article's boost): negative, because a follow-up mostly asks for what the answer before did
   * not say. Default -1.
   */
  readonly shownBoost: number;
  /**
   * The least probability (by the learned refusal rule) with which a follow-up is answered, when
   * below the learned threshold: the rule was learned on questions asked alone, and reads a
   * follow-up's carried words, which count less, as less of the question covered. Default 0.1.
   */
  readonly refusalThreshold: number;
}

/**
 * Everything that tunes how the engine analyses, retrieves, ranks and shows passages, with its
 * default. Every field is optional; `resolveOptions` fills in the rest.
 */
export interface EngineOptions {
  /** Passages returned when `ask` is given no `limit`. Default 3. */
  readonly defaultLimit?: number;
  /** Alias groups added to the built-in ones and the corpus's own. Default none. */
  readonly aliasGroups?: readonly AliasGroup[];
  /** Use the built-in alias groups (`src/search/data/aliases.txt`). Default true. */
  readonly builtInAliases?: boolean;
  /**
   * Where to find words related to a question word ("journalists" -> "reporters"). Default
   * WordNet; null to match words only as written (and by spelling).
   */
  readonly thesaurus?: Thesaurus | null;
  /** How much each kind of WordNet relation counts. Default name form 0.9, synonym 0.7, derived 0.6, broader or narrower 0.5. */
  readonly relationWeights?: Partial<RelationWeights>;
  /**
   * How much a thesaurus word related to a question word counts when the corpus has the
   * question word itself, as a factor on its relation weight. Default 0.3: enough to find
   * "sixth conversation" for "how many times have they talked", little enough not to drown
   * exact matches.
   */
  readonly relatedWordWeight?: number;
  /** When a word the corpus lacks counts as a typo of a known one. Default from 4 letters 1 edit, from 8 letters 2, each edit -0.25. */
  readonly typoTolerance?: Partial<TypoTolerance>;
  /**
   * How much a near spelling counts, as a factor, when the question word the corpus lacks is a
   * dictionary word all the same: a typo that makes another word ("crispen" for "Crispin",
   * "cane" for "Kane"). Default 0.6: low enough that such a match only looks sentences up
   * where it is rare, like a related word.
   */
  readonly realWordTypoWeight?: number;
  /**
   * How much the noun of "what year / which country ..." counts, against 1 for another word:
   * it names the kind of answer, and the answering sentence seldom repeats it. Default 0.3.
   */
  readonly answerNounWeight?: number;
  /**
   * A question term found in more sentences than this does not look sentences up; it only
   * scores what rarer terms found. Keeps questions fast on large corpora. Default 2,000 (the
   * trade-off is measured in `bench/README.md`).
   */
  readonly maxRetrievalFrequency?: number;
  /** The rarest term of this many of the question's rarest concepts always looks sentences up, however common. Default 2. */
  readonly alwaysRetrievedConcepts?: number;
  /** A term weighing at least this much stands for its concept's word; lighter ones are weakly related words. Default 0.5. */
  readonly strongTermWeight?: number;
  /** At most this many weakly related words of one concept look sentences up. Default 3. */
  readonly maxWeakTermsPerConcept?: number;
  /** A weakly related word looks sentences up only in fewer than `maxRetrievalFrequency` / this sentences. Default 10. */
  readonly weakTermFrequencyDivisor?: number;
  /** How many of MiniSearch's hits, with their neighbours, are scored again with every question term. Default 2,000. */
  readonly rescoredHits?: number;
  /**
   * How much a sentence's neighbours' BM25 adds to its own (against 1), so that "He said ..."
   * can be found through who "he" is. Default 0.3.
   */
  readonly contextBoost?: number;
  /** BM25's parameters, for MiniSearch's search and for rescoring alike. Default MiniSearch's: k 1.2, b 0.7, d 0.5. */
  readonly bm25?: Partial<Bm25Params>;
  /** How many of the best BM25 hits are ranked for each question. Default 100. */
  readonly candidates?: number;
  /** A passage never grows past this many sentences. Default 5. */
  readonly passageMaxSentences?: number;
  /** Two passages sharing at least this share of their words are one passage said twice, shown once. Default 0.8. */
  readonly nearDuplicateShare?: number;
  /**
   * The least share of a question's concepts (weighted by rarity) that the best sentence and
   * its neighbours must cover; below it `ask` returns nothing rather than a random sentence.
   * Default 0.3.
   */
  readonly minCoverage?: number;
  /** Weights of the ranking features, over the learned ones (`DEFAULT_WEIGHTS`, from `npm run train`). */
  readonly weights?: Partial<RankingWeights>;
  /** How a follow-up question leans on the earlier turns (`ask`'s `context`). Defaults in `FollowUpOptions`. */
  readonly followUp?: Partial<FollowUpOptions>;
}

/** The options that change how text is analysed, and so what an index holds. */
export type AnalysisOptions = Pick<EngineOptions, 'aliasGroups' | 'builtInAliases'>;

/** Every option with a value: what the engine runs with. */
export interface ResolvedOptions {
  readonly defaultLimit: number;
  readonly aliasGroups: readonly AliasGroup[];
  readonly builtInAliases: boolean;
  readonly relationWeights: RelationWeights;
  readonly relatedWordWeight: number;
  readonly typoTolerance: TypoTolerance;
  readonly realWordTypoWeight: number;
  readonly answerNounWeight: number;
  readonly maxRetrievalFrequency: number;
  readonly alwaysRetrievedConcepts: number;
  readonly strongTermWeight: number;
  readonly maxWeakTermsPerConcept: number;
  readonly weakTermFrequencyDivisor: number;
  readonly rescoredHits: number;
  readonly contextBoost: number;
  readonly bm25: Bm25Params;
  readonly candidates: number;
  readonly passageMaxSentences: number;
  readonly nearDuplicateShare: number;
  readonly minCoverage: number;
  /** Weights set here, over the learned ones. */
  readonly weights: Partial<RankingWeights>;
  readonly followUp: FollowUpOptions;
}

export const DEFAULT_OPTIONS: ResolvedOptions = {
  defaultLimit: 3,
  aliasGroups: [],
  builtInAliases: true,
  relationWeights: { nameForm: 0.9, synonym: 0.7, derived: 0.6, broaderOrNarrower: 0.5 },
  relatedWordWeight: 0.3,
  typoTolerance: { oneEditFrom: 4, twoEditsFrom: 8, weightPerEdit: 0.25 },
  realWordTypoWeight: 0.6,
  answerNounWeight: 0.3,
  maxRetrievalFrequency: 2000,
  alwaysRetrievedConcepts: 2,
  strongTermWeight: 0.5,
  maxWeakTermsPerConcept: 3,
  weakTermFrequencyDivisor: 10,
  rescoredHits: 2000,
  contextBoost: 0.3,
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  candidates: 100,
  passageMaxSentences: 5,
  nearDuplicateShare: 0.8,
  minCoverage: 0.2,
  weights: {},
  followUp: {
    maxTurns: 3,
    fewConcepts: 3,
    wholeQuestionConcepts: 4,
    movedOnShare: 0.3,
    carriedWeight: 0.5,
    turnDecay: 0.5,
    articleBoost: 3,
    laterPassageWeight: 0.5,
    passageBoost: 0.5,
    nearbySentences: 2,
    shownBoost: -1,
    refusalThreshold: 0.1,
  },
};

/** The options given, with every one left out at its default. */
export function resolveOptions(options: EngineOptions = {}): ResolvedOptions {
  const defaults = DEFAULT_OPTIONS;
  return {
    defaultLimit: options.defaultLimit ?? defaults.defaultLimit,
    aliasGroups: options.aliasGroups ?? defaults.aliasGroups,
    builtInAliases: options.builtInAliases ?? defaults.builtInAliases,
    relationWeights: { ...defaults.relationWeights, ...options.relationWeights },
    relatedWordWeight: options.relatedWordWeight ?? defaults.relatedWordWeight,
    typoTolerance: { ...defaults.typoTolerance, ...options.typoTolerance },
    realWordTypoWeight: options.realWordTypoWeight ?? defaults.realWordTypoWeight,
    answerNounWeight: options.answerNounWeight ?? defaults.answerNounWeight,
    maxRetrievalFrequency: options.maxRetrievalFrequency ?? defaults.maxRetrievalFrequency,
    alwaysRetrievedConcepts: options.alwaysRetrievedConcepts ?? defaults.alwaysRetrievedConcepts,
    strongTermWeight: options.strongTermWeight ?? defaults.strongTermWeight,
    maxWeakTermsPerConcept: options.maxWeakTermsPerConcept ?? defaults.maxWeakTermsPerConcept,
    weakTermFrequencyDivisor: options.weakTermFrequencyDivisor ?? defaults.weakTermFrequencyDivisor,
    rescoredHits: options.rescoredHits ?? defaults.rescoredHits,
    contextBoost: options.contextBoost ?? defaults.contextBoost,
    bm25: { ...defaults.bm25, ...options.bm25 },
    candidates: options.candidates ?? defaults.candidates,
    passageMaxSentences: options.passageMaxSentences ?? defaults.passageMaxSentences,
    nearDuplicateShare: options.nearDuplicateShare ?? defaults.nearDuplicateShare,
    minCoverage: options.minCoverage ?? defaults.minCoverage,
    weights: { ...options.weights },
    followUp: { ...defaults.followUp, ...options.followUp },
  };
}
