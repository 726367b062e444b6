import { startsAfresh } from '../search/follow-up.js';
import type { PassageRef, PreviousTurn } from '../search/types.js';
import type { AnswerState } from './bot-context.js';
import { ExpiringLruCache } from './expiring-lru-cache.js';

/** How many earlier turns a follow-up is given, the most recent: as many as the engine reads. */
export const FOLLOW_UP_TURNS = 3;

/** A question the bot answered, as a conversation goes on from it. */
export interface AnsweredTurn {
  readonly question: string;
  /** The turns it followed up, oldest first. */
  readonly context?: readonly PreviousTurn[] | undefined;
  /** The passages its answer shows, in order. */
  readonly passages: readonly PassageRef[];
}

/** An answer message's state as a turn: the passages it shows, by place (none when they are not remembered). */
export function answeredTurn(state: AnswerState): AnsweredTurn {
  const passages = (state.shown ?? []).map(({ article, paragraph, sentence }) => ({ article, paragraph, sentence }));
  return { question: state.question, context: state.context, passages };
}

/** Where a question was asked, and by whom. */
export interface QuestionPlace {
  readonly channelId: string;
  readonly userId: string;
  /** The channel is a thread: a question there follows up the bot's answers in it, whoever asks. */
  readonly inThread: boolean;
}

export interface ConversationsOptions {
  /** A person's next question in the same channel within this long of their last one follows it up; 0: never by time alone. */
  readonly followUpMs: number;
  /** How long a thread's conversation is remembered after the bot's last answer in it. */
  readonly threadMs: number;
  /** How many conversations of each kind are remembered at most (the least recent are forgotten). */
  readonly maxEntries: number;
  /** Epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * The conversations the bot is part of, so that a follow-up ("when was that?") can be given
 * the turns before it: a reply to one of the bot's answers follows up that answer; a question
 * in a thread the bot answered in follows up the thread; a person's next question in the same
 * channel within `followUpMs` follows up their last one. Bounded and expiring: only recent turns
 * are kept, each as its question and the places of the passages shown.
 */
export class Conversations {
  readonly #threads: ExpiringLruCache<string, readonly PreviousTurn[]>;
  readonly #people: ExpiringLruCache<string, readonly PreviousTurn[]> | null;

  constructor(options: ConversationsOptions) {
    const { maxEntries, now } = options;
    this.#threads = new ExpiringLruCache({ maxEntries, ttlMs: options.threadMs, ...(now === undefined ? {} : { now }) });
    this.#people =
      options.followUpMs > 0
        ? new ExpiringLruCache({ maxEntries, ttlMs: options.followUpMs, ...(now === undefined ? {} : { now }) })
        : null;
  }

  /**
   * The turns `question`, asked at `place` (in reply to `repliedTo`, when it is a reply to an
   * answer), follows up, oldest first; empty when it is not a follow-up, or says it starts afresh.
   */
  earlierTurns(place: QuestionPlace, question: string, repliedTo: AnsweredTurn | null): readonly PreviousTurn[] {
    if (startsAfresh(question)) return [];
    if (repliedTo !== null) return turnsUpTo(repliedTo);
    const inThread = place.inThread ? this.#threads.get(place.channelId) : undefined;
    return inThread ?? this.#people?.get(personKey(place)) ?? [];
  }

  /**
   * Remembers an answered question as the latest turn of the asker's conversation in that
   * channel and, when others saw the answer (`shared`), of the thread it was asked in.
   */
  remember(place: QuestionPlace, answered: AnsweredTurn, shared: boolean): void {
    const turns = turnsUpTo(answered);
    this.#people?.set(personKey(place), turns);
    if (place.inThread && shared) this.#threads.set(place.channelId, turns);
  }
}

/** The turns of an answer's conversation up to its own, the most recent `FOLLOW_UP_TURNS`: what a question after it follows up. */
export function turnsUpTo({ question, context, passages }: AnsweredTurn): readonly PreviousTurn[] {
  return [...(context ?? []), { question, passages }].slice(-FOLLOW_UP_TURNS);
}

function personKey(place: QuestionPlace): string {
  return `${place.channelId}:${place.userId}`;
}
