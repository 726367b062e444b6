/**
 * Mentions in a question read as Discord shows them: `@name`, `@Role`, `#channel`, never a raw
 * `<@1579…>`, both in what the engine is asked and in the question the answer echoes. The bot's
 * own mention only addresses it and is left out. The real bot and discord.js client, whose
 * caches know the names, against the local Discord server.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordServer } from '../../src/playground/discord-server/index.js';
import { finishE2E } from './support/finish.js';
import { settled, startE2E, type E2E } from './support/harness.js';
import { messageAndReply } from './support/interact.js';
import { OutgoingMessageGuard, onlyEmbed, plainText } from './support/payloads.js';

const ONLY_PUTIN = 'only Putin makes decisions in Russia';
/** A user id no one has: Discord shows its mention as "@unknown-user". */
const STRANGER = '12345678901234567';

let e2e: E2E;
let server: DiscordServer;
const guard = new OutgoingMessageGuard(() => server);

beforeAll(async () => {
  e2e = await startE2E({ env: { RATE_LIMIT_QUESTIONS: '1000' } });
  server = e2e.server;
});

afterEach(async () => {
  if (e2e !== undefined) await settled(e2e.bot);
  guard.checkNew();
});

afterAll(() => finishE2E(e2e, guard));

describe('mentions in a question', () => {
  it('"Find in articles" asks and echoes them as names; the bot\'s own mention is left out', async () => {
    const role = server.createRole('Moderators', 0n);
    const target = server.createMessage({
      user: 'admin',
      content: `<@${server.botUser.id}> who makes decisions in russia? cc <@${server.memberUser.id}> <@&${role.id}> <#${server.channelId}> <@${STRANGER}>`,
    });
    const sent = server.sendMessageCommand({ name: 'Find in articles', targetMessage: target.id });
    const embed = onlyEmbed((await server.waitForInteractionReply(sent.id)).body);
    // Zero-width spaces mark where each name ends; nobody sees them.
    const title = plainText(embed.title ?? '').replaceAll('\u200b', '');
    expect(title).toBe('who makes decisions in russia? cc @test-member @Moderators #general @unknown-user');
    expect(title).not.toMatch(/<[@#]/);
    expect(plainText(embed.description ?? '')).toContain(ONLY_PUTIN);
  });

  it('a question to the bot by mention names the other people it mentions as Discord shows them', async () => {
    const { reply } = await messageAndReply(server, {
      content: `who did <@!${server.adminUser.id}> say makes decisions in russia?`,
      mentionsBot: true,
    });
    const embed = onlyEmbed(reply.body);
    expect(plainText(embed.title ?? '').replaceAll('\u200b', '')).toBe(
      `who did @${server.adminUser.username} say makes decisions in russia?`,
    );
    expect(plainText(embed.description ?? '')).toContain(ONLY_PUTIN);
  });
});
