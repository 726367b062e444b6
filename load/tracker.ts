/**
 * Follows every event of the load test from send to reply: which requests the bot made for it,
 * which of them showed the user something, and whether that was the right thing.
 *
 * It lives on the bot's thread, so it keeps only numbers per event and allocates them all before
 * the heap baseline: what the heap grows by during the run is the bot's, not the tracker's.
 */
import type { RequestRecord } from './protocol.js';
import { BUTTON_CLICKS_PER_QUESTION } from '../src/bot/start.js';
import { isQuestion, type PlannedEvent } from './schedule.js';

export type Outcome = 'answer' | 'rate-limited' | 'thanks' | 'other';
/**
 * What an event should get: an outcome, or `silence` for a mention or DM past the limit from
 * someone already told (publicly, once per window) that they are over it.
 */
export type Expected = Outcome | 'silence';

export const EPHEMERAL = 1 << 6;
const CALLBACK_REPLY = 4;
const CALLBACK_UPDATE = 7;
const RATE_LIMITED = /try again <t:\d+:R>\.$/;
/** Answers kept for button clicks: the most recent ones. */
const POOL_SIZE = 200;
/** Problem descriptions kept (all are counted). */
const MAX_PROBLEMS = 50;

export interface TrackedEvent {
  readonly planned: PlannedEvent;
  readonly phase: 'warm-up' | 'run';
  readonly expected: Expected;
  /** Epoch ms the worker dispatched it, or NaN. */
  sentAt: number;
  /** Epoch ms of the first interaction callback (Discord wants one within 3 s), or NaN. */
  ackAt: number;
  /** Epoch ms of the first reply that showed the user something, or NaN. */
  repliedAt: number;
  /** Replies that showed the user something: exactly one is right. */
  replies: number;
  outcome: Outcome | null;
  /** The first reply was a problem (wrong kind, not ephemeral, …). */
  wrong: boolean;
  sendError: string | null;
}

/** A message with our answer buttons on it, for later clicks. */
export interface AnswerMessage {
  readonly messageId: string;
  readonly buttons: readonly string[];
}

export function outcomeOf(record: RequestRecord): Outcome {
  if (record.embeds > 0) return 'answer';
  if (RATE_LIMITED.test(record.content)) return 'rate-limited';
  if (record.content.startsWith('Thanks')) return 'thanks';
  return 'other';
}

function shows(record: RequestRecord): boolean {
  if (record.status >= 300) return false;
  const hasContent = record.content !== '' || record.embeds > 0;
  switch (record.kind) {
    case 'callback':
      return (record.callbackType === CALLBACK_REPLY || record.callbackType === CALLBACK_UPDATE) && hasContent;
    case 'followup':
    case 'edit':
      return hasContent;
    case 'channel-reply':
      return true;
    default:
      return false;
  }
}

export class Tracker {
  readonly events = new Map<number, TrackedEvent>();
  /** Public answers with buttons, newest last. */
  readonly answerMessages: AnswerMessage[] = [];
  /** Descriptions of what went wrong (the first `MAX_PROBLEMS`). */
  readonly problems: string[] = [];
  problemCount = 0;
  /** Requests the server refused (4xx/5xx) or did not know. */
  refusedCount = 0;
  requestsSeen = 0;
  /** Questions allowed so far per user id: what the bot's limiter should have decided. */
  readonly #allowed = new Map<string, number>();
  /** Users already told, in reply to a mention or DM, that they are over the limit. */
  readonly #toldPublicly = new Set<string>();
  /** Button clicks allowed so far per user id (buttons have a limit of their own). */
  readonly #clicks = new Map<string, number>();
  readonly #limit: number;

  constructor(rateLimit: number) {
    this.#limit = rateLimit;
  }

