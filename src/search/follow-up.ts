import { type IndexHit, type SentenceIndex, sortedHas } from './index/sentence-index.js';
import type { FollowUpOptions } from './options.js';
import type { AnalyzedQuestion, Concept } from './question.js';
import type { RankedCandidate } from './rank.js';
import type { PreviousTurn } from './types.js';
import { tokenize } from './tokenize.js';
import { wordOf } from './word-form.js';

/**
 * What a follow-up question ("when was that?", "and the uk?", "what did he say?") takes from
 * the conversation before it: the question searched (its own concepts, then the earlier
 * questions' at a lower weight), and how much each earlier answer's article and passage
 * neighbourhood is to be preferred. Only evidence: the follow-up's own words count most, and a
 * follow-up whose own words are about another article moves there.
 */
export interface FollowUp {
  /** The follow-up's own question, as it would be read without context (what its answer highlights). */
  readonly own: AnalyzedQuestion;
  /** The question searched: `own`'s concepts first, then those carried from earlier questions. */
  readonly question: AnalyzedQuestion;
  /** How strongly each article an earlier answer came from is preferred (0-1), by article id. */
  readonly articles: ReadonlyMap<string, number>;
  /** How near each sentence is to a passage an earlier answer showed (0-1), by sentence id; not the passages themselves. */
  readonly nearby: ReadonlyMap<number, number>;
  /** The sentences an earlier answer showed (how recently and how high, 0-1), by sentence id. */
  readonly shown: ReadonlyMap<number, number>;
}

/** How a question leans on the conversation before it. */
export type Leaning =
  /** It says it starts afresh ("unrelated, but ...", "new question: ..."): read on its own. */
  | 'fresh'
  /** Pronouns or "that / there / then" that the earlier turns say what of. */
  | 'reference'
  /** Elliptical: "and the uk?", "what about trump". */
  | 'ellipsis'
  /** Too few words of its own to be read alone. */
  | 'few-words'
  /** A whole question of its own: read on its own. */
  | 'none';

// Words that stand for something said before. "that" and "it" are often only grammar ("so was
// that a concession"), which costs little: the earlier turns are evidence, not a filter.
const REFERRING_WORDS = new Set(
  'he him his himself she her hers herself they them their theirs themselves it its itself this that these those there then such both ones other others same guy lady'.split(
    ' ',
  ),
);
const ELLIPTICAL_OPENING = /^\W*(?:and|also|but|plus|so|what about|how about|same (?:for|with)|what else|anything else|any more)\b/iu;
const FRESH_OPENING =
  /^\W*(?:(?:ok(?:ay)?|so|also|and|but)\W+)?(?:unrelated|anyway|anyways|btw|by the way|new (?:question|topic|q)|another (?:question|topic|thing|q)|(?:a |on a )?(?:diff(?:erent)?|other|separate|another) (?:thing|question|topic|subject|q|note)|changing (?:the )?(?:subject|topic))\b/iu;

/** Whether a question says it starts afresh ("unrelated, but ...", "new question: ..."): the turns before it are not read. */
export function startsAfresh(question: string): boolean {
  return FRESH_OPENING.test(question);
}

/** Whether and how `question` leans on earlier turns; `own` is the question analysed on its own. */
export function leaningOf(
  question: string,
  own: AnalyzedQuestion,
  options: Pick<FollowUpOptions, 'fewConcepts' | 'wholeQuestionConcepts'>,
): Leaning {
  if (startsAfresh(question)) return 'fresh';
  if (ELLIPTICAL_OPENING.test(question)) return 'ellipsis';
  const words = tokenize(question).map((token) => wordOf(token.surface));
  const ownConcepts = own.concepts.filter((concept) => concept.known).length;
  if (words.some((word) => REFERRING_WORDS.has(word)) && ownConcepts < options.wholeQuestionConcepts) return 'reference';
  return ownConcepts < options.fewConcepts ? 'few-words' : 'none';
}

/** Passages read of each earlier turn, the first: more than a page of an answer shows, and a bound on the work. */
const MAX_PASSAGES_PER_TURN = 5;

