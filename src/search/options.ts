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
 * How a follow-up question (`ask`'s `context`: the earlier turns of a conversation) is read
 * (`src/search/follow-up.ts`). A question that leans on the earlier turns (pronouns, "that /
 * there / then", "and the uk?", or too few words of its own) gets their questions' concepts at a
 * lower weight and prefers the articles and the neighbourhood of the passages the earlier
 * answers showed, softly: the boosts are on the learned ranker's score scale, so a candidate
 * whose own features are far better still wins. A whole question is read on its own.
 */
export interface FollowUpOptions {
  /** At most this many earlier turns are read, the most recent. */
  readonly maxTurns: number;
  /** A question with fewer concepts of its own (that the corpus knows) than this leans on the earlier turns. */
  readonly fewConcepts: number;
  /** A question with at least this many concepts of its own is a whole question even when it says "it" or "they". */
  readonly wholeQuestionConcepts: number;
  /** A short or elliptical question whose words the earlier answers' articles hold less of than this share is read on its own. */
  readonly movedOnShare: number;
  /** How much an earlier question's concepts count in a follow-up that leans on it, against 1 for its own. */
  readonly carriedWeight: number;
  /** How much each turn further back counts of the turn after it, when that one was a whole question. */
  readonly turnDecay: number;
  /** Added to the score of a candidate from the article the last answer's first passage came from. */
  readonly articleBoost: number;
  /** How much an answer's other passages count, against 1 for its first, for every boost. */
  readonly laterPassageWeight: number;
  /** Added to the score of a candidate next to a passage shown before, less with each sentence away. */
  readonly passageBoost: number;
  /** How many sentences away from a passage shown before a candidate still gains from `passageBoost`. */
  readonly nearbySentences: number;
  /** Added to the score of a candidate that is itself a passage shown before. */
  readonly shownBoost: number;
  /** The least probability (by the learned refusal rule) with which a follow-up is answered, when below the learned threshold. */
  readonly refusalThreshold: number;
}

/**
 * Everything that tunes how the engine analyses, retrieves, ranks and shows passages, each
 * default documented beside its value. `EngineOptions` is any part of it (nested objects too);
 * `resolveOptions` fills in the rest.
 */
export const DEFAULT_OPTIONS: ResolvedOptions = {
  /** Passages returned when `ask` is given no `limit`. */
  defaultLimit: 3,
  /** Alias groups added to the built-in ones and the corpus's own. */
  aliasGroups: [],
  /** Use the built-in alias groups (`src/search/data/aliases.txt`). */
  builtInAliases: true,
  /** How much a word that WordNet relates to a question word counts, by relation (1 = the word itself). */
  relationWeights: {
    /** Another form of a name ("Panamanian" for "Panama"); counts even when the corpus has the word itself. */
    nameForm: 0.9,
    /** A word of the same synset ("journalist" for "reporter"). */
    synonym: 0.7,
    /** A derivationally related form ("invasion" for "invade"). */
    derived: 0.6,
    /** A broader or narrower word of the word's main sense ("vehicle" / "car"). */
    broaderOrNarrower: 0.5,
  },
  /**
   * How much a thesaurus word related to a question word counts when the corpus has the question
   * word itself, as a factor on its relation weight: enough to find "sixth conversation" for "how
   * many times have they talked", little enough not to drown exact matches.
   */
  relatedWordWeight: 0.3,
  /** When a word the corpus lacks counts as a typo of a known one. */
  typoTolerance: {
    /** A (stemmed) word at least this long may be one edit away. */
    oneEditFrom: 4,
    /** A (stemmed) word at least this long may be two edits away. */
    twoEditsFrom: 8,
    /** What each edit takes off a near word's weight (against 1 for the word as written). */
    weightPerEdit: 0.25,
  },
  /**
   * How much a near spelling counts, as a factor, when the question word the corpus lacks is a
   * dictionary word all the same: a typo that makes another word ("crispen" for "Crispin"). Low
   * enough that such a match only looks sentences up where it is rare, like a related word.
   */
  realWordTypoWeight: 0.6,
  /** How much the noun of "what year / which country ..." counts, against 1 for another word: it names the kind of answer, which the answering sentence seldom repeats. */
  answerNounWeight: 0.3,
  /**
   * A question term found in more sentences than this does not look sentences up; it only scores
   * what rarer terms found. Keeps questions fast on large corpora (the trade-off is measured in
   * `bench/README.md`).
   */
  maxRetrievalFrequency: 2000,
  /** The rarest term of this many of the question's rarest concepts always looks sentences up, however common. */
  alwaysRetrievedConcepts: 2,
  /** A term weighing at least this much stands for its concept's word; lighter ones are weakly related words. */
  strongTermWeight: 0.5,
  /** At most this many weakly related words of one concept look sentences up. */
  maxWeakTermsPerConcept: 3,
  /** A weakly related word looks sentences up only in fewer than `maxRetrievalFrequency` / this sentences. */
  weakTermFrequencyDivisor: 10,
  /** How many of MiniSearch's hits, with their neighbours, are scored again with every question term. */
  rescoredHits: 2000,
  /** How much a sentence's neighbours' BM25 adds to its own (against 1), so that "He said ..." can be found through who "he" is. */
  contextBoost: 0.3,
  /** BM25's parameters, for MiniSearch's search and for rescoring alike: MiniSearch's own defaults. */
  bm25: {
    /** Term frequency saturation: how much a term said again adds. */
    k: 1.2,
    /** Length normalisation: how much a long sentence is penalised (0 none, 1 fully). */
    b: 0.7,
    /** Frequency normalisation lower bound: what a single occurrence is at least worth. */
    d: 0.5,
  },
  /** How many of the best BM25 hits are ranked for each question. */
  candidates: 100,
  /** With sentence vectors: how many sentences closest to the question in meaning are ranked too, whatever their words. */
  vectorCandidates: 20,
  /**
   * With sentence vectors: those sentences are looked for in this many articles, the closest to
   * the question by the mean of their sentences' vectors, so that the search costs the same
   * whatever the corpus's size (`bench/README.md` measures it).
   */
  vectorArticles: 20,
  /** A passage never grows past this many sentences. */
  passageMaxSentences: 5,
  /** Two passages sharing at least this share of their words are one passage said twice, shown once. */
  nearDuplicateShare: 0.8,
  /**
   * A passage after the first must cover at least this share of the question's concepts (weighted
   * by rarity) with its neighbours, and some of it alone: relevant on its own, not riding on the
   * best one. (Whether to answer at all is the learned refusal rule's call.)
   */
  minCoverage: 0.2,
  /** Weights of the ranking features set here, over the learned ones (`DEFAULT_WEIGHTS`, from `npm run train`). */
  weights: {},
  /** How a follow-up question leans on the earlier turns (`ask`'s `context`); tuned on the follow-up set's dev half. */
  followUp: {
    /** At most this many earlier turns are read, the most recent. */
    maxTurns: 3,
    /** A question with fewer concepts of its own than this (that the corpus knows) leans on the earlier turns. */
    fewConcepts: 3,
    /**
     * A question with at least this many concepts of its own is a whole question even when it says
     * "it" or "they" ("does calling it a pandemic mean the virus is worse?"): its words, not the
     * earlier questions', say what it is about.
     */
    wholeQuestionConcepts: 4,
    /**
     * A question that leans only by being short or elliptical ("what about the gliders?"), not by a
     * pronoun, is read on its own when the earlier answers' articles hold less than this share of its
     * own words (weighted by rarity; a word no article has counts as not held): they are about
     * something else.
     */
    movedOnShare: 0.3,
    /** How much an earlier question's concepts count in a follow-up that leans on it, against 1 for its own. */
    carriedWeight: 0.5,
    /**
     * Each turn further back counts this much of the turn after it, concepts and articles alike, when
     * the turn after it was a whole question (one that leaned on it passes it on whole; one that said
     * it starts afresh, not at all).
     */
    turnDecay: 0.5,
    /** Added to the score of a candidate from the article the last answer's first passage came from. */
    articleBoost: 3,
    /** How much an answer's other passages count, against 1 for its first passage, for every boost. */
    laterPassageWeight: 0.5,
    /** Added to the score of a candidate next to a passage shown before, less with each sentence away. */
    passageBoost: 0.5,
    /** How many sentences away from a passage shown before a candidate still gains from `passageBoost`. */
    nearbySentences: 2,
    /**
     * Added to the score of a candidate that is itself a passage shown before (besides its article's
     * boost): negative, because a follow-up mostly asks for what the answer before did not say.
     */
    shownBoost: -1,
    /**
     * The least probability (by the learned refusal rule) with which a follow-up is answered, when
     * below the learned threshold: the rule was learned on questions asked alone, and reads a
     * follow-up's carried words, which count less, as less of the question covered.
     */
    refusalThreshold: 0.1,
  },
};

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
  readonly vectorCandidates: number;
  readonly vectorArticles: number;
  readonly passageMaxSentences: number;
  readonly nearDuplicateShare: number;
  readonly minCoverage: number;
  readonly weights: Partial<RankingWeights>;
  readonly followUp: FollowUpOptions;
}

/** Any part of the options, nested objects too (see `DEFAULT_OPTIONS` for each one's meaning and default). */
export type EngineOptions = {
  readonly [Key in keyof ResolvedOptions]?: ResolvedOptions[Key] extends readonly unknown[]
    ? ResolvedOptions[Key]
    : ResolvedOptions[Key] extends object
      ? Partial<ResolvedOptions[Key]>
      : ResolvedOptions[Key];
} & {
  /**
   * Where to find words related to a question word ("journalists" -> "reporters"). Default
   * WordNet; null to match words only as written (and by spelling).
   */
  readonly thesaurus?: Thesaurus | null;
};

/** The options that change how text is analysed, and so what an index holds. */
export type AnalysisOptions = Pick<EngineOptions, 'aliasGroups' | 'builtInAliases'>;

/** The options given, over `DEFAULT_OPTIONS`: nested objects merged, arrays and values replaced, `undefined` left out. */
export function resolveOptions(options: EngineOptions = {}): ResolvedOptions {
  const { thesaurus: _thesaurus, ...given } = options;
  return merged(DEFAULT_OPTIONS, given) as ResolvedOptions;
}

function merged(defaults: object, given: object): object {
  const result: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const base = result[key];
    result[key] = isPlainObject(base) && isPlainObject(value) ? merged(base, value) : value;
  }
  return result;
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
