import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/bot/logger.js';
import type { QuestionEvent } from '../../src/bot/question-log-format.js';
import { ShardQuestionSink } from '../../src/bot/shard-question-sink.js';
import { parseQuestionEventMessage, parseQuestionsFlush, questionsFlushed } from '../../src/bot/shard-messages.js';

const EVENT: QuestionEvent = {
  kind: 'question',
  time: '2026-11-20T10:00:00.000Z',
  guild: '200000000000000001',
  channel: '300000000000000001',
  user: '100000000000000001',
  via: 'mention',
  answer: '400000000000000001',
  question: 'who makes decisions in russia?',
  outcome: 'answered',
  passages: [{ article: 'a', paragraph: 1, sentence: 2 }],
  topScore: 3.5,
  probability: 0.9,
  confidence: 'high',
  ms: 4,
};

const errors: unknown[] = [];
const logger = createLogger({ level: 'error', destination: { write: (line: string) => void errors.push(JSON.parse(line)) } });

function sinkWithOutbox(send?: (message: unknown) => Promise<void>, timeoutMs?: number) {
  const sent: unknown[] = [];
  const sink = new ShardQuestionSink(
    send ??
      (async (message) => {
        sent.push(JSON.parse(JSON.stringify(message)));
      }),
    logger,
    timeoutMs,
  );
  return { sink, sent };
}

afterEach(() => {
  vi.useRealTimers();
  errors.length = 0;
});

describe('ShardQuestionSink', () => {
  it('sends each event to the manager as a message the manager accepts, with the raw id for it to hash', () => {
    const { sink, sent } = sinkWithOutbox();
    sink.record(EVENT);
    expect(sent.map(parseQuestionEventMessage)).toEqual([{ type: expect.any(String), event: EVENT }]);
  });

  it('refuses, on the manager’s side, an event that is not one (another process may send anything)', () => {
    expect(parseQuestionEventMessage({ type: 'article-qa-bot:question-log', event: { ...EVENT, user: 'someone' } })).toBeNull();
    expect(parseQuestionEventMessage({ type: 'article-qa-bot:question-log', event: { ...EVENT, outcome: 'maybe' } })).toBeNull();
  });

  it('flushes by asking the manager after every event already sent, and resolves when it says the log is written', async () => {
    const { sink, sent } = sinkWithOutbox();
    sink.record(EVENT);
    let flushed = false;
    const flushing = sink.flush().then(() => {
      flushed = true;
    });
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    const request = parseQuestionsFlush(sent[1]);
    expect(request).not.toBeNull();
    expect(flushed).toBe(false);
    expect(sink.onManagerMessage({ type: 'article-qa-bot:reload' })).toBe(false);
    expect(sink.onManagerMessage(questionsFlushed(request?.id ?? 0, null))).toBe(true);
    await flushing;
    expect(flushed).toBe(true);
  });

  it('logs an event it could not send, without throwing at the reply, and a flush the manager does not answer fails in time', async () => {
    const { sink } = sinkWithOutbox(() => Promise.reject(new Error('channel closed')));
    expect(() => sink.record(EVENT)).not.toThrow();
    await vi.waitFor(() =>
      expect(errors).toContainEqual(expect.objectContaining({ msg: 'could not send a question log line to the sharding manager' })),
    );

    vi.useFakeTimers();
    const silent = sinkWithOutbox(undefined, 10_000).sink;
    const flushing = expect(silent.flush()).rejects.toThrow('did not confirm within 10 s that the question log was written');
    await vi.advanceTimersByTimeAsync(10_000);
    await flushing;
  });
});
