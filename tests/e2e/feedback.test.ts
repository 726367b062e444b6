/** 👍 / 👎 end to end: what is recorded, and what the person is told when it cannot be. */
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordServer } from '../../src/playground/discord-server/index.js';
import { LogLevel, logsAtOrAbove, settled, startE2E, type E2E } from './support/harness.js';
import { ask, feedbackLines, passageBlocks } from './support/interact.js';
import { buttonsOf, EPHEMERAL, flagsOf, OutgoingMessageGuard, plainText, voteButtonId, votedNumbers } from './support/payloads.js';
import { finishE2E } from './support/finish.js';

const QUESTION = 'Who makes decisions in Russia?';
const PUTIN_ARTICLE = '2025-07-03-trump-putin-call';
/** Added after the answer was given: it answers the question more squarely than anything shown. */
const BETTER_ANSWER =
  '---\ntitle: Who makes decisions in Russia?\ndate: 2025-08-01\n---\n\n' +
  'Putin makes all decisions in Russia, the Kremlin said on Friday.\n\n' +
  'The Kremlin said Putin alone makes decisions in Russia.\n\n' +
  'Only Putin makes decisions in Russia, a spokesman repeated.\n';

/** The passages of an answer embed as a vote records them: article, paragraph and sentence from the button, text as displayed. */
function shownOn(body: unknown, description: string | undefined, article: string): Record<string, unknown>[] {
  const numbers = votedNumbers(voteButtonId(body, 'up'));
  return passageBlocks(description).map((block, index) => ({
    article,
    paragraph: Number(/¶ (\d+)$/u.exec(block.source)?.[1]),
    sentence: numbers[index]?.sentence,
    passage: plainText(block.passage),
  }));
}

describe('a vote after the corpus changed', () => {
  let e2e: E2E;
  let server: DiscordServer;
  const guard = new OutgoingMessageGuard(() => server);

  beforeAll(async () => {
    e2e = await startE2E({ env: { RATE_LIMIT_QUESTIONS: '1000' } });
    server = e2e.server;
  });
  afterAll(() => finishE2E(e2e, guard));

  it.each([
    ['while the answer is remembered', 0],
    ['after the answer was forgotten (read back from the message and its buttons)', 16 * 60_000],
  ])('records exactly the passages the person saw, not what a search finds after a /reload, %s', async (_when, forgetAfterMs) => {
    const { reply, embed } = await ask(server, QUESTION);
    const message = reply.message;
    if (message === null) throw new Error('the answer was not stored');
    const seen = shownOn(reply.body, embed.description, PUTIN_ARTICLE);
    expect(seen, 'precondition: a page of three passages').toHaveLength(3);

    await writeFile(join(e2e.corpusDir, 'kremlin.md'), BETTER_ANSWER);
    await e2e.bot.engines.reload();
    const searchedNow = (await e2e.bot.engines.current.ask(QUESTION)).answers.map(
      ({ source }) => `${source.article} ¶ ${source.paragraph}`,
    );
    expect(searchedNow, 'precondition: a search now finds other passages').not.toEqual(
      seen.map((passage) => `${String(passage.article)} ¶ ${String(passage.paragraph)}`),
    );
    await settled(e2e.bot);
    e2e.advanceClock(forgetAfterMs);

    const before = await feedbackLines(e2e.feedbackFile);
    const vote = server.sendButton({ customId: voteButtonId(reply.body, 'up'), message });
    expect((await server.waitForInteractionReply(vote.id)).content).toBe('Thanks! Recorded your 👍 for this answer.');
    const lines = (await feedbackLines(e2e.feedbackFile)).slice(before.length);
    expect(lines).toEqual([expect.objectContaining({ question: QUESTION, ...seen[0], passages: seen, vote: 'up' })]);

    await unlink(join(e2e.corpusDir, 'kremlin.md'));
    await e2e.bot.engines.reload();
  });

  it('says so, and records nothing, when the voted article has left the corpus and the answer is forgotten', async () => {
    await writeFile(join(e2e.corpusDir, 'kremlin.md'), BETTER_ANSWER);
    await e2e.bot.engines.reload();
    const { reply, embed } = await ask(server, QUESTION);
    const message = reply.message;
    if (message === null) throw new Error('the answer was not stored');
    expect(
      passageBlocks(embed.description).some((block) => block.source.startsWith('**Who makes decisions in Russia?**')),
      'precondition: a passage shown is from the new article',
    ).toBe(true);

    await unlink(join(e2e.corpusDir, 'kremlin.md'));
    await e2e.bot.engines.reload();
    await settled(e2e.bot);
    e2e.advanceClock(16 * 60_000);

    const before = await feedbackLines(e2e.feedbackFile);
    const vote = server.sendButton({ customId: voteButtonId(reply.body, 'down'), message });
    const answer = await server.waitForInteractionReply(vote.id);
    expect(flagsOf(answer.body)).toBe(EPHEMERAL);
    expect(answer.content).toBe(
      'The article this answer quoted is no longer in the corpus, so I cannot record a vote on it. Ask again with `/ask` for a fresh answer.',
    );
    expect(await feedbackLines(e2e.feedbackFile)).toEqual(before);
  });
});

describe('a vote that cannot be saved', () => {
  let e2e: E2E;
  let server: DiscordServer;
  let blocker: string;
  const guard = new OutgoingMessageGuard(() => server);

  beforeAll(async () => {
    // FEEDBACK_FILE inside a path whose "folder" is a plain file: no vote can ever be written there.
    blocker = await mkdtemp(join(tmpdir(), 'feedback-blocker-'));
    await writeFile(join(blocker, 'not-a-folder'), '');
    e2e = await startE2E({ env: { FEEDBACK_FILE: join(blocker, 'not-a-folder', 'feedback.jsonl') } });
    server = e2e.server;
  });
  afterAll(async () => {
    await finishE2E(e2e, guard, { botMayLogErrors: true });
    await rm(blocker, { recursive: true, force: true });
  });

  it('is answered privately with what happened and what to do, and logged as an error', async () => {
    const { reply } = await ask(server, QUESTION);
    const message = reply.message;
    if (message === null) throw new Error('the answer was not stored');
    const up = buttonsOf(reply.body).find((button) => button.emoji === '👍');
    if (up === undefined) throw new Error('no 👍 button');

    const vote = server.sendButton({ customId: up.customId, message });
    const answer = await server.waitForInteractionReply(vote.id);
    expect(flagsOf(answer.body)).toBe(EPHEMERAL);
    expect(answer.content).toBe("Sorry, I couldn't save your 👍: the bot could not write it down. Please try again later.");
    expect(logsAtOrAbove(e2e.logs, LogLevel.error)).toContainEqual(expect.objectContaining({ msg: 'could not save a vote' }));
  });
});
