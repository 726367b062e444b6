/** Who does what, and when: a seeded, reproducible plan of the load test's events. */
import type { ApiUser } from '../src/playground/discord-server/index.js';

export type EventKind = 'slash' | 'mention' | 'dm' | 'more' | 'vote';

export const EVENT_KINDS: readonly EventKind[] = ['slash', 'mention', 'dm', 'more', 'vote'];

export const KIND_LABEL: Readonly<Record<EventKind, string>> = {
  slash: '`/ask`',
  mention: '@mention',
  dm: 'DM',
  more: 'More results',
  vote: '👍',
};

/** Questions (`/ask`, mentions, DMs) count towards the rate limit; button clicks towards one of their own (4 per question allowed). */
export function isQuestion(kind: EventKind): boolean {
  return kind === 'slash' || kind === 'mention' || kind === 'dm';
}

export interface PlannedEvent {
  readonly seq: number;
  readonly kind: EventKind;
  readonly user: number;
  /** For questions. */
  readonly question: string;
  /** `/ask private:true`. */
  readonly private: boolean;
}

export interface Plan {
  readonly users: readonly ApiUser[];
  /** Indexes into `users` of the users who ask far more than the others. */
  readonly heavyUsers: ReadonlySet<number>;
  readonly events: readonly PlannedEvent[];
  /** Questions per user over the whole run. */
  readonly questionsPerUser: readonly number[];
  /**
   * The per-user limit: the most any ordinary user asks, so none of them is refused while
   * every heavy user goes over it.
   */
  readonly rateLimit: number;
}

export interface PlanOptions {
  readonly events: number;
  readonly users: number;
  readonly heavyUsers: number;
  /** How many times more often a heavy user acts than an ordinary one. */
  readonly heavyWeight: number;
  readonly seed: number;
  /** Leading events that are all questions, so that buttons have answers to sit on. */
  readonly questionsFirst: number;
}

/** Questions about the shipped article, a few of them dressed up the way people (and trolls) type. */
export const QUESTIONS: readonly string[] = [
  'did trump get anywhere with putin',
  'what did trump say about ending the war after talking to putin?',
  'Was there any progress toward stopping the fighting in Ukraine after the Trump-Putin phone call?',
  'when did trump and putn speak',
  'who did trump get on the phone with on july 3rd?',
  'what did trump say the call was like?',
  'where was trump heading when he talked to the press',
  'How many times have Trump and Putin spoken?',
  'What did Putin say about his goals?',
  'What did Ushakov tell reporters?',
  'Did the White House release a readout of the call?',
  'Has Putin agreed to a ceasefire?',
  'What did they talk about besides Ukraine?',
  'Who makes decisions in Russia?',
  'what are the root causes putin talks about',
  'Was the call long?',
  'Did Trump comment further on the phone call?',
  'How long did the two leaders talk?',
  'What is the Middle East situation they discussed?',
  'Why has there been no ceasefire?',
  '@everyone what did **Putin** say about his goals?',
  '<@123456789012345678> when did they speak? 👍🏽',
  'ماذا قال بوتين؟ What did Putin say?',
  '||spoiler|| did Trump make __any__ progress with Putin?',
  `${'Tell me everything about the call between Trump and Putin and the war in Ukraine. '.repeat(3)}`.slice(0, 300).trim(),
];

/** mulberry32: small, fast and good enough to make the plan reproducible from a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Weighted choice of an event kind: mostly `/ask`, then mentions, buttons and DMs. */
const KIND_WEIGHTS: readonly (readonly [EventKind, number])[] = [
  ['slash', 50],
  ['mention', 18],
  ['dm', 7],
  ['more', 13],
  ['vote', 12],
];

function pickKind(random: () => number): EventKind {
  const total = KIND_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [kind, weight] of KIND_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'slash';
}

export function loadUser(index: number): ApiUser {
  const id = String(700_000_000_000_000_000n + BigInt(index + 1));
  const username = `load-user-${String(index + 1).padStart(2, '0')}`;
  return { id, username, global_name: username, discriminator: '0', avatar: null, flags: 0, public_flags: 0 };
}

export function makePlan(options: PlanOptions): Plan {
  const random = seededRandom(options.seed);
  const users = Array.from({ length: options.users }, (_, index) => loadUser(index));
  // Heavy users are spread over the list rather than bunched at one end.
  const heavyUsers = new Set(
    Array.from({ length: options.heavyUsers }, (_, index) => Math.floor(((index + 0.5) * options.users) / options.heavyUsers)),
  );
  const weights = users.map((_, index) => (heavyUsers.has(index) ? options.heavyWeight : 1));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const pickUser = (): number => {
    let roll = random() * totalWeight;
    for (const [index, weight] of weights.entries()) {
      roll -= weight;
      if (roll < 0) return index;
    }
    return users.length - 1;
  };

  const events: PlannedEvent[] = [];
  const questionsPerUser = users.map(() => 0);
  for (let seq = 0; seq < options.events; seq += 1) {
    let kind = pickKind(random);
    if (seq < options.questionsFirst && !isQuestion(kind)) kind = 'slash';
    const user = pickUser();
    const question = pick(random, QUESTIONS);
    const isPrivate = kind === 'slash' && random() < 0.1;
    if (isQuestion(kind)) questionsPerUser[user] = (questionsPerUser[user] ?? 0) + 1;
    events.push({ seq, kind, user, question: isQuestion(kind) ? question : '', private: isPrivate });
  }

  const ordinaryMax = Math.max(1, ...questionsPerUser.filter((_, index) => !heavyUsers.has(index)));
  return { users, heavyUsers, events, questionsPerUser, rateLimit: ordinaryMax };
}
