/**
 * The project's "done when": the bot, started with token `x` against the local server and the
 * shipped corpus (the defaults), answers `/ask question:"Who makes decisions in Russia?"` with the
 * passage and its source.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/bot/deploy-commands.js';
import { startBot, type RunningBot } from '../../src/bot/start.js';
import { loadConfig } from '../../src/config.js';
import { startDiscordServer, type DiscordServer } from '../../src/playground/discord-server/index.js';
import { REPO_ROOT } from './support/harness.js';
import { passageBlocks } from './support/interact.js';
import { buttonsOf, expectMentionsDisabled, expectNoRejectedRequests, onlyEmbed, plainText } from './support/payloads.js';

let server: DiscordServer;
let bot: RunningBot | undefined;

beforeAll(async () => {
  // Only token `x` is accepted: the bot must use the token it was configured with.
  server = await startDiscordServer({ token: 'x' });
  expect(process.cwd()).toBe(REPO_ROOT.replace(/\/$/, '')); // CORPUS_DIR's default `corpus/` is relative to it
  const config = loadConfig({ DISCORD_TOKEN: 'x', DISCORD_API_URL: server.apiUrl, LOG_LEVEL: 'silent', VECTORS: 'off' });
  expect(config.corpusDir).toBe('corpus/');
  if (config.token === null) throw new Error('no token');
  await deployCommands({ token: config.token, clientId: server.applicationId, guildId: server.guildId, apiUrl: config.apiUrl });
  bot = await startBot({ ...config, token: config.token });
});

afterAll(async () => {
  await bot?.stop();
  await server?.close();
});

describe('done when', () => {
  it('answers /ask "Who makes decisions in Russia?" with the passage that only Putin makes decisions, and its source', async () => {
    const sent = server.sendSlashCommand({ name: 'ask', options: { question: 'Who makes decisions in Russia?' } });
    const reply = await server.waitForInteractionReply(sent.id);

    const embed = onlyEmbed(reply.body);
    expect(embed.title).toBe('Who makes decisions in Russia?');
    const [first] = passageBlocks(embed.description);
    expect(first?.source).toBe(
      '**Trump says he "didn\'t make any progress" with Putin on ending the war in Ukraine** · Jul 3, 2025 · ¶ 14',
    );
    expect(plainText(first?.passage ?? '')).toBe(
      'The president described Trump and Putin as "completely different people" but emphasized that only Putin makes decisions in Russia.',
    );
    expect(first?.passage).toMatch(/\*\*decisions\*\* in \*\*Russia\*\*/);
    expect(buttonsOf(reply.body).map((button) => button.label ?? button.emoji)).toEqual(['More results', 'Show context', '👍', '👎']);

    expect(reply.kind).toBe('edit'); // the deferred "thinking…" became the answer
    expect(server.requests.find((request) => request.authorization !== null)?.authorization).toBe('Bot x');
    expect(expectMentionsDisabled(server.requests)).toBeGreaterThan(0);
    expectNoRejectedRequests(server);
  });
});
