/**
 * The welcome's example questions: drawn from the articles (who they quote, whom they introduce),
 * and offered only when the engine answers them, sure of itself, from the article they came from.
 */
import { describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/search/load-engine.js';
import { exampleQuestions } from '../../src/playground/example-questions.js';
import { SHIPPED_CORPUS } from '../e2e/support/harness.js';
import { article, fakeEngine } from '../bot/fake-engine.js';

describe('exampleQuestions', () => {
  it('offers three questions about three people in the shipped article, each of which the engine answers from it', async () => {
    const { engine } = await loadEngine(SHIPPED_CORPUS, {});
    const questions = await exampleQuestions(engine);
    expect(questions).toEqual(['What did Trump say?', 'What did Ushakov say?', 'Who is Vladimir Putin?']);
    for (const question of questions) {
      const { answers, confidence } = await engine.ask(question);
      expect(confidence, question).toBe('high');
      expect(answers[0]?.source.article).toBe('2025-07-03-trump-putin-call');
    }
  });

  it('takes turns between the articles, newest first', async () => {
    const engine = fakeEngine([
      article('harbour', { date: '2025-02-01' }, ['Mayor Ann Lopez opened the harbour.', 'Lopez said the harbour will stay open.']),
      article('bridge', { date: '2025-01-01' }, ['Engineer Bo Chen inspected the bridge.', 'Chen told reporters the bridge is safe.']),
    ]);
    // "Who is Ann Lopez?" would be about Lopez again; an "engineer" is not a role that introduces anyone.
    expect(await exampleQuestions(engine)).toEqual(['What did Lopez say?', 'What did Chen say?']);
  });

  it('leaves out a question the engine is not sure of', async () => {
    const unsure = fakeEngine([article('harbour', {}, ['Lopez said the harbour will stay open.'])], { confidence: () => 'low' });
    expect(await exampleQuestions(unsure)).toEqual([]);
  });

  it('leaves out a question the engine answers from another article than the one it was drawn from', async () => {
    // The fake engine answers from the first passage that shares a word: the notes, which quote no one.
    const engine = fakeEngine([
      article('notes', {}, ['What did Kim say? Nobody knows.']),
      article('ferries', {}, ['Kim told reporters the ferries are late.']),
    ]);
    expect(await exampleQuestions(engine)).toEqual([]);
  });
});
