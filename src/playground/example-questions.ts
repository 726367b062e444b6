/**
 * Example questions for the playground's welcome, drawn from the articles themselves: "What did
 * <speaker> say?" for someone an article quotes, "Who is <full name>?" for someone it introduces
 * with a role ("Kremlin aide Yury Ushakov"). A question is offered only when the engine answers
 * it, sure of itself, from the article it was drawn from, with the name in the passage: the
 * examples show what the bot does with this corpus, not what it might do.
 */
import { splitSentences } from '../corpus/sentences.js';
import { fold } from '../search/fold.js';
import type { ArticleSummary, Engine } from '../search/types.js';

/** How many examples the welcome offers. */
export const EXAMPLE_COUNT = 3;
/** The newest articles looked at: enough for three good examples, few enough to stay quick on a big corpus. */
const ARTICLES_LOOKED_AT = 10;
/** Questions asked of the engine at most, whatever the corpus. */
const MAX_TRIES = 40;

const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’-]*`;
/** A run of one to four capitalised words right before a verb of saying: who is quoted. */
const SPEAKER = new RegExp(
  String.raw`((?:${NAME_WORD}\s+){0,3}${NAME_WORD})\s+(?:said|says|told|added|responded|replied|warned|announced|stated|wrote)\b`,
  'gu',
);
/** A full name (two or three capitalised words) right after a role: who is introduced. */
const INTRODUCED = new RegExp(
  String.raw`\b(?:[Pp]resident|[Pp]rime [Mm]inister|[Mm]inister|[Ss]ecretary|[Cc]hancellor|[Gg]overnor|[Ss]enator|[Mm]ayor|aide|adviser|advisor|spokesman|spokeswoman|spokesperson|envoy|ambassador|official|leader|chief|director|CEO|chairman|chairwoman|judge|General|Dr\.)\s+(${NAME_WORD}(?:\s+${NAME_WORD}){1,2})\b`,
  'gu',
);
const PRONOUNS = new Set(['He', 'She', 'They', 'It', 'We', 'I', 'You', 'This', 'That', 'Who']);
/** The last word of an organisation's name: such a speaker is asked about whole ("the Foreign Ministry"). */
const ORGANISATION =
  /^(?:Ministry|Department|Office|House|Council|Committee|Agency|Government|Court|Police|Army|Party|Union|Commission|Kremlin|Pentagon|Service|Bank)$/u;

interface Candidate {
  readonly question: string;
  /** Who the question is about: the answer's passage must name them. */
  readonly name: string;
  /** Several examples about one person would show little; see `personKey`. */
  readonly person: string;
}

/**
 * Up to `EXAMPLE_COUNT` questions the engine answers from the corpus, one article after another
 * (newest first), each about someone else. Deterministic for a given corpus and engine.
 */
export async function exampleQuestions(engine: Engine): Promise<string[]> {
  const perArticle = engine.articles
    .slice(0, ARTICLES_LOOKED_AT)
    .map((article) => ({ article, candidates: candidatesOf(engine, article) }));
  const chosen: string[] = [];
  const people = new Set<string>();
  let tries = 0;
  for (let rank = 0; chosen.length < EXAMPLE_COUNT && tries < MAX_TRIES; rank += 1) {
    const round = perArticle.flatMap(({ article, candidates }) => {
      const candidate = candidates[rank];
      return candidate === undefined ? [] : [{ article, candidate }];
    });
    if (round.length === 0) break;
    for (const { article, candidate } of round) {
      if (chosen.length >= EXAMPLE_COUNT || tries >= MAX_TRIES) break;
      if (people.has(personKey(candidate.person)) || chosen.includes(candidate.question)) continue;
      tries += 1;
      if (await answersFrom(engine, candidate, article)) {
        chosen.push(candidate.question);
        people.add(personKey(candidate.person));
      }
    }
  }
  return chosen;
}

async function answersFrom(engine: Engine, candidate: Candidate, article: ArticleSummary): Promise<boolean> {
  const { answers, confidence } = await engine.ask(candidate.question, { limit: 1 });
  const [top] = answers;
  return (
    confidence === 'high' &&
    top !== undefined &&
    top.source.article === article.id &&
    top.passage.toLowerCase().includes(candidate.name.toLowerCase())
  );
}

/**
 * An article's questions, best first: whoever it quotes most, then whoever it introduces, taking
 * turns (ties in the order they appear).
 */
function candidatesOf(engine: Engine, article: ArticleSummary): Candidate[] {
  const sentences: string[] = [];
  for (let number = 1; number <= article.paragraphs; number += 1)
    sentences.push(...splitSentences(engine.paragraph(article.id, number) ?? ''));
  const text = sentences.join(' ');
  const speakers = byFrequency([...text.matchAll(SPEAKER)].flatMap((match) => speakerOf(match[1] ?? '')));
  const introduced = byFrequency(
    [...text.matchAll(INTRODUCED)].flatMap((match) => (match[1] === undefined ? [] : [introducedOf(match[1])])),
  );
  const turns: Candidate[] = [];
  for (let index = 0; index < Math.max(speakers.length, introduced.length); index += 1) {
    const speaker = speakers[index];
    const person = introduced[index];
    if (speaker !== undefined) turns.push(speaker);
    if (person !== undefined) turns.push(person);
  }
  return turns;
}

/** "U.S. President Donald Trump" → What did Trump say?; "Ukraine's Foreign Ministry" → What did the Foreign Ministry say? */
function speakerOf(run: string): Candidate[] {
  const words = run.split(/\s+/u).filter((word) => word !== '');
  const first = words[0];
  const last = words.at(-1);
  if (first === undefined || last === undefined || PRONOUNS.has(first)) return [];
  if (first === 'The' || ORGANISATION.test(last)) {
    const organisation = words.slice(first === 'The' ? 1 : 0).filter((word, index) => index > 0 || !/['’]s$/u.test(word));
    if (organisation.length === 0) return [];
    const name = organisation.join(' ');
    return [{ question: `What did the ${name} say?`, name, person: name }];
  }
  return [{ question: `What did ${last} say?`, name: last, person: last }];
}

function introducedOf(name: string): Candidate {
  const surname = name.split(/\s+/u).at(-1) ?? name;
  return { question: `Who is ${name}?`, name, person: surname };
}

/** One person under two spellings ("Zelensky", "Zelenskyy") is one person: the first letters of the name decide. */
function personKey(name: string): string {
  return fold(name)
    .replace(/[^\p{L}]/gu, '')
    .slice(0, 5);
}

/** Each candidate once, the most frequent first; ties in order of first appearance. */
function byFrequency(candidates: readonly Candidate[]): Candidate[] {
  const counts = new Map<string, { candidate: Candidate; count: number; first: number }>();
  candidates.forEach((candidate, index) => {
    const seen = counts.get(candidate.question);
    if (seen === undefined) counts.set(candidate.question, { candidate, count: 1, first: index });
    else seen.count += 1;
  });
  return [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first).map((entry) => entry.candidate);
}
