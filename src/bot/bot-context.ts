import type { RateLimitConfig } from '../config.js';
import type { Ingester } from '../ingest/ingester.js';
import type { EngineHolder } from './engine-holder.js';
import type { ExpiringLruCache } from './expiring-lru-cache.js';
import type { FeedbackSink } from './feedback-sink.js';
import type { Logger } from './logger.js';
import type { CorpusAdmin } from './corpus-admin.js';
import type { OncePerWindow } from './once-per-window.js';
import type { QuestionSink } from './question-log.js';
import type { SlidingWindowRateLimiter } from './rate-limiter.js';
import type { ArticleFilter } from './replies/answer-reply.js';
import type { PreviousTurn } from '../search/types.js';
import type { Conversations } from './conversations.js';

/** A passage as shown under an answer: what a vote on that answer records. */
export interface ShownPassage {
  readonly article: string;
  readonly paragraph: number;
  readonly sentence: number;
  readonly passage: string;
}

/** What an answer message's buttons need beyond their custom id. */
export interface AnswerState {
  readonly question: string;
  readonly article: ArticleFilter | null;
  /**
   * The passages the message shows now, in order, exactly as the engine gave them. Absent when
   * the state was read back from the message, which shows them shortened to one line.
   */
  readonly shown?: readonly ShownPassage[];
  /**
   * The earlier turns the question follows up, oldest first (a reply to an answer, a question in
   * a thread, a person's next question): what "More results" asks with too. Absent for a
   * question read on its own.
   */
  readonly context?: readonly PreviousTurn[];
}

/** Everything handlers use, created once per running bot. */
export interface BotContext {
  readonly engines: EngineHolder;
  /** Questions (`/ask`, "Find in articles", mentions, DMs) per person. */
  readonly rateLimiter: SlidingWindowRateLimiter;
  /** Button clicks per person: each can run a search or write a vote. */
  readonly buttonRateLimiter: SlidingWindowRateLimiter;
  /** Who has been told publicly, in reply to a mention, that they are over the limit, and until when. */
  readonly mentionNotices: OncePerWindow;
  readonly rateLimit: RateLimitConfig;
  /** Keyed by the id of the message the answer was sent as. */
  readonly answerStates: ExpiringLruCache<string, AnswerState>;
  /** Recent conversations, for the turns a follow-up question is given. */
  readonly conversations: Conversations;
  readonly feedback: FeedbackSink;
  /** Every question handled and every vote: the question log's writer, or nothing when it is off. */
  readonly questions: QuestionSink;
  /** The question log's file, which `/stats` reads; null when `QUESTION_LOG=off`. */
  readonly questionLogFile: string | null;
  /** Who may change the corpus (`/add`, `/reload`) and how much `/add` may add. */
  readonly corpusAdmin: CorpusAdmin;
  /** Adds articles to the corpus folder (`/add`). */
  readonly ingester: Ingester;
  readonly logger: Logger;
  /** Epoch milliseconds. */
  readonly now: () => number;
}
