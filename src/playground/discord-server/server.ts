import { createServer, type Server as HttpServer } from 'node:http';
import { foreignRequestReason } from '../loopback.js';
import { CommandRegistry } from './command-registry.js';
import { FaultInjector, type FailNextOptions, type FaultHandle } from './faults.js';
import { addRole, createWorld, ensureMember, findGuild, openDmChannel, type GuildFixture, type WorldOptions } from './fixtures.js';
import { Gateway, Intent, summarizeGatewayEntry, type GatewayLogEntry, type ShardFilter } from './gateway.js';
import {
  sendAutocomplete,
  sendButton,
  sendMessageCommand,
  sendSlashCommand,
  type AutocompleteOptions,
  type ButtonOptions,
  type MessageCommandOptions,
  type SentInteraction,
  type SlashCommandOptions,
} from './interaction-dispatch.js';
import { InteractionRegistry } from './interaction-registry.js';
import { classifyInteractionRequest, toInteractionReply, type InteractionReply, type InteractionRequest } from './interaction-replies.js';
import {
  createUserMessage,
  dispatchMessageCreate,
  sendMessage,
  shouldEchoBotMessage,
  type SendMessageOptions,
  type SentMessage,
} from './message-dispatch.js';
import { MessageStore, type MessageChange } from './message-store.js';
import type { ApiApplicationCommand, ApiChannel, ApiMessage, ApiRole, ApiUser } from './payloads.js';
import { isRecord } from './payloads.js';
import { summarizeRequest, type RecordedRequest } from './request-log.js';
import { RestServer } from './rest-server.js';
import { resolveUser, type SceneOptions } from './scene.js';
import { Route } from './rest-routes.js';
import { resolveServerLimits, type ServerLimits } from './server-limits.js';
import type { ServerState } from './server-state.js';
import { shardForGuild, SnowflakeGenerator } from './snowflake.js';
import { WaitableLog } from './waitable-log.js';

export interface DiscordServerOptions extends WorldOptions {
  /** `shards` returned by GET /gateway/bot (what `shards: 'auto'` uses). Default 1. */
  shards?: number;
  /** HELLO's heartbeat_interval. Default 41 250 ms like Discord; lower it for zombie-connection tests. */
  heartbeatIntervalMs?: number;
  /** Answer heartbeats with op 11. Default true; also settable later via `server.ackHeartbeats`. */
  ackHeartbeats?: boolean;
  /** Accept only this bot token (REST 401 / gateway 4004 otherwise). Default: any token. */
  token?: string;
  /** Dispatch MESSAGE_CREATE for the bot's own non-ephemeral messages, as Discord does. Default true. */
  echoBotMessages?: boolean;
  /** How much the server keeps of messages, logs and interactions (`ServerLimits`, each with its default). */
  limits?: Partial<ServerLimits>;
}

const DEFAULT_TIMEOUT_MS = 5_000;

/** Summary of a live gateway session, for assertions. */
export interface SessionInfo {
  readonly sessionId: string;
  readonly shardId: number;
  readonly shardCount: number;
  readonly intents: number;
  readonly connected: boolean;
  readonly seq: number;
}

/**
 * A Discord-compatible REST v10 + gateway v10 server on 127.0.0.1 that a real discord.js Client
 * logs in to (`new Client({ ..., rest: { api: server.apiUrl } })`): the end-to-end tests drive it,
 * and the playground puts its page in front of it.
 */
export class DiscordServer {
  readonly port: number;
  /** What the bot gets as `rest.api` / DISCORD_API_URL: `http://127.0.0.1:PORT/api`. */
  readonly apiUrl: string;
  /** The gateway URL handed out by GET /gateway/bot (no query string; the client adds it). */
  readonly gatewayUrl: string;
  readonly applicationId: string;
  readonly botUser: ApiUser;
  /** Owner of every guild, with an Administrator role. */
  readonly adminUser: ApiUser;
  /** A member with only @everyone permissions; the default actor of dispatch helpers. */
  readonly memberUser: ApiUser;
  readonly guilds: readonly GuildFixture[];
  /** The first guild, and its id and text channel id (defaults of the dispatch helpers). */
  readonly guild: GuildFixture;
  readonly guildId: string;
  readonly channelId: string;

  readonly #http: HttpServer;
  readonly #gateway: Gateway;
  readonly #state: ServerState;
  readonly #requests: WaitableLog<RecordedRequest>;
  readonly #faults: FaultInjector;
  #closed: Promise<void> | null = null;