/** What resolving a follow-up needs. */
export interface FollowUpContext {
  readonly index: SentenceIndex;
  /** Analyses an earlier question as a question of its own is analysed. */
  readonly analyze: (question: string) => AnalyzedQuestion;
  readonly options: FollowUpOptions;
}

/**
 * Reads `question` (already analysed on its own as `own`) in the light of the earlier turns,
 * oldest first. Null when it is to be read on its own: there is no earlier turn, it is a whole
 * question, or it says it starts afresh.
 */
export function resolveFollowUp(
  question: string,
  own: AnalyzedQuestion,
  turns: readonly PreviousTurn[],
  context: FollowUpContext,
): FollowUp | null {
  const { options } = context;
  const recent = turns.slice(-options.maxTurns).reverse();
  if (recent.length === 0) return null;
  const leaning = leaningOf(question, own, options);
  // A whole question, or one that starts afresh, is read on its own: its words say what it is about.
  if (leaning === 'fresh' || leaning === 'none') return null;

  const seenTerms = new Set(own.concepts.flatMap((concept) => [...concept.terms.keys()]));
  const carried: Concept[] = [];
  const words = new Set(own.words);
  let answerType = own.answerType;
  // How much each earlier turn still counts: a turn that leaned on the ones before it passes them on whole.
  const reach: number[] = [];
  let weight = 1;
  for (const [age, turn] of recent.entries()) {
    reach.push(weight);
    const earlier = context.analyze(turn.question);
    // "and the uk?" asks what the question before asked, of something else.
    if (age === 0 && leaning === 'ellipsis' && answerType === 'any') answerType = earlier.answerType;
    for (const word of earlier.words) words.add(word);
    for (const concept of earlier.concepts) {
      if (weight <= 0 || !concept.known || [...concept.terms.keys()].some((term) => seenTerms.has(term))) continue;
      for (const term of concept.terms.keys()) seenTerms.add(term);
      carried.push(scaled(concept, options.carriedWeight * weight));
    }
    const itsLeaning = leaningOf(turn.question, earlier, options);
    weight *= itsLeaning === 'fresh' ? 0 : itsLeaning === 'none' ? options.turnDecay : 1;
  }

  const articles = new Map<string, number>();
  const nearby = new Map<number, number>();
  const shown = new Map<number, number>();
  const positions = sentencePositions(context.index);
  recent.forEach((turn, age) => {
    turn.passages.slice(0, MAX_PASSAGES_PER_TURN).forEach((passage, rank) => {
      const weight = (reach[age] ?? 0) * (rank === 0 ? 1 : options.laterPassageWeight);
      if (weight <= 0) return;
      const id = positions.idOf(passage.article, passage.sentence);
      // A passage the corpus no longer has (a reload took it away) says nothing.
      if (id === undefined) return;
      raise(articles, passage.article, weight);
      raise(shown, id, weight);
      const sentences = context.index.sentences;
      for (let distance = -options.nearbySentences; distance <= options.nearbySentences; distance += 1) {
        const other = sentences[id + distance];
        if (distance === 0 || other === undefined || other.articleId !== passage.article) continue;
        raise(nearby, id + distance, weight * (1 - Math.abs(distance) / (options.nearbySentences + 1)));
      }
    });
  });

  // "what about the gliders?" after the men's game: its own words are not in the conversation's articles. Pronouns always lean.
  if (leaning !== 'reference' && (ownShareIn(own, [...articles.keys()], context.index, positions) ?? 1) < options.movedOnShare) return null;

  return { own, question: { concepts: [...own.concepts, ...carried], answerType, words }, articles, nearby, shown };
}

/**
 * The share of a question's concepts (weighted by rarity; one no article knows counts as not
 * held) that any of `articles` holds, anywhere in its title or body; null when the question has
 * no concept or no article is given.
 */
function ownShareIn(
  question: AnalyzedQuestion,
  articles: readonly string[],
  index: SentenceIndex,
  positions: SentencePositions,
): number | null {
  const firsts = articles.flatMap((article) => positions.idOf(article, 1) ?? []);
  const total = question.concepts.reduce((sum, concept) => sum + concept.weight, 0);
  if (firsts.length === 0 || total <= 0) return null;
  let found = 0;
  for (const concept of question.concepts) {
    let strength = 0;
    for (const [term, weight] of concept.terms) {
      const id = index.termIdOf(term);
      if (id !== undefined && weight > strength && firsts.some((first) => sortedHas(index.articleTermIdsOf(first), id))) strength = weight;
    }
    found += concept.weight * strength;
  }
  return found / total;
}

