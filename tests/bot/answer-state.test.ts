import { describe, expect, it } from 'vitest';
import { answerStateFromEmbed, recoverAnswerState } from '../../src/bot/answer-state.js';
import type { AnswerState } from '../../src/bot/bot-context.js';
import { ExpiringLruCache } from '../../src/bot/expiring-lru-cache.js';
import { buildAnswerReply } from '../../src/bot/replies/answer-reply.js';
import { answer, article, fakeEngine } from './fake-engine.js';

const engine = fakeEngine([article('trump-putin-call', { title: 'Trump and Putin' }, ['Putin spoke.'])]);

function embedTextOf(state: AnswerState): { title: string | null; footer: string | null } {
  const [embed] = buildAnswerReply({ ...state, page: 1, answers: [answer()], hasMore: false, confidence: 'high' }).embeds;
  return { title: embed?.title ?? null, footer: embed?.footer?.text ?? null };
}

describe('answerStateFromEmbed', () => {
  it('reads back the exact question, even one full of markdown and mentions', () => {
    const question = 'Did **Putin** say @everyone <@123> ||anything|| about _goals_?';
    expect(answerStateFromEmbed(embedTextOf({ question, article: null }), engine)).toEqual({ question, article: null });
  });

  it('reads back the article filter from the footer', () => {
    const state = { question: 'What?', article: { id: 'trump-putin-call', title: 'Trump and Putin' } };
    expect(answerStateFromEmbed(embedTextOf(state), engine)).toEqual(state);
  });

  it('reads back the question a follow-up followed up from the footer, with the article filter', () => {
    const context = [{ question: 'who did trump call?', passages: [{ article: 'trump-putin-call', paragraph: 1, sentence: 2 }] }];
    const state = { question: 'when?', article: { id: 'trump-putin-call', title: 'Trump and Putin' }, context };
    expect(answerStateFromEmbed(embedTextOf(state), engine)).toEqual({
      ...state,
      context: [{ question: 'who did trump call?', passages: [] }],
    });
  });

  it('gives up when the title had to be shortened', () => {
    const question = `${'why '.repeat(80)}?`;
    expect(answerStateFromEmbed(embedTextOf({ question, article: null }), engine)).toBeNull();
  });

  it('gives up on a message without a title', () => {
    expect(answerStateFromEmbed({ title: null, footer: null }, engine)).toBeNull();
  });
});

describe('recoverAnswerState', () => {
  it('prefers what it remembers for the message', () => {
    const states = new ExpiringLruCache<string, AnswerState>({ maxEntries: 10, ttlMs: 60_000 });
    const remembered = { question: `${'long '.repeat(100)}question`, article: null };
    states.set('message-1', remembered);
    expect(recoverAnswerState('message-1', { title: 'other', footer: null }, states, engine)).toBe(remembered);
  });

  it('falls back to the embed once memory has expired, and remembers it again', () => {
    let now = 0;
    const states = new ExpiringLruCache<string, AnswerState>({ maxEntries: 10, ttlMs: 1_000, now: () => now });
    const state = { question: 'What did Putin say?', article: null };
    states.set('message-1', state);
    now = 5_000;
    expect(recoverAnswerState('message-1', embedTextOf(state), states, engine)).toEqual(state);
    expect(states.get('message-1')).toEqual(state);
  });

  it('returns null when neither memory nor the message can say what was asked', () => {
    const states = new ExpiringLruCache<string, AnswerState>({ maxEntries: 10, ttlMs: 1_000 });
    expect(recoverAnswerState('gone', undefined, states, engine)).toBeNull();
  });
});