  /** Use `startDiscordServer()`. */
  constructor(parts: {
    http: HttpServer;
    gateway: Gateway;
    state: ServerState;
    requests: WaitableLog<RecordedRequest>;
    faults: FaultInjector;
    port: number;
  }) {
    this.#http = parts.http;
    this.#gateway = parts.gateway;
    this.#state = parts.state;
    this.#requests = parts.requests;
    this.#faults = parts.faults;
    this.port = parts.port;
    this.apiUrl = `http://127.0.0.1:${parts.port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${parts.port}`;
    const { world } = parts.state;
    this.applicationId = world.applicationId;
    this.botUser = world.botUser;
    this.adminUser = world.adminUser;
    this.memberUser = world.memberUser;
    this.guilds = world.guilds;
    const first = world.guilds[0];
    if (!first) throw new Error('DiscordServer needs at least one guild');
    this.guild = first;
    this.guildId = first.id;
    this.channelId = first.textChannelId;
  }

  // ---- Recording -------------------------------------------------------------------------

  /** The HTTP requests so far (the last `limits.logEntries`), in arrival order. */
  get requests(): readonly RecordedRequest[] {
    return this.#requests.items;
  }

  /** Requests no route matched (answered 404 `{message, code: 0}`). */
  get unknownRequests(): readonly RecordedRequest[] {
    return this.#requests.items.filter((r) => r.route === null);
  }

  /** What happened on the gateway (connects, identifies, dispatches, closes, ...): the last `limits.logEntries`. */
  get gatewayLog(): readonly GatewayLogEntry[] {
    return this.#gateway.log.items;
  }

