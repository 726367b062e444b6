/**
 * The question log end to end: every way a question reaches the bot, and every outcome, is one
 * line of QUESTION_LOG; a vote is a line that points at its question's line; QUESTION_LOG=off
 * writes nothing. Real discord.js client against the local Discord-compatible server.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionLogLine, type QuestionLine, type VoteLine } from '../../src/bot/question-log-format.js';
import type { DiscordServer } from '../../src/playground/discord-server/index.js';
import { failingEngineLoader } from './support/failing-engine.js';
import { finishE2E } from './support/finish.js';
import { settled, startE2E, type E2E } from './support/harness.js';
import { ask, messageAndReply } from './support/interact.js';
import { OutgoingMessageGuard, voteButtonId } from './support/payloads.js';

async function logLines(e2e: E2E): Promise<(QuestionLine | VoteLine)[]> {
  await settled(e2e.bot);
  await e2e.bot.questions.flush();
  const text = await readFile(e2e.questionLog, 'utf8').catch(() => '');
  expect(text === '' || text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => questionLogLine.parse(JSON.parse(line)));
}

/** The id of the message a POST created, from the server's response. */
function createdId(response: unknown): string {
  if (typeof response !== 'object' || response === null || !('id' in response) || typeof response.id !== 'string') {
    throw new Error('the reply created no message');
  }
  return response.id;
}

const questionsIn = (lines: readonly (QuestionLine | VoteLine)[]): QuestionLine[] =>
  lines.filter((line): line is QuestionLine => line.kind === 'question');

describe('the question log', () => {
  let e2e: E2E;
  let server: DiscordServer;
  let failNext = false;
  const guard = new OutgoingMessageGuard(() => server);

  beforeAll(async () => {
    e2e = await startE2E({
      env: { RATE_LIMIT_QUESTIONS: '6', RATE_LIMIT_WINDOW_SECONDS: '600' },
      loadEngine: (corpusDir) =>
        failingEngineLoader(corpusDir, () => {
          if (!failNext) return null;
          failNext = false;
          return 'the engine broke';
        }),
    });
    server = e2e.server;
  });
  afterAll(() => finishE2E(e2e, guard, { botMayLogErrors: true }));

  it('has one line for each question however it was asked and whatever came of it, and a vote line pointing at its answer', async () => {
    const answered = await ask(server, 'Who makes decisions in <@123456789012345678> Russia?');
    const nothing = await ask(server, 'What is the capital of Australia?');
    const mention = await messageAndReply(server, { content: 'how many times have Trump and Putin spoken?', mentionsBot: true });
    const dm = await messageAndReply(server, { content: 'what did Zelensky say?', dm: true });
    const find = server.sendMessageCommand({ name: 'Find in articles', targetMessage: { content: 'Putin makes decisions' } });
    await server.waitForInteractionReply(find.id);
    await messageAndReply(server, { content: `${'why '.repeat(100)}?`, mentionsBot: true });
    failNext = true;
    const failed = server.sendSlashCommand({ name: 'ask', options: { question: 'who is Putin?' } });
    await server.waitForInteractionReply(failed.id);
    const limited = server.sendSlashCommand({ name: 'ask', options: { question: 'one question too many' } });
    await server.waitForInteractionReply(limited.id);

    const message = answered.reply.message;
    if (message === null) throw new Error('the answer was not stored');
    const vote = server.sendButton({ customId: voteButtonId(answered.reply.body, 'down'), message });
    await server.waitForInteractionReply(vote.id);

    const lines = await logLines(e2e);
    const questions = questionsIn(lines);
    expect(questions.map((line) => [line.via, line.outcome, line.question])).toEqual([
      ['ask', 'answered', 'Who makes decisions in Russia?'],
      ['ask', 'nothing-relevant', 'What is the capital of Australia?'],
      ['mention', 'answered', 'how many times have Trump and Putin spoken?'],
      ['dm', 'answered', 'what did Zelensky say?'],
      ['find-in-articles', 'answered', 'Putin makes decisions'],
      ['mention', 'too-long', `${'why '.repeat(100)}?`],
      ['ask', 'error', 'who is Putin?'],
      ['ask', 'rate-limited', 'one question too many'],
    ]);
    const [first, second, third, fourth] = questions;
    expect(first).toMatchObject({
      guild: server.guildId,
      channel: server.channelId,
      answer: message.id,
      confidence: 'high',
      passages: expect.arrayContaining([{ article: '2025-07-03-trump-putin-call', paragraph: 14, sentence: expect.any(Number) }]),
    });
    expect(first?.passages).toHaveLength(3);
    expect(first?.topScore).toBeGreaterThan(0);
    expect(first?.probability).toBeGreaterThan(0.5);
    expect(first?.ms).toBeGreaterThan(0);
    expect(second).toMatchObject({ passages: [], topScore: null, confidence: 'none', answer: nothing.reply.message?.id });
    expect(third?.answer).toBe(createdId(mention.reply.response));
    expect(fourth).toMatchObject({ guild: null, answer: createdId(dm.reply.response) });
    for (const line of questions.slice(5)) expect(line).toMatchObject({ answer: null, passages: [], confidence: null, probability: null });

    // One person asked all of it: one hash, and never the id.
    expect(new Set(questions.map((line) => line.asker)).size).toBe(1);
    expect(JSON.stringify(lines)).not.toContain(server.memberUser.id);

    const votes = lines.filter((line): line is VoteLine => line.kind === 'vote');
    expect(votes).toEqual([
      expect.objectContaining({
        kind: 'vote',
        answer: message.id,
        vote: 'down',
        question: 'Who makes decisions in Russia?',
        guild: server.guildId,
      }),
    ]);
    expect(votes[0]?.passages.map(({ article, paragraph, sentence }) => ({ article, paragraph, sentence }))).toEqual(first?.passages);
    expect(await readdir(dirname(e2e.questionLog))).toContain('question-log.secret');
  });
});

describe('QUESTION_LOG=off', () => {
  let e2e: E2E;
  let server: DiscordServer;
  const guard = new OutgoingMessageGuard(() => server);
  beforeAll(async () => {
    e2e = await startE2E({ env: { QUESTION_LOG: 'off' } });
    server = e2e.server;
  });
  afterAll(() => finishE2E(e2e, guard));

  it('answers as before and writes nothing: no log, no secret, and /stats says the log is off', async () => {
    await ask(server, 'Who makes decisions in Russia?');
    await settled(e2e.bot);
    await e2e.bot.questions.flush();
    const files = await readdir(e2e.tempDir, { recursive: true });
    expect(files.filter((file) => /question|secret/u.test(file))).toEqual([]);
    const stats = server.sendSlashCommand({ name: 'stats', user: 'admin' });
    expect((await server.waitForInteractionReply(stats.id)).content).toBe(
      'The question log is off (QUESTION_LOG=off), so there are no figures to show: the people who run the bot can turn it on.',
    );
  });
});
