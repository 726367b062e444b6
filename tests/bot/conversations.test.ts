import { describe, expect, it } from 'vitest';
import { type AnsweredTurn, answeredTurn, Conversations, FOLLOW_UP_TURNS, type QuestionPlace } from '../../src/bot/conversations.js';
import { manualClock } from '../support/manual-clock.js';

const MINUTE = 60_000;
const general: QuestionPlace = { channelId: 'general', userId: 'ann', inThread: false };
const thread: QuestionPlace = { channelId: 'thread-1', userId: 'ann', inThread: true };

function turn(question: string, sentence = 1): AnsweredTurn {
  return { question, passages: [{ article: 'a', paragraph: 1, sentence }] };
}

function conversations(followUpMinutes = 5) {
  const clock = manualClock();
  const store = new Conversations({ followUpMs: followUpMinutes * MINUTE, threadMs: 60 * MINUTE, maxEntries: 3, now: clock.now });
  return { store, clock };
}

describe('Conversations', () => {
  it("gives a person's next question in the same channel within the minutes their last question and its passages", () => {
    const { store, clock } = conversations();
    store.remember(general, turn('who stole the toilet?', 4), true);
    clock.advance(5 * MINUTE - 1);
    expect(store.earlierTurns(general, 'when?', null)).toEqual([
      { question: 'who stole the toilet?', passages: [{ article: 'a', paragraph: 1, sentence: 4 }] },
    ]);
  });

  it('gives nothing once the minutes have passed, to someone else, or in another channel', () => {
    const { store, clock } = conversations();
    store.remember(general, turn('who stole the toilet?'), true);
    expect(store.earlierTurns({ ...general, userId: 'bob' }, 'when?', null)).toEqual([]);
    expect(store.earlierTurns({ ...general, channelId: 'random' }, 'when?', null)).toEqual([]);
    clock.advance(5 * MINUTE);
    expect(store.earlierTurns(general, 'when?', null)).toEqual([]);
  });

  it('keeps the minutes from the last question, so a conversation goes on while it is lively', () => {
    const { store, clock } = conversations();
    store.remember(general, turn('one'), true);
    clock.advance(4 * MINUTE);
    store.remember(general, { ...turn('two'), context: store.earlierTurns(general, 'when?', null) }, true);
    clock.advance(4 * MINUTE);
    expect(store.earlierTurns(general, 'when?', null).map((earlier) => earlier.question)).toEqual(['one', 'two']);
  });

  it('never follows up by time alone when the minutes are 0, but still follows replies and threads', () => {
    const { store } = conversations(0);
    store.remember(general, turn('who stole the toilet?'), true);
    store.remember(thread, turn('when?'), true);
    expect(store.earlierTurns(general, 'when?', null)).toEqual([]);
    expect(store.earlierTurns({ ...thread, userId: 'bob' }, 'when?', null).map((earlier) => earlier.question)).toEqual(['when?']);
    expect(store.earlierTurns(general, 'when?', turn('replied to')).map((earlier) => earlier.question)).toEqual(['replied to']);
  });

  it('gives a question in a thread the bot answered in the thread’s last turns, whoever asks, but not a private answer', () => {
    const { store, clock } = conversations();
    store.remember(thread, turn('who stole the toilet?'), true);
    store.remember({ ...thread, userId: 'cy' }, turn('private question'), false);
    clock.advance(30 * MINUTE);
    expect(store.earlierTurns({ ...thread, userId: 'bob' }, 'when?', null).map((earlier) => earlier.question)).toEqual([
      'who stole the toilet?',
    ]);
    clock.advance(30 * MINUTE);
    expect(store.earlierTurns({ ...thread, userId: 'bob' }, 'when?', null)).toEqual([]);
  });

  it('gives a reply the answer it replies to and the turns before that one, whatever else was asked since', () => {
    const { store } = conversations();
    store.remember(general, turn('something else'), true);
    const replied = { ...turn('when?', 2), context: [turn('who stole the toilet?', 1)] };
    expect(store.earlierTurns(general, 'when?', replied)).toEqual([
      { question: 'who stole the toilet?', passages: [{ article: 'a', paragraph: 1, sentence: 1 }] },
      { question: 'when?', passages: [{ article: 'a', paragraph: 1, sentence: 2 }] },
    ]);
  });

  it(`keeps only the last ${FOLLOW_UP_TURNS} turns of a conversation`, () => {
    const { store } = conversations();
    const earlier = ['one', 'two', 'three'].map((question) => turn(question));
    store.remember(general, { ...turn('four'), context: earlier }, true);
    expect(store.earlierTurns(general, 'when?', null).map((step) => step.question)).toEqual(['two', 'three', 'four']);
  });

  it('gives nothing to a question that says it starts afresh, even a reply', () => {
    const { store } = conversations();
    store.remember(general, turn('who stole the toilet?'), true);
    expect(store.earlierTurns(general, 'unrelated, but when did the war start?', null)).toEqual([]);
    expect(store.earlierTurns(general, 'new question: when did the war start?', turn('replied to'))).toEqual([]);
  });

  it('forgets the least recent conversations beyond its size', () => {
    const { store } = conversations();
    for (const userId of ['a', 'b', 'c', 'd']) store.remember({ ...general, userId }, turn(userId), true);
    expect(store.earlierTurns({ ...general, userId: 'a' }, 'when?', null)).toEqual([]);
    expect(store.earlierTurns({ ...general, userId: 'd' }, 'when?', null)).toHaveLength(1);
  });
});

describe('answeredTurn', () => {
  it('keeps where the passages shown stand, not their text', () => {
    const state = {
      question: 'who?',
      article: null,
      shown: [{ article: 'a', paragraph: 2, sentence: 5, passage: 'He did.' }],
      context: [turn('before')],
    };
    expect(answeredTurn(state)).toEqual({
      question: 'who?',
      context: [turn('before')],
      passages: [{ article: 'a', paragraph: 2, sentence: 5 }],
    });
  });
});
