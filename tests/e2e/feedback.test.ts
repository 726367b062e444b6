/** 👍 / 👎 end to end: what is recorded, and what the person is told when it cannot be. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordServer } from '../../src/playground/discord-server/index.js';
import { LogLevel, logsAtOrAbove, startE2E, type E2E } from './support/harness.js';
import { ask } from './support/interact.js';
import { buttonsOf, EPHEMERAL, flagsOf, OutgoingMessageGuard } from './support/payloads.js';
import { finishE2E } from './support/finish.js';

const QUESTION = 'Who makes decisions in Russia?';

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
