import { z } from 'zod';
import type { FeedbackEntry } from './feedback-log.js';

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
