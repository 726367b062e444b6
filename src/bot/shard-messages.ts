import { z } from 'zod';
import type { FeedbackEntry } from './feedback-log.js';
import { questionLogEvent, type QuestionLogEvent } from './question-log-format.js';

/**
 * Messages between the ShardingManager and its shard processes. A `/reload` reaches one shard;
 * that shard asks the manager to pass the reload on to every other shard. A vote reaches one
 * shard; that shard sends it to the manager, the feedback file's one writer, which answers
 * whether it was saved.
 */
const RELOAD_REQUEST = 'article-qa-bot:reload-other-shards';
const RELOAD_ORDER = 'article-qa-bot:reload';

/** From a shard to the manager: reload every shard but these (which have reloaded already). */
export interface ReloadRequest {
  readonly type: typeof RELOAD_REQUEST;
  readonly reloadedShards: readonly number[];
}

/** From the manager to a shard: reload the corpus. */
export interface ReloadOrder {
  readonly type: typeof RELOAD_ORDER;
}

export const reloadRequest = (reloadedShards: readonly number[]): ReloadRequest => ({ type: RELOAD_REQUEST, reloadedShards });
export const reloadOrder = (): ReloadOrder => ({ type: RELOAD_ORDER });

export function isReloadRequest(message: unknown): message is ReloadRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    'type' in message &&
    message.type === RELOAD_REQUEST &&
    'reloadedShards' in message &&
    Array.isArray(message.reloadedShards)
  );
}

export function isReloadOrder(message: unknown): message is ReloadOrder {
  return typeof message === 'object' && message !== null && 'type' in message && message.type === RELOAD_ORDER;
}

const FEEDBACK_RECORD = 'article-qa-bot:feedback';
const FEEDBACK_SAVED = 'article-qa-bot:feedback-saved';

const shownPassage = z.object({ article: z.string(), paragraph: z.number(), sentence: z.number(), passage: z.string() });

/** A vote as a shard sends it: checked on arrival, as anything from another process is. */
const feedbackEntry = z.object({
  time: z.string(),
  user: z.string(),
  guild: z.string().nullable(),
  question: z.string(),
  article: z.string(),
  paragraph: z.number(),
  sentence: z.number(),
  passage: z.string(),
  passages: z.array(shownPassage).readonly(),
  vote: z.enum(['up', 'down']),
}) satisfies z.ZodType<FeedbackEntry>;

const feedbackRecordMessage = z.object({ type: z.literal(FEEDBACK_RECORD), id: z.number().int(), entry: feedbackEntry });
const feedbackSavedMessage = z.object({ type: z.literal(FEEDBACK_SAVED), id: z.number().int(), error: z.string().nullable() });

/** From a shard to the manager: append this vote to the feedback file. */
export type FeedbackRecord = z.infer<typeof feedbackRecordMessage>;
/** From the manager to a shard: vote `id` was saved (`error` null), or why it was not. */
export type FeedbackSaved = z.infer<typeof feedbackSavedMessage>;

export const feedbackRecord = (id: number, entry: FeedbackEntry): FeedbackRecord => ({ type: FEEDBACK_RECORD, id, entry });
export const feedbackSaved = (id: number, error: string | null): FeedbackSaved => ({ type: FEEDBACK_SAVED, id, error });

/** The vote a shard sent, or null when the message is something else (or malformed). */
export function parseFeedbackRecord(message: unknown): FeedbackRecord | null {
  const parsed = feedbackRecordMessage.safeParse(message);
  return parsed.success ? parsed.data : null;
}

export function parseFeedbackSaved(message: unknown): FeedbackSaved | null {
  const parsed = feedbackSavedMessage.safeParse(message);
  return parsed.success ? parsed.data : null;
}

const QUESTION_EVENT = 'article-qa-bot:question-log';
const QUESTIONS_FLUSH = 'article-qa-bot:question-log-flush';
const QUESTIONS_FLUSHED = 'article-qa-bot:question-log-flushed';

const questionEventMessage = z.object({ type: z.literal(QUESTION_EVENT), event: questionLogEvent });
const questionsFlushMessage = z.object({ type: z.literal(QUESTIONS_FLUSH), id: z.number().int() });
const questionsFlushedMessage = z.object({ type: z.literal(QUESTIONS_FLUSHED), id: z.number().int(), error: z.string().nullable() });

/** From a shard to the manager: a question or vote for the question log, which the manager alone writes. */
export type QuestionEventMessage = z.infer<typeof questionEventMessage>;
/** From a shard to the manager: write out the question log's waiting lines (before `/stats` reads it), then say so. */
export type QuestionsFlush = z.infer<typeof questionsFlushMessage>;
/** From the manager to a shard: flush `id` is done (`error` null), or why not. */
export type QuestionsFlushed = z.infer<typeof questionsFlushedMessage>;

export const questionEventMessageOf = (event: QuestionLogEvent): QuestionEventMessage => ({ type: QUESTION_EVENT, event });
export const questionsFlush = (id: number): QuestionsFlush => ({ type: QUESTIONS_FLUSH, id });
export const questionsFlushed = (id: number, error: string | null): QuestionsFlushed => ({ type: QUESTIONS_FLUSHED, id, error });

/** The event a shard sent, or null when the message is something else (or malformed). */
export function parseQuestionEventMessage(message: unknown): QuestionEventMessage | null {
  const parsed = questionEventMessage.safeParse(message);
  return parsed.success ? parsed.data : null;
}

export function parseQuestionsFlush(message: unknown): QuestionsFlush | null {
  const parsed = questionsFlushMessage.safeParse(message);
  return parsed.success ? parsed.data : null;
}

export function parseQuestionsFlushed(message: unknown): QuestionsFlushed | null {
  const parsed = questionsFlushedMessage.safeParse(message);
  return parsed.success ? parsed.data : null;
}