/** How many of the earlier answers' articles (the most preferred) are made sure of among the candidates. */
const EARLIER_ARTICLES_SEARCHED = 2;

/**
 * The hits of a follow-up's search, with the best hits of each article the earlier answers most
 * came from that has none among them (found by the same query, so their scores compare): in a
 * large corpus, those articles' sentences must be candidates for ranking to prefer them. Each
 * such article costs one more search, so only the missing ones are searched.
 */
export function withEarlierArticles(
  hits: readonly IndexHit[],
  followUp: FollowUp,
  index: SentenceIndex,
  searchArticle: (articleId: string) => readonly IndexHit[],
): IndexHit[] {
  const present = new Set(hits.map((hit) => index.sentences[hit.id]?.articleId));
  const missing = [...followUp.articles]
    .sort((a, b) => b[1] - a[1])
    .slice(0, EARLIER_ARTICLES_SEARCHED)
    .filter(([article]) => !present.has(article));
  if (missing.length === 0) return [...hits];
  const byId = new Map(hits.map((hit) => [hit.id, hit]));
  for (const [article] of missing) for (const hit of searchArticle(article)) if (!byId.has(hit.id)) byId.set(hit.id, hit);
  return [...byId.values()].sort((a, b) => b.score - a.score || a.id - b.id);
}

/**
 * Candidates ranked again with the earlier answers as evidence: each gains `articleBoost` times
 * how strongly its article is preferred, and `passageBoost` times how near it is to a passage
 * shown before. Scores stay on the ranker's scale, so a candidate whose own features are far
 * better (the follow-up's own words are about its article) still comes first.
 */
export function preferEarlierAnswers(
  ranked: readonly RankedCandidate[],
  followUp: FollowUp,
  index: SentenceIndex,
  options: Pick<FollowUpOptions, 'articleBoost' | 'passageBoost' | 'shownBoost'>,
): RankedCandidate[] {
  return ranked
    .map((candidate) => {
      const article = index.sentences[candidate.id]?.articleId ?? '';
      const bonus =
        options.articleBoost * (followUp.articles.get(article) ?? 0) +
        options.passageBoost * (followUp.nearby.get(candidate.id) ?? 0) +
        options.shownBoost * (followUp.shown.get(candidate.id) ?? 0);
      return bonus === 0 ? candidate : { ...candidate, score: candidate.score + bonus };
    })
    .sort((a, b) => b.score - a.score || a.id - b.id);
}

function scaled(concept: Concept, factor: number): Concept {
  return {
    terms: new Map([...concept.terms].map(([term, weight]) => [term, weight * factor])),
    variants: concept.variants,
    weight: concept.weight * factor,
    known: concept.known,
  };
}

function raise<K>(map: Map<K, number>, key: K, value: number): void {
  if (value > (map.get(key) ?? 0)) map.set(key, value);
}

/** Where each article's sentences start in the index, to find a passage by its article and sentence number. */
interface SentencePositions {
  idOf(article: string, sentence: number): number | undefined;
}

const positionsOfIndex = new WeakMap<SentenceIndex, SentencePositions>();

function sentencePositions(index: SentenceIndex): SentencePositions {
  let positions = positionsOfIndex.get(index);
  if (positions === undefined) {
    const firsts = new Map<string, number>();
    index.sentences.forEach((sentence, id) => {
      if (!firsts.has(sentence.articleId)) firsts.set(sentence.articleId, id);
    });
    positions = {
      idOf(article, sentence) {
        const first = firsts.get(article);
        if (first === undefined || !Number.isInteger(sentence)) return undefined;
        const id = first + sentence - 1;
        const found = index.sentences[id];
        return found?.articleId === article && found.sentence === sentence ? id : undefined;
      },
    };
    positionsOfIndex.set(index, positions);
  }
  return positions;
}