  /**
   * Registers the events in the order they will be sent, working out what each answer must be.
   * Events reach the bot in that order and the limiter's window outlasts the run, so a user's
   * first `limit` questions are answered and every later one is refused: privately each time for
   * `/ask`, and for mentions and DMs with one reply, the first time, and silence after it.
   */
  plan(events: readonly PlannedEvent[], userId: (event: PlannedEvent) => string, phase: TrackedEvent['phase']): void {
    for (const planned of events) {
      let expected: Expected = planned.kind === 'vote' ? 'thanks' : 'answer';
      if (!isQuestion(planned.kind)) {
        const user = userId(planned);
        const clicks = this.#clicks.get(user) ?? 0;
        if (clicks < this.#limit * BUTTON_CLICKS_PER_QUESTION) this.#clicks.set(user, clicks + 1);
        else expected = 'rate-limited';
      }
      if (isQuestion(planned.kind)) {
        const user = userId(planned);
        const allowed = this.#allowed.get(user) ?? 0;
        if (allowed < this.#limit) this.#allowed.set(user, allowed + 1);
        else if (planned.kind === 'slash') expected = 'rate-limited';
        else if (this.#toldPublicly.has(user)) expected = 'silence';
        else {
          expected = 'rate-limited';
          this.#toldPublicly.add(user);
        }
      }
      this.events.set(planned.seq, {
        planned,
        phase,
        expected,
        sentAt: Number.NaN,
        ackAt: Number.NaN,
        repliedAt: Number.NaN,
        replies: 0,
        outcome: null,
        wrong: false,
        sendError: null,
      });
    }
  }

  get(seq: number): TrackedEvent {
    const event = this.events.get(seq);
    if (event === undefined) throw new Error(`event ${seq} was not planned`);
    return event;
  }

  onRecords(records: readonly RequestRecord[]): void {
    for (const record of records) {
      this.requestsSeen += 1;
      if (record.status >= 400 || record.route === null) {
        this.refusedCount += 1;
        this.#problem(`refused: ${record.method} ${record.route ?? '(unknown route)'} -> ${record.status} ${record.error ?? ''}`);
      }
      const event = record.seq === null ? undefined : this.events.get(record.seq);
      if (event === undefined) continue;
      if (record.kind === 'callback' && record.status < 300 && Number.isNaN(event.ackAt)) event.ackAt = record.at;
      if (!shows(record)) continue;
      event.replies += 1;
      if (event.replies === 1) {
        event.repliedAt = record.at;
        event.outcome = outcomeOf(record);
        const wrong = this.#check(event, record);
        if (wrong !== null) {
          event.wrong = true;
          this.#problem(`#${event.planned.seq} ${event.planned.kind}: ${wrong}`);
        }
      } else {
        this.#problem(`#${event.planned.seq} ${event.planned.kind}: answered ${event.replies} times`);
      }
      const publicAnswer =
        record.kind !== 'callback' &&
        record.messageId !== null &&
        record.embeds > 0 &&
        (record.flags & EPHEMERAL) === 0 &&
        record.buttons.some((id) => id.startsWith('fb:up:'));
      if (publicAnswer && record.messageId !== null) {
        this.answerMessages.push({ messageId: record.messageId, buttons: record.buttons });
        if (this.answerMessages.length > POOL_SIZE) this.answerMessages.shift();
      }
    }
  }

  /** Why the first reply is not the one the event should get, or null. */
  #check(event: TrackedEvent, reply: RequestRecord): string | null {
    const outcome = outcomeOf(reply);
    if (outcome !== event.expected) return `expected ${event.expected}, got ${outcome} (${JSON.stringify(reply.content.slice(0, 120))})`;
    const { kind } = event.planned;
    if (outcome === 'rate-limited' && kind === 'slash') {
      if (reply.kind !== 'callback' || reply.callbackType !== CALLBACK_REPLY || (reply.flags & EPHEMERAL) === 0) {
        return 'the "try again" is not an ephemeral reply to the interaction';
      }
    }
    if (outcome === 'thanks' && (reply.flags & EPHEMERAL) === 0) return 'the thanks are not ephemeral';
    if (kind === 'more' && outcome !== 'rate-limited' && reply.callbackType !== CALLBACK_UPDATE) {
      return 'More results did not update the message in place';
    }
    return null;
  }

  #problem(text: string): void {
    this.problemCount += 1;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(text);
  }
}

/** Whether the event still waits for a reply: it was sent, it should get one, and has none yet. */
export function awaitsReply(event: TrackedEvent): boolean {
  return event.replies === 0 && event.sendError === null && event.expected !== 'silence';
}

/** A mention or DM past the limit that rightly got no reply (its sender had been told once already). */
export function refusedQuietly(event: TrackedEvent): boolean {
  return event.expected === 'silence' && event.replies === 0 && event.sendError === null;
}

export function latencyOf(event: TrackedEvent): number | null {
  const value = event.repliedAt - event.sentAt;
  return Number.isNaN(value) ? null : value;
}

export function ackLatencyOf(event: TrackedEvent): number | null {
  const value = event.ackAt - event.sentAt;
  return Number.isNaN(value) ? null : value;
}

export function isInteraction(kind: PlannedEvent['kind']): boolean {
  return kind === 'slash' || kind === 'more' || kind === 'vote';
}