  get sessions(): SessionInfo[] {
    return this.#gateway.sessions.map((s) => ({
      sessionId: s.id,
      shardId: s.shardId,
      shardCount: s.shardCount,
      intents: s.intents,
      connected: s.connection !== null,
      seq: s.seq,
    }));
  }

  /** Commands registered with PUT/POST, globally or for one guild. */
  registeredCommands(guildId?: string): readonly ApiApplicationCommand[] {
    return guildId === undefined ? this.#state.commands.global : this.#state.commands.guild(guildId);
  }

  getMessage(id: string): ApiMessage | undefined {
    return this.#state.messages.get(id);
  }

  /** The channel's messages kept (the last `limits.messagesPerChannel`), oldest first. */
  messagesIn(channelId: string): ApiMessage[] {
    return this.#state.messages.inChannel(channelId);
  }

  /** Up to `limit` of the channel's messages before `before` (or the newest), oldest first, and whether older ones are kept. */
  messagePage(channelId: string, limit: number, before?: string): { messages: ApiMessage[]; hasEarlier: boolean } {
    return this.#state.messages.page(channelId, limit, before);
  }

  /** All requests about one interaction (callback, follow-ups, edits, fetches, deletes). */
  interactionRequests(interactionId: string): InteractionRequest[] {
    return this.#requests.items
      .map((r) => classifyInteractionRequest(r, this.#state.interactions))
      .filter((r): r is InteractionRequest => r !== null && r.interactionId === interactionId);
  }

  // ---- Waiters (they also match requests that already arrived) ------------------------------

  waitForRequest(predicate: (req: RecordedRequest) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RecordedRequest> {
    return this.#requests.waitFor(predicate, timeoutMs, 'a matching request');
  }

  /** The first successful callback (any type: reply, defer, update, autocomplete) for the interaction. */
  waitForInteractionCallback(interactionId: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RecordedRequest> {
    return this.#requests.waitFor(
      (r) => r.route === Route.InteractionCallback && r.params.interactionId === interactionId && r.status < 300 && !r.fault,
      timeoutMs,
      `a callback for interaction ${interactionId}`,
    );
  }

  /** The first successful callback/follow-up/edit with visible content for the interaction. */
  async waitForInteractionReply(interactionId: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<InteractionReply> {
    const { interactions, messages } = this.#state;
    const req = await this.#requests.waitFor(
      (r) => toInteractionReply(r, interactions, messages)?.interactionId === interactionId,
      timeoutMs,
      `a reply with content to interaction ${interactionId}`,
    );
    const reply = toInteractionReply(req, interactions, messages);
    if (!reply) throw new Error('unreachable: matched request is not a reply');
    return reply;
  }

  /** The bot's `message.reply()` (POST /channels/:id/messages referencing `messageId`). */
  waitForMessageReply(messageId: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RecordedRequest> {
    return this.#requests.waitFor((r) => r.status < 300 && isReplyTo(r, messageId), timeoutMs, `a reply to message ${messageId}`);
  }

  /** Every reply the bot has tried to post to `messageId` so far, whatever the server answered. */
  repliesTo(messageId: string): RecordedRequest[] {
    return this.#requests.items.filter((r) => isReplyTo(r, messageId));
  }

  waitForGatewayEvent(predicate: (entry: GatewayLogEntry) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<GatewayLogEntry> {
    return this.#gateway.log.waitFor(predicate, timeoutMs, 'a matching gateway event');
  }

  /** Human-readable request and gateway logs, for failure messages. */
  describe(): string {
    return [
      'requests:',
      ...this.requests.map((r) => `  ${summarizeRequest(r)}`),
      'gateway:',
      ...this.gatewayLog.map((e) => `  ${summarizeGatewayEntry(e)}`),
    ].join('\n');
  }

  // ---- Fault injection -----------------------------------------------------------------

  /** Answers the next matching request(s) with an error instead of the route, e.g. 429/500/404 10062. */
  failNext(options: FailNextOptions): FaultHandle {
    return this.#faults.add(options);
  }

  get ackHeartbeats(): boolean {
    return this.#gateway.ackHeartbeats;
  }

  /** Stop (false) or resume (true) answering heartbeats; the client then reconnects and resumes. */
  set ackHeartbeats(value: boolean) {
    this.#gateway.ackHeartbeats = value;
  }

  /**
   * Closes gateway sockets with a close code (4000 = unknown error: the client resumes; 4007 and
   * 4009 end the session as on Discord, so a RESUME is refused and the client identifies again).
   */
  closeGatewaySockets(code = 4000, filter: ShardFilter = {}): number {
    return this.#gateway.closeSockets(code, filter);
  }

  /** Drops gateway sockets without a close frame (client sees 1006). */
  terminateGatewaySockets(filter: ShardFilter = {}): number {
    return this.#gateway.terminateSockets(filter);
  }

  /** Op 7: the client closes and resumes. */
  sendReconnect(filter: ShardFilter = {}): number {
    return this.#gateway.sendReconnect(filter);
  }

  /** Op 9: resumable → the client resumes; not resumable → session dropped, client re-identifies. */
  sendInvalidSession(resumable: boolean, filter: ShardFilter = {}): number {
    return this.#gateway.sendInvalidSession(resumable, filter);
  }

  /** Op 1 from the server: the client must heartbeat at once. */
  requestHeartbeat(filter: ShardFilter = {}): number {
    return this.#gateway.requestHeartbeat(filter);
  }

  // ---- Dispatch helpers ----------------------------------------------------------------

  sendSlashCommand(options: SlashCommandOptions): SentInteraction {
    return sendSlashCommand(this.#state, this.#gateway, options);
  }

  sendAutocomplete(options: AutocompleteOptions): SentInteraction {
    return sendAutocomplete(this.#state, this.#gateway, options);
  }

  sendButton(options: ButtonOptions): SentInteraction {
    return sendButton(this.#state, this.#gateway, options);
  }

  sendMessageCommand(options: MessageCommandOptions): SentInteraction {
    return sendMessageCommand(this.#state, this.#gateway, options);
  }

  /** A user's message as MESSAGE_CREATE (guild by default; `dm: true` for a DM). */
  sendMessage(options: SendMessageOptions): SentMessage {
    return sendMessage(this.#state, this.#gateway, options);
  }

  /** Stores a user's message without dispatching it (history for fetches, context-menu targets). */
  createMessage(options: SendMessageOptions): ApiMessage {
    return createUserMessage(this.#state, options);
  }

  /**
   * Escape hatch: any dispatch (e.g. GUILD_DELETE, CHANNEL_CREATE) to the sessions that own
   * `guildId` (null = DMs, shard 0). Returns how many sessions got it.
   */
  dispatch(event: string, data: unknown, guildId: string | null = this.guildId): number {
    return this.#gateway.dispatch(guildId, event, data);
  }

  // ---- Guild changes ---------------------------------------------------------------------

  /** Adds a role to a guild and tells the bot (GUILD_ROLE_CREATE), e.g. one with Manage Server. */
  createRole(name: string, permissions: bigint, guildId: string = this.guildId): ApiRole {
    const role = addRole(this.#state.ids, findGuild(this.#state.world, guildId), name, permissions);
    this.#gateway.dispatch(guildId, 'GUILD_ROLE_CREATE', { guild_id: guildId, role }, { requiredIntents: Intent.Guilds });
    return role;
  }

  /**
   * Gives a member exactly these roles (besides @everyone): interactions from then on carry the
   * permissions they add up to. GUILD_MEMBER_UPDATE goes only to sessions with the privileged
   * GuildMembers intent, as on Discord.
   */
  setMemberRoles(user: SceneOptions['user'], roleIds: readonly string[], guildId: string = this.guildId): void {
    const guild = findGuild(this.#state.world, guildId);
    const known = new Set(guild.roles.map((role) => role.id));
    const unknown = roleIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new Error(`setMemberRoles: no role ${unknown.join(', ')} in guild ${guildId}`);
    const resolved = resolveUser(this.#state, user);
    const member = ensureMember(guild, resolved);
    member.roles = [...roleIds];
    this.#gateway.dispatch(
      guildId,
      'GUILD_MEMBER_UPDATE',
      { ...member, guild_id: guildId, user: resolved },
      { requiredIntents: Intent.GuildMembers },
    );
  }

  /** The DM channel between `user` and the bot, opened the first time (as POST /users/@me/channels does). */
  dmChannelWith(user: SceneOptions['user'] = 'member'): ApiChannel {
    return openDmChannel(this.#state.world, this.#state.ids, resolveUser(this.#state, user));
  }

  /** Calls `listener` after every message is created, edited or deleted (the bot's and users'); returns what stops it. */
  onMessageChange(listener: (change: MessageChange) => void): () => void {
    return this.#state.messages.onChange(listener);
  }

  /** Discord's shard rule `(guild_id >> 22) % shard_count`. */
  shardForGuild(guildId: string, shardCount: number): number {
    return shardForGuild(guildId, shardCount);
  }

  // ---- Lifecycle -----------------------------------------------------------------------

  /** Terminates every socket and stops listening; pending waiters reject. Safe to call twice. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      await this.#gateway.close();
      this.#http.closeAllConnections();
      await new Promise<void>((resolve) => this.#http.close(() => resolve()));
      this.#requests.close(new Error('Discord test server closed'));
    })();
    return this.#closed;
  }
}

/** Starts the server on 127.0.0.1 with an ephemeral port; REST and gateway share it. */
export async function startDiscordServer(options: DiscordServerOptions = {}): Promise<DiscordServer> {
  const limits = resolveServerLimits(options.limits);
  const ids = new SnowflakeGenerator();
  const world = createWorld(ids, options);
  const requests = new WaitableLog<RecordedRequest>(summarizeRequest, limits.logEntries);
  const faults = new FaultInjector();
  let port = 0;
  const gatewayUrl = (): string => `ws://127.0.0.1:${port}`;
  // The gateway is created after the state, so the echo hook reaches it through this holder.
  const gatewayHolder: { current: Gateway | null } = { current: null };
  const echo = options.echoBotMessages ?? true;
  const state: ServerState = {
    world,
    ids,
    messages: new MessageStore(ids, world.users, limits.messagesPerChannel),
    interactions: new InteractionRegistry(limits.interactions),
    commands: new CommandRegistry(ids, world.applicationId),
    gatewayUrl,
    recommendedShards: options.shards ?? 1,
    onBotMessage: (message) => {
      const gateway = gatewayHolder.current;
      if (echo && gateway && shouldEchoBotMessage(message)) dispatchMessageCreate(state, gateway, message);
    },
  };
  const rest = new RestServer({ state, faults, log: requests, token: options.token });
  const http = createServer((req, res) => {
    const refusal = foreignRequestReason(req);
    if (refusal !== null) {
      res.writeHead(403, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: refusal, code: 0 }));
      return;
    }
    rest.handle(req, res).catch((error: unknown) => {
      console.error('[discord-server] request failed', error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message: '500: Internal Server Error', code: 0 }));
    });
  });
  const gateway = new Gateway(http, {
    world,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    ackHeartbeats: options.ackHeartbeats ?? true,
    token: options.token,
    url: gatewayUrl,
    logEntries: limits.logEntries,
  });
  gatewayHolder.current = gateway;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => {
      http.off('error', reject);
      resolve();
    });
  });
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('HTTP server has no TCP address');
  port = address.port;
  return new DiscordServer({ http, gateway, state, requests, faults, port });
}

/** A POST /channels/:id/messages whose message_reference is `messageId`. */
function isReplyTo(request: RecordedRequest, messageId: string): boolean {
  const body = request.body;
  return (
    request.route === Route.ChannelMessages &&
    request.method === 'POST' &&
    isRecord(body) &&
    isRecord(body.message_reference) &&
    body.message_reference.message_id === messageId
  );
}
