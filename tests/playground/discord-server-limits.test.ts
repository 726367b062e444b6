/**
 * The Discord-compatible server holds a bounded amount, however long it runs (the playground
 * runs for days): the last N messages of each channel, the last N entries of each log and the
 * last N interactions. Discord itself hands out the last 50 messages and pages back with `before`.
 */
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiErrorCode, startDiscordServer, testClientOptions, type DiscordServer } from '../../src/playground/discord-server/index.js';

const TOKEN = 'limits-token';

let server: DiscordServer | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  await server?.close();
  client = undefined;
  server = undefined;
});

async function connectedClient(to: DiscordServer): Promise<Client> {
  const connected = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    ...testClientOptions(to),
  });
  const ready = new Promise<void>((resolve) => connected.once(Events.ClientReady, () => resolve()));
  await connected.login(TOKEN);
  await ready;
  return connected;
}

async function api(to: DiscordServer, path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${to.apiUrl}/v10${path}`, {
    ...init,
    headers: { Authorization: `Bot ${TOKEN}`, 'Content-Type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

describe('a Discord server that runs for a long time', () => {
  it('keeps the last N messages of each channel; older ones are forgotten, the other channels keep theirs', async () => {
    server = await startDiscordServer({ token: TOKEN, limits: { messagesPerChannel: 5 } });
    const dm = server.createMessage({ content: 'in the DM', dm: true });
    const sent = Array.from({ length: 8 }, (_, index) => server?.createMessage({ content: `message ${index + 1}` }));
    expect(server.messagesIn(server.channelId).map((message) => message.content)).toEqual([
      'message 4',
      'message 5',
      'message 6',
      'message 7',
      'message 8',
    ]);
    expect(server.getMessage(sent[0]?.id ?? '')).toBeUndefined();
    expect(server.messagesIn(dm.channel_id).map((message) => message.content)).toEqual(['in the DM']);
  });

  it('GET /channels/:id/messages gives the newest first and pages back with before, as Discord does', async () => {
    server = await startDiscordServer({ token: TOKEN });
    const ids = Array.from({ length: 7 }, (_, index) => server?.createMessage({ content: `m${index + 1}` }).id ?? '');
    const newest = await api(server, `/channels/${server.channelId}/messages?limit=3`);
    expect(contents(newest.body)).toEqual(['m7', 'm6', 'm5']);
    const earlier = await api(server, `/channels/${server.channelId}/messages?limit=3&before=${ids[4]}`);
    expect(contents(earlier.body)).toEqual(['m4', 'm3', 'm2']);
  });

  it('keeps the last N entries of its request and gateway logs, and still finds the next one it waits for', async () => {
    server = await startDiscordServer({ token: TOKEN, limits: { logEntries: 10 } });
    client = await connectedClient(server);
    for (let index = 0; index < 15; index += 1) await api(server, `/nothing-here/${index}`);
    expect(server.requests).toHaveLength(10);
    expect(server.requests.at(-1)?.path).toBe('/nothing-here/14');
    expect(server.requests[0]?.seq).toBe((server.requests.at(-1)?.seq ?? 0) - 9);

    for (let index = 0; index < 15; index += 1) server.sendMessage({ content: `hello ${index}`, mentionsBot: true });
    expect(server.gatewayLog).toHaveLength(10);
    const next = server.waitForRequest((request) => request.path === '/nothing-here/last');
    await api(server, '/nothing-here/last');
    expect((await next).status).toBe(404);
  });

  it('remembers the last N interactions; the webhook of an older one answers Unknown Webhook, as an expired one does', async () => {
    server = await startDiscordServer({ token: TOKEN, limits: { interactions: 2 } });
    client = await connectedClient(server);
    const to = server;
    const sent = Array.from({ length: 3 }, () => to.sendButton({ customId: 'press' }));
    const webhook = (interaction: (typeof sent)[number] | undefined) =>
      api(to, `/webhooks/${to.applicationId}/${interaction?.token ?? ''}/messages/@original`);
    expect(await webhook(sent[0])).toMatchObject({ status: 404, body: { code: ApiErrorCode.UnknownWebhook } });
    expect((await webhook(sent[2])).status).toBe(200);
  });
});

function contents(body: unknown): string[] {
  if (!Array.isArray(body)) return [];
  return body.map((message: unknown) =>
    typeof message === 'object' && message !== null && 'content' in message ? String(message.content) : '',
  );
}
