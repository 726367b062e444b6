import { z } from 'zod';

/**
 * The question log's lines (`QUESTION_LOG`, one JSON object a line), as the bot writes them and
 * `npm run report` and `/stats` read them. README "The question log" documents every field;
 * change them together. Two kinds of line:
 *
 * - `question`: one for every question the bot handled, whatever came of it;
 * - `vote`: a 👍 / 👎 given later on an answer, pointing at its question line by `answer`, the id
 *   of the message the answer was sent as (no second search is needed to join them).
 */

/** How a question reached the bot. */
export const QUESTION_VIA = ['ask', 'mention', 'dm', 'find-in-articles', 'follow-up'] as const;
export type QuestionVia = (typeof QUESTION_VIA)[number];

/**
 * What came of a question: passages shown (`answered`), "nothing relevant" (`nothing-relevant`),
 * refused by the rate limit (`rate-limited`) or for its length (`too-long`), or a failure
 * (`error`, the member was told something went wrong).
 */
export const QUESTION_OUTCOMES = ['answered', 'nothing-relevant', 'rate-limited', 'too-long', 'error'] as const;
export type QuestionOutcome = (typeof QUESTION_OUTCOMES)[number];

/** A passage shown, by where it stands in its article. */
export interface LoggedPassage {
  readonly article: string;
  /** 1-based. */
  readonly paragraph: number;
  /** 1-based, within the article. */
  readonly sentence: number;
}

/** A passage voted on, with its text as shown. */
export interface LoggedVotedPassage extends LoggedPassage {
  readonly passage: string;
}

interface Common {
  /** When the bot received it: ISO 8601. */
  readonly time: string;
  /** Server id, or null in a DM. */
  readonly guild: string | null;
  /** Channel id (a DM's channel in a DM); null when Discord did not say. */
  readonly channel: string | null;
}

/** A question as the bot handled it, before the asker's id is hashed: what shards send the writer. */
export interface QuestionEvent extends Common {
  readonly kind: 'question';
  /** The asker's Discord id: hashed by the writer, never written. */
  readonly user: string;
  readonly via: QuestionVia;
  /** Id of the message the answer was sent as, which votes point at; null when no answer message was sent. */
  readonly answer: string | null;
  /** The question as the engine saw it (mentions and emoji codes taken out, whitespace collapsed). */
  readonly question: string;
  readonly outcome: QuestionOutcome;
  /** The passages the answer showed, best first; empty unless `answered`. */
  readonly passages: readonly LoggedPassage[];
  /** The best passage's ranking score; null when none was shown. */
  readonly topScore: number | null;
  /** The engine's probability (0-1) that the articles answer the question; null when it was not asked or matched nothing. */
  readonly probability: number | null;
  /** The engine's `high` / `low` / `none`; null when the engine was not asked. */
  readonly confidence: 'high' | 'low' | 'none' | null;
  /** Milliseconds from the question's arrival to the reply being sent. */
  readonly ms: number;
}

/** A 👍 / 👎 as the bot handled it, before the voter's id is hashed. */
export interface VoteEvent extends Common {
  readonly kind: 'vote';
  /** The voter's Discord id: hashed by the writer, never written. */
  readonly user: string;
  /** Id of the answer message voted on: its question line's `answer`. */
  readonly answer: string;
  readonly vote: 'up' | 'down';
  /** The question of the answer voted on (as in its question line, for reading the vote alone). */
  readonly question: string;
  /** The passages on the page voted on, with their text as shown. */
  readonly passages: readonly LoggedVotedPassage[];
}

export type QuestionLogEvent = QuestionEvent | VoteEvent;

/** A question line as written: the asker's id replaced by its keyed hash. */
export type QuestionLine = Omit<QuestionEvent, 'user'> & { readonly asker: string };
/** A vote line as written: the voter's id replaced by its keyed hash. */
export type VoteLine = Omit<VoteEvent, 'user'> & { readonly voter: string };
export type QuestionLogLine = QuestionLine | VoteLine;

const snowflake = z.string().regex(/^\d{1,20}$/u);
const passage = z.object({ article: z.string(), paragraph: z.number().int().min(1), sentence: z.number().int().min(1) });
const common = { time: z.iso.datetime({ offset: true }), guild: snowflake.nullable(), channel: snowflake.nullable() };
const questionFields = {
  kind: z.literal('question'),
  via: z.enum(QUESTION_VIA),
  answer: snowflake.nullable(),
  question: z.string(),
  outcome: z.enum(QUESTION_OUTCOMES),
  passages: z.array(passage).readonly(),
  topScore: z.number().nullable(),
  probability: z.number().min(0).max(1).nullable(),
  confidence: z.enum(['high', 'low', 'none']).nullable(),
  ms: z.number().min(0),
};
const voteFields = {
  kind: z.literal('vote'),
  answer: snowflake,
  vote: z.enum(['up', 'down']),
  question: z.string(),
  passages: z.array(passage.extend({ passage: z.string() })).readonly(),
};

/** A line of the log file: checked on reading, since the file may hold anything. */
export const questionLogLine = z.discriminatedUnion('kind', [
  z.object({ ...common, ...questionFields, asker: z.string() }),
  z.object({ ...common, ...voteFields, voter: z.string() }),
]) satisfies z.ZodType<QuestionLogLine>;

/** An event as a shard sends it to the writer: checked on arrival, as anything from another process is. */
export const questionLogEvent = z.discriminatedUnion('kind', [
  z.object({ ...common, ...questionFields, user: snowflake }),
  z.object({ ...common, ...voteFields, user: snowflake }),
]) satisfies z.ZodType<QuestionLogEvent>;
