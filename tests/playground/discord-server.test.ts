import {
  ApplicationCommandOptionType,
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  Partials,
  type ClientEvents,
  type ClientOptions,
} from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiErrorCode,
  CallbackType,
  Route,
  startDiscordServer,
  testClientOptions,
  type DiscordServer,
} from '../../src/playground/discord-server/index.js';
import { rawRequest, rawUpgrade } from './support/raw-http.js';

const TOKEN = 'test-token';
const TEST_TIMEOUT_MS = 10_000;

/** Runs an async interaction handler; a rejection fails loudly instead of going unhandled. */
function onInteraction(client: Client, handle: (interaction: ClientEvents['interactionCreate'][0]) => Promise<void>): void {
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch((error: unknown) => {
      throw error;
    });
  });
}

/** Resolves with the args of the next `event` that passes `predicate`; no fixed sleeps. */
function nextEvent<E extends keyof ClientEvents>(
  client: Client,
  event: E,
  predicate: (...args: ClientEvents[E]) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<ClientEvents[E]> {
  return new Promise((resolve, reject) => {
    const listener = (...args: ClientEvents[E]): void => {
      if (!predicate(...args)) return;
      clearTimeout(timer);
      client.off(event, listener);
      resolve(args);
    };
    const timer = setTimeout(() => {
      client.off(event, listener);
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for client event ${String(event)}`));
    }, timeoutMs);
    client.on(event, listener);
  });
}

/**
 * The plain setup a bot uses (`rest.api` is all it takes); `fast` adds testClientOptions, whose
 * no-op identify throttle saves ~5 s whenever a shard re-identifies (op 9 test).
 */
function makeClient(server: DiscordServer, extra: Partial<ClientOptions> = {}, fast = false): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api: server.apiUrl },
    ...(fast ? testClientOptions(server) : {}),
    ...extra,
  });
}

/** Logs in and waits for ClientReady (login() resolves before the guilds have arrived). */
async function loginAndWaitReady(client: Client): Promise<void> {
  const ready = nextEvent(client, Events.ClientReady);
  await client.login(TOKEN);
  await ready;
}

describe('Discord test server with a real discord.js Client', () => {
  let server: DiscordServer;
  let client: Client;

  beforeAll(async () => {
    server = await startDiscordServer();
    client = makeClient(server, {}, true);
    await loginAndWaitReady(client);
  });

  afterAll(async () => {
    await client.destroy();
    await server.close();
  });

  afterEach(() => {
    // Each test installs its own handlers; none may leak into the next.
    client.removeAllListeners(Events.InteractionCreate);
    client.removeAllListeners(Events.MessageCreate);
  });

  it('logs in: gateway info, READY and GUILD_CREATE fill the caches', () => {
    expect(client.user?.id).toBe(server.botUser.id);
    expect(client.application?.id).toBe(server.applicationId);
    const guild = client.guilds.cache.get(server.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(server.channelId)?.type).toBe(ChannelType.GuildText);
    expect(guild?.members.cache.has(server.adminUser.id)).toBe(true);
    expect(guild?.members.me?.id).toBe(server.botUser.id);
    expect(server.botUser.id).toMatch(/^\d{17,19}$/);
    const gatewayBot = server.requests.find((r) => r.route === Route.GatewayBot);
    expect(gatewayBot?.authorization).toBe(`Bot ${TOKEN}`);
    expect(server.unknownRequests).toEqual([]);
  });

  it('slash command -> interaction.reply arrives as a type 4 callback', async () => {
    client.on(Events.InteractionCreate, (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.commandName !== 'ping') return;
      void interaction.reply({ content: `pong ${interaction.options.getString('text') ?? ''}`.trim(), allowedMentions: { parse: [] } });
    });
    const sent = server.sendSlashCommand({ name: 'ping', options: { text: 'hi' }, user: 'admin' });
    const reply = await server.waitForInteractionReply(sent.id);
    expect(reply.kind).toBe('callback');
    expect(reply.callbackType).toBe(CallbackType.ChannelMessageWithSource);
    expect(reply.content).toBe('pong hi');
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
    expect(reply.request.status).toBe(204);
    expect(reply.request.authorization).toBeNull(); // interaction calls carry no bot token
    expect(reply.message?.content).toBe('pong hi');
  });

  it('passes member, permissions and typed options to the bot', async () => {
    const received = nextEvent(client, Events.InteractionCreate, (i) => i.isChatInputCommand() && i.commandName === 'ask');
    server.sendSlashCommand({ name: 'ask', options: { question: 'why?', top: 3, cite: true }, user: 'admin' });
    const [interaction] = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.user.id).toBe(server.adminUser.id);
    expect(interaction.guildId).toBe(server.guildId);
    expect(interaction.channelId).toBe(server.channelId);
    expect(interaction.memberPermissions?.has('Administrator')).toBe(true);
    expect(interaction.options.getString('question')).toBe('why?');
    expect(interaction.options.getInteger('top')).toBe(3);
    expect(interaction.options.getBoolean('cite')).toBe(true);
    await interaction.reply({ content: 'ok' });
  });

  it('deferReply + editReply arrive as a type 5 callback and a PATCH of @original', async () => {
    onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.commandName !== 'slow') return;
      await interaction.deferReply();
      await interaction.editReply({ content: 'done thinking' });
    });
    const sent = server.sendSlashCommand({ name: 'slow' });
    const reply = await server.waitForInteractionReply(sent.id);
    expect(reply.kind).toBe('edit');
    expect(reply.content).toBe('done thinking');
    expect(reply.request.path).toBe(`/webhooks/${server.applicationId}/${sent.token}/messages/@original`);
    expect(reply.request.url).toContain('%40original');
    const kinds = server.interactionRequests(sent.id).map((r) => r.kind);
    expect(kinds).toEqual(['callback', 'edit']);
    const callback = await server.waitForInteractionCallback(sent.id);
    expect(callback.body).toMatchObject({ type: CallbackType.DeferredChannelMessageWithSource });
    // The edited message lost the "thinking" (loading) flag.
    expect(reply.message?.flags).toBe(0);
  });

  it('a reply to a command names the command and who used it, as Discord does; discord.js reads it', async () => {
    onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.commandName !== 'named') return;
      await interaction.reply({ content: 'first' });
      await interaction.followUp({ content: 'second' });
    });
    const sent = server.sendSlashCommand({ name: 'named' });
    const echoed = nextEvent(client, Events.MessageCreate, (message) => message.content === 'first');
    const reply = await server.waitForInteractionReply(sent.id);
    expect(reply.message?.interaction).toEqual({ id: sent.id, type: 2, name: 'named', user: server.memberUser });
    expect(reply.message?.interaction_metadata).toMatchObject({ id: sent.id, type: 2, user: server.memberUser });
    const [message] = await echoed;
    expect(message.interactionMetadata?.id).toBe(sent.id);
    expect(message.interactionMetadata?.user.id).toBe(server.memberUser.id);
    await server.waitForRequest((r) => r.route === Route.Webhook && r.params.token === sent.token && r.status < 300);
    const stored = server.messagesIn(server.channelId).find((m) => m.content === 'second');
    expect(stored?.interaction_metadata?.original_response_message_id).toBe(reply.message?.id);
  });

  it("onMessageChange reports every message created, edited and deleted, users' and the bot's", async () => {
    const changes: string[] = [];
    const stop = server.onMessageChange((change) => changes.push(`${change.kind} ${change.message.content}`));
    onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.commandName !== 'watched') return;
      await interaction.deferReply();
      await interaction.editReply({ content: 'edited' });
      await interaction.deleteReply();
    });
    server.createMessage({ content: 'a user wrote this' });
    const sent = server.sendSlashCommand({ name: 'watched' });
    await server.waitForRequest((r) => r.method === 'DELETE' && r.params.token === sent.token);
    stop();
    server.createMessage({ content: 'not watched' });
    expect(changes).toEqual(['create a user wrote this', 'create ', 'update edited', 'delete edited']);
  });

  it('a member given a role with Manage Server has it in the next interaction; the role reaches the client', async () => {
    const roleCreated = nextEvent(client, Events.GuildRoleCreate, (role) => role.name === 'Server Manager');
    const role = server.createRole('Server Manager', 1n << 5n);
    await roleCreated;
    const permissionsOfNextAsk = async (): Promise<boolean | undefined> => {
      const received = nextEvent(client, Events.InteractionCreate, (i) => i.isChatInputCommand() && i.commandName === 'perm');
      server.sendSlashCommand({ name: 'perm' });
      const [interaction] = await received;
      return interaction.memberPermissions?.has('ManageGuild');
    };
    expect(await permissionsOfNextAsk()).toBe(false);
    server.setMemberRoles('member', [role.id]);
    expect(await permissionsOfNextAsk()).toBe(true);
    server.setMemberRoles('member', []);
    expect(await permissionsOfNextAsk()).toBe(false);
    expect(() => server.setMemberRoles('member', ['1'])).toThrow(/no role 1/);
  });

  it('multipart replies (files) are parsed: payload_json becomes the body, files are listed with their bytes', async () => {
    client.on(Events.InteractionCreate, (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.commandName !== 'export') return;
      void interaction.reply({ content: 'here', files: [{ attachment: Buffer.from('abc'), name: 'answer.txt' }] });
    });
    const sent = server.sendSlashCommand({ name: 'export' });
    const reply = await server.waitForInteractionReply(sent.id);
    expect(reply.request.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(reply.content).toBe('here');
    expect(reply.request.files).toEqual([
      { field: 'files[0]', filename: 'answer.txt', contentType: expect.any(String), size: 3, index: 0, data: Buffer.from('abc') },
    ]);
    expect(reply.message?.attachments).toMatchObject([{ filename: 'answer.txt', size: 3 }]);
  });

  it('followUp and fetchReply use the interaction webhook', async () => {
    onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.commandName !== 'multi') return;
      await interaction.reply({ content: 'first' });
      const original = await interaction.fetchReply();
      await interaction.followUp({ content: `second after ${original.id}` });
    });
    const sent = server.sendSlashCommand({ name: 'multi' });
    const followup = await server.waitForRequest((r) => r.route === Route.Webhook && r.params.token === sent.token);
    expect(followup.status).toBe(200);
    expect(followup.query.wait).toBe('true');
    const kinds = server.interactionRequests(sent.id).map((r) => r.kind);
    expect(kinds).toEqual(['callback', 'fetch', 'followup']);
  });

  it('button interaction -> update() arrives as a type 7 callback', async () => {
    onInteraction(client, async (interaction) => {
      if (!interaction.isButton() || interaction.customId !== 'more') return;
      await interaction.update({ content: `more from ${interaction.message.id}`, components: [] });
    });
    // The button sits on a bot reply, like in real use.
    onInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.commandName !== 'menu') return;
      await interaction.reply({
        content: 'menu',
        components: [{ type: 1, components: [{ type: 2, style: 1, label: 'More', custom_id: 'more' }] }],
      });
    });
    const command = server.sendSlashCommand({ name: 'menu' });
    const menu = await server.waitForInteractionReply(command.id);
    if (!menu.message) throw new Error('expected the stored reply message');
    const click = server.sendButton({ customId: 'more', message: menu.message });
    const update = await server.waitForInteractionReply(click.id);
    expect(update.callbackType).toBe(CallbackType.UpdateMessage);
    expect(update.content).toBe(`more from ${menu.message.id}`);
    expect(server.getMessage(menu.message.id)?.content).toBe(`more from ${menu.message.id}`);
  });

  it('autocomplete -> respond() arrives as a type 8 callback with choices', async () => {
    onInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const focused = interaction.options.getFocused(true);
      await interaction.respond([{ name: `${focused.name}:${focused.value}`, value: 'x' }]);
    });
    const sent = server.sendAutocomplete({ name: 'ask', focused: 'article', value: 'cli', options: { question: 'q' } });
    const callback = await server.waitForInteractionCallback(sent.id);
    expect(callback.body).toEqual({
      type: CallbackType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'article:cli', value: 'x' }] },
    });
  });

  it('message context menu command carries the target message', async () => {
    const received = nextEvent(client, Events.InteractionCreate, (i) => i.isMessageContextMenuCommand());
    const sent = server.sendMessageCommand({ name: 'Ask about this', targetMessage: { content: 'Is this true?' } });
    const [interaction] = await received;
    if (!interaction.isMessageContextMenuCommand()) throw new Error('expected a message command');
    expect(interaction.targetMessage.content).toBe('Is this true?');
    expect(interaction.targetId).toBe(sent.payload.data.target_id);
    await interaction.reply({ content: 'checked' });
    expect((await server.waitForInteractionReply(sent.id)).content).toBe('checked');
  });

  it('a MESSAGE_CREATE mentioning the bot reaches messageCreate and message.reply() arrives', async () => {
    const received = nextEvent(client, Events.MessageCreate, (m) => m.author.id === server.memberUser.id);
    const sent = server.sendMessage({ content: 'what does the article say?', mentionsBot: true });
    const [message] = await received;
    expect(message.id).toBe(sent.id);
    expect(message.mentions.users.has(server.botUser.id)).toBe(true);
    expect(message.content).toBe(`<@${server.botUser.id}> what does the article say?`);
    await message.reply({ content: 'it says...', allowedMentions: { repliedUser: false } });
    const reply = await server.waitForMessageReply(sent.id);
    expect(reply.path).toBe(`/channels/${server.channelId}/messages`);
    expect(reply.body).toMatchObject({ content: 'it says...', message_reference: { message_id: sent.id } });
    expect(reply.authorization).toBe(`Bot ${TOKEN}`);
  });

  it('a DM MESSAGE_CREATE reaches messageCreate (DirectMessages intent + Partials.Channel)', async () => {
    const received = nextEvent(client, Events.MessageCreate, (m) => m.author.id === server.memberUser.id);
    const sent = server.sendMessage({ content: 'hello in private', dm: true });
    const [message] = await received;
    expect(message.guildId).toBeNull();
    expect(message.channel.type).toBe(ChannelType.DM);
    expect(message.content).toBe('hello in private');
    await message.reply('hi back');
    const reply = await server.waitForMessageReply(sent.id);
    expect(reply.path).toBe(`/channels/${sent.channelId}/messages`);
  });

  it('echoes the bot’s own messages as MESSAGE_CREATE', async () => {
    const echoed = nextEvent(client, Events.MessageCreate, (m) => m.author.id === server.botUser.id && m.content === 'echo me');
    const channel = client.channels.cache.get(server.channelId);
    if (!channel?.isSendable()) throw new Error('expected a sendable channel');
    await channel.send('echo me');
    const [message] = await echoed;
    expect(message.channelId).toBe(server.channelId);
  });

  it('commands registered with PUT get ids that interactions reuse', async () => {
    const app = client.application;
    if (!app) throw new Error('no application');
    await app.commands.set([
      {
        name: 'ask',
        description: 'Ask a question',
        options: [{ name: 'top', description: 'how many', type: ApplicationCommandOptionType.Number }],
      },
    ]);
    await client.guilds.cache.get(server.guildId)?.commands.set([{ name: 'admin', description: 'Admin only' }]);
    const [global] = server.registeredCommands();
    expect(global?.id).toMatch(/^\d{17,19}$/);
    expect(server.registeredCommands(server.guildId).map((c) => c.name)).toEqual(['admin']);
    const received = nextEvent(client, Events.InteractionCreate, (i) => i.isChatInputCommand() && i.commandName === 'ask');
    // The registered schema says `top` is a Number (10), not an Integer.
    server.sendSlashCommand({ name: 'ask', options: { top: 3 } });
    const [interaction] = await received;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.commandId).toBe(global?.id);
    expect(interaction.options.get('top')?.type).toBe(ApplicationCommandOptionType.Number);
    await interaction.reply('ok');
  });

  it('unknown routes answer 404 {message, code: 0} and are recorded', async () => {
    await expect(client.rest.get('/oauth2/nothing-here')).rejects.toMatchObject({ status: 404, code: 0 });
    expect(server.unknownRequests.map((r) => r.path)).toContain('/oauth2/nothing-here');
  });

  describe('fault injection', () => {
    it('429 with Retry-After on the callback: discord.js waits and retries', async () => {
      const fault = server.failNext({ route: Route.InteractionCallback, status: 429, retryAfter: 0.2 });
      client.on(Events.InteractionCreate, (interaction) => {
        if (interaction.isChatInputCommand()) void interaction.reply('after the limit');
      });
      const sent = server.sendSlashCommand({ name: 'limited' });
      const reply = await server.waitForInteractionReply(sent.id);
      expect(reply.content).toBe('after the limit');
      expect(fault.hits).toBe(1);
      const attempts = server.interactionRequests(sent.id).map((r) => r.request);
      expect(attempts.map((r) => r.status)).toEqual([429, 204]);
      const retryAt = attempts[1]?.at ?? 0;
      expect(retryAt - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(150);
    });

    it('500 twice: discord.js retries and the third attempt succeeds', async () => {
      server.failNext({ route: 'POST /interactions/:interactionId/:token/callback', status: 500, times: 2 });
      client.on(Events.InteractionCreate, (interaction) => {
        if (interaction.isChatInputCommand()) void interaction.reply('third time lucky');
      });
      const sent = server.sendSlashCommand({ name: 'flaky' });
      await server.waitForInteractionReply(sent.id);
      expect(server.interactionRequests(sent.id).map((r) => r.request.status)).toEqual([500, 500, 204]);
    });

    it('404 10062 Unknown interaction rejects interaction.reply()', async () => {
      server.failNext({ route: Route.InteractionCallback, status: 404, code: ApiErrorCode.UnknownInteraction });
      const received = nextEvent(client, Events.InteractionCreate, (i) => i.isChatInputCommand() && i.commandName === 'late');
      server.sendSlashCommand({ name: 'late' });
      const [interaction] = await received;
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      const error: unknown = await interaction.reply('too late').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DiscordAPIError);
      expect(error).toMatchObject({ code: 10062, status: 404 });
    });

    it('a second callback for one interaction is rejected with 40060 like Discord', async () => {
      const received = nextEvent(client, Events.InteractionCreate, (i) => i.isChatInputCommand() && i.commandName === 'twice');
      const sent = server.sendSlashCommand({ name: 'twice' });
      const [interaction] = await received;
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply('once');
      // Bypass discord.js's own "already replied" guard to hit the server.
      const error: unknown = await client.rest
        .post(`/interactions/${sent.id}/${sent.token}/callback`, { body: { type: 4, data: { content: 'again' } }, auth: false })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: ApiErrorCode.InteractionAlreadyAcknowledged });
    });

    it('a reply over 2000 characters is rejected with 50035 like Discord', async () => {
      const received = nextEvent(client, Events.InteractionCreate, (i) => i.isChatInputCommand() && i.commandName === 'long');
      server.sendSlashCommand({ name: 'long' });
      const [interaction] = await received;
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      const error: unknown = await interaction.reply('x'.repeat(2001)).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: ApiErrorCode.InvalidFormBody, status: 400 });
    });
  });

  describe('gateway faults', () => {
    it('closeGatewaySockets(4000): the client resumes and still answers', async () => {
      const resumed = nextEvent(client, Events.ShardResume);
      expect(server.closeGatewaySockets(4000)).toBe(1);
      // Sent while the socket is down: queued in the session and replayed on RESUME.
      client.on(Events.InteractionCreate, (interaction) => {
        if (interaction.isChatInputCommand()) void interaction.reply('still here');
      });
      const sent = server.sendSlashCommand({ name: 'after-close' });
      await resumed;
      expect((await server.waitForInteractionReply(sent.id)).content).toBe('still here');
      const replayed = server.gatewayLog.some((e) => e.kind === 'replay' && e.event === 'INTERACTION_CREATE');
      expect(replayed).toBe(true);
    });

    it('op 7 reconnect: the client resumes', async () => {
      const resumed = nextEvent(client, Events.ShardResume);
      expect(server.sendReconnect()).toBe(1);
      await resumed;
      client.on(Events.InteractionCreate, (interaction) => {
        if (interaction.isChatInputCommand()) void interaction.reply('reconnected');
      });
      const sent = server.sendSlashCommand({ name: 'after-reconnect' });
      expect((await server.waitForInteractionReply(sent.id)).content).toBe('reconnected');
    });

    it('op 9 invalid session (resumable): the client resumes on the same socket', async () => {
      const resumed = nextEvent(client, Events.ShardResume);
      expect(server.sendInvalidSession(true)).toBe(1);
      await resumed;
    });

    it('a dropped socket (no close frame) is resumed too', async () => {
      const resumed = nextEvent(client, Events.ShardResume);
      expect(server.terminateGatewaySockets()).toBe(1);
      await resumed;
      client.on(Events.InteractionCreate, (interaction) => {
        if (interaction.isChatInputCommand()) void interaction.reply('back');
      });
      const sent = server.sendSlashCommand({ name: 'after-drop' });
      expect((await server.waitForInteractionReply(sent.id)).content).toBe('back');
    });

    it('op 9 invalid session (not resumable): the client identifies again', async () => {
      const mark = server.gatewayLog.length;
      expect(server.sendInvalidSession(false)).toBe(1);
      await server.waitForGatewayEvent((e) => server.gatewayLog.indexOf(e) >= mark && e.event === 'GUILD_CREATE');
      client.on(Events.InteractionCreate, (interaction) => {
        if (interaction.isChatInputCommand()) void interaction.reply('new session');
      });
      const sent = server.sendSlashCommand({ name: 'after-invalid' });
      expect((await server.waitForInteractionReply(sent.id)).content).toBe('new session');
    });
  });
});

describe('requests that do not come from a program on this machine', () => {
  let server: DiscordServer;

  beforeAll(async () => {
    server = await startDiscordServer({ token: TOKEN });
  });

  afterAll(async () => {
    await server.close();
  });

  it('refuses REST requests whose Host is not a loopback name (DNS rebinding) or that come from a web page elsewhere', async () => {
    const path = '/api/v10/gateway';
    expect((await rawRequest(server.port, { path, headers: { Host: `127.0.0.1:${server.port}` } })).status).toBe(200);
    const rebound = await rawRequest(server.port, { path, headers: { Host: `evil.example:${server.port}` } });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ code: 0, message: expect.stringContaining('not a loopback name') });
    const crossSite = await rawRequest(server.port, {
      path,
      headers: { Host: `127.0.0.1:${server.port}`, Origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    // Refused requests never reach the routes.
    expect(server.requests.filter((r) => r.path === '/gateway')).toHaveLength(1);
  });

  it('refuses gateway upgrades whose Host is not a loopback name or whose Origin is another site', async () => {
    expect(await rawUpgrade(server.port, { Host: `127.0.0.1:${server.port}` })).toBe(101);
    expect(await rawUpgrade(server.port, { Host: `evil.example:${server.port}` })).toBe(403);
    expect(await rawUpgrade(server.port, { Host: `127.0.0.1:${server.port}`, Origin: 'https://evil.example' })).toBe(403);
    expect(server.gatewayLog.filter((entry) => entry.kind === 'connect')).toHaveLength(1);
  });
});

describe('authentication', () => {
  it(
    'a wrong token is refused with 401 and login() fails',
    async () => {
      const server = await startDiscordServer({ token: 'the-right-token' });
      const client = makeClient(server);
      try {
        await expect(client.login('a-wrong-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
        expect(server.requests.map((r) => [r.route, r.status])).toEqual([[Route.GatewayBot, 401]]);
      } finally {
        await client.destroy();
        await server.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});

describe('heartbeats', () => {
  it(
    'unacknowledged heartbeats make the client reconnect and resume',
    async () => {
      const server = await startDiscordServer({ heartbeatIntervalMs: 250 });
      const client = makeClient(server);
      try {
        await loginAndWaitReady(client);
        const resumed = nextEvent(client, Events.ShardResume);
        server.ackHeartbeats = false;
        await server.waitForGatewayEvent((e) => e.kind === 'resume');
        server.ackHeartbeats = true;
        await resumed;
        expect(server.sessions).toHaveLength(1);
      } finally {
        await client.destroy();
        await server.close();
      }
    },
    TEST_TIMEOUT_MS,
  );
});

describe('sharding', () => {
  let server: DiscordServer;

  beforeAll(async () => {
    server = await startDiscordServer({ guilds: 2, shards: 2 });
  });

  afterAll(async () => {
    await server.close();
  });

  it('spreads the guilds over two shards by (guild_id >> 22) % 2', () => {
    const shards = server.guilds.map((g) => server.shardForGuild(g.id, 2));
    expect(new Set(shards)).toEqual(new Set([0, 1]));
  });

  it(
    'one client with shards [0, 1] gets every guild on its own shard',
    async () => {
      const client = makeClient(server, { shards: [0, 1], shardCount: 2 });
      try {
        await loginAndWaitReady(client);
        for (const g of server.guilds) {
          expect(client.guilds.cache.get(g.id)?.shardId).toBe(server.shardForGuild(g.id, 2));
        }
        const second = server.guilds[1];
        if (!second) throw new Error('expected two guilds');
        const received = nextEvent(client, Events.InteractionCreate);
        server.sendSlashCommand({ name: 'where', guildId: second.id });
        const [interaction] = await received;
        expect(interaction.guild?.shardId).toBe(server.shardForGuild(second.id, 2));
      } finally {
        await client.destroy();
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'two clients with shards [0] and [1] each get only their guilds and events',
    async () => {
      const clients = [0, 1].map((shard) => makeClient(server, { shards: [shard], shardCount: 2 }));
      try {
        await Promise.all(clients.map((c) => loginAndWaitReady(c)));
        for (const [shard, c] of clients.entries()) {
          const expected = server.guilds.filter((g) => server.shardForGuild(g.id, 2) === shard).map((g) => g.id);
          expect([...c.guilds.cache.keys()]).toEqual(expected);
        }
        for (const g of server.guilds) {
          const owner = clients[server.shardForGuild(g.id, 2)];
          if (!owner) throw new Error('no client for shard');
          owner.on(Events.InteractionCreate, (interaction) => {
            if (interaction.isChatInputCommand()) void interaction.reply(`shard ${interaction.guild?.shardId ?? -1}`);
          });
          const sent = server.sendSlashCommand({ name: 'which', guildId: g.id });
          expect(sent.delivered).toBe(1);
          const reply = await server.waitForInteractionReply(sent.id);
          expect(reply.content).toBe(`shard ${server.shardForGuild(g.id, 2)}`);
          owner.removeAllListeners(Events.InteractionCreate);
        }
      } finally {
        await Promise.all(clients.map((c) => c.destroy()));
      }
    },
    TEST_TIMEOUT_MS,
  );
});
