import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FeedbackEntry } from '../../src/bot/feedback-log.js';
import { ShardFeedbackSink } from '../../src/bot/shard-feedback-sink.js';
import { feedbackSaved, parseFeedbackRecord, type FeedbackRecord } from '../../src/bot/shard-messages.js';

const ENTRY: FeedbackEntry = {
  time: '2025-07-03T12:00:00.000Z',
  user: '100000000000000001',
  guild: null,
  question: 'Who makes decisions in Russia?',
  article: 'a',
  paragraph: 1,
  sentence: 2,
  passage: 'Only Putin decides.',
  passages: [{ article: 'a', paragraph: 1, sentence: 2, passage: 'Only Putin decides.' }],
  vote: 'up',
};

function sinkWithOutbox(timeoutMs?: number): { sink: ShardFeedbackSink; sent: FeedbackRecord[] } {
  const sent: FeedbackRecord[] = [];
  const sink = new ShardFeedbackSink(async (message) => {
    sent.push(message);
  }, timeoutMs);
  return { sink, sent };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ShardFeedbackSink', () => {
  it('sends each vote to the manager as a message the manager accepts, and resolves when it says the vote was saved', async () => {
    const { sink, sent } = sinkWithOutbox();
    const saved = sink.append(ENTRY);
    const [message] = sent;
    expect(parseFeedbackRecord(JSON.parse(JSON.stringify(message)))).toEqual({ type: expect.any(String), id: message?.id, entry: ENTRY });
    expect(sink.onManagerMessage(feedbackSaved(message?.id ?? 0, null))).toBe(true);
    await expect(saved).resolves.toBeUndefined();
  });

  it('rejects with the manager’s reason when the vote could not be saved', async () => {
    const { sink, sent } = sinkWithOutbox();
    const saved = sink.append(ENTRY);
    sink.onManagerMessage(feedbackSaved(sent[0]?.id ?? 0, 'the vote could not be written to data/feedback.jsonl (the disk is full)'));
    await expect(saved).rejects.toThrow('the disk is full');
  });

  it('rejects when the message cannot be sent, and when the manager does not answer in time', async () => {
    const failing = new ShardFeedbackSink(() => Promise.reject(new Error('channel closed')));
    await expect(failing.append(ENTRY)).rejects.toThrow('channel closed');

    vi.useFakeTimers();
    const { sink } = sinkWithOutbox(10_000);
    const saved = sink.append(ENTRY);
    const outcome = expect(saved).rejects.toThrow('did not confirm within 10 s');
    await vi.advanceTimersByTimeAsync(10_000);
    await outcome;
  });

  it('ignores manager messages that are not about votes, and flush waits for votes still unanswered', async () => {
    const { sink, sent } = sinkWithOutbox();
    expect(sink.onManagerMessage({ type: 'article-qa-bot:reload' })).toBe(false);
    const saved = sink.append(ENTRY);
    let flushed = false;
    const flushing = sink.flush().then(() => {
      flushed = true;
    });
    await Promise.resolve();
    expect(flushed).toBe(false);
    sink.onManagerMessage(feedbackSaved(sent[0]?.id ?? 0, null));
    await saved;
    await flushing;
    expect(flushed).toBe(true);
  });
});
