import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { foreignRequestReason } from '../loopback.js';
import { findGuild, guildCreatePayload, type World } from './fixtures.js';
import type { GatewayPayload } from './payloads.js';
import { isRecord } from './payloads.js';
import { shardForGuild } from './snowflake.js';
import { WaitableLog } from './waitable-log.js';

/** Gateway opcodes (Discord's values). */
export const GatewayOp = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

/** Gateway intent bits (Discord's values) the server filters events by. */
export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

export type GatewayLogKind =
  | 'connect'
  | 'identify'
  | 'resume'
  | 'heartbeat'
  | 'dispatch'
  | 'replay'
  | 'reconnect'
  | 'invalid_session'
  | 'close'
  | 'client_payload';

/** One thing that happened on the gateway, for assertions and waiters. */
export interface GatewayLogEntry {
  readonly kind: GatewayLogKind;
  readonly at: number;
  readonly connectionId: number;
  readonly shardId: number | null;
  readonly sessionId: string | null;
  /** Dispatch event name for `dispatch`/`replay`. */
  readonly event?: string;
  readonly seq?: number;
  /** Close code for `close` (who closed is in `detail`). */
  readonly code?: number;
  readonly detail?: string;
  readonly payload?: unknown;
}

/** A gateway session survives socket closes so the client can RESUME it. */
export interface GatewaySession {
  readonly id: string;
  readonly shardId: number;
  readonly shardCount: number;
  readonly intents: number;
  seq: number;
  /** Dispatches in order, replayed after the client's last seen `s` on RESUME. */
  readonly history: GatewayPayload[];
  connection: GatewayConnection | null;
  /** Set when Discord would forget the session (client closed with 1000/1001, or op 9 false). */
  invalidated: boolean;
}

interface GatewayConnection {
  readonly id: number;
  readonly socket: WebSocket;
  session: GatewaySession | null;
}

export interface GatewayOptions {
  world: World;
  heartbeatIntervalMs: number;
  ackHeartbeats: boolean;
  /** When set, IDENTIFY/RESUME with another token is closed with 4004. */
  token: string | undefined;
  /** Sent as `resume_gateway_url` in READY. */
  url: () => string;
  /** How many entries `log` keeps. */
  logEntries: number;
}

export interface DispatchOptions {
  /** Sessions that lack any of these intent bits do not get the event, as on Discord. */
  requiredIntents?: number;
  /** Adapts the payload per session (e.g. strips message content without the MessageContent intent). */
  perSession?: (data: unknown, session: GatewaySession) => unknown;
}

/** Selects which sockets/sessions a fault method applies to; all when omitted. */
export interface ShardFilter {
  shardId?: number;
}

const HISTORY_LIMIT = 2_000;

/** Close codes after which Discord says "reconnect and start a new session". */
const SESSION_ENDING_CLOSE_CODES: ReadonlySet<number> = new Set([4007, 4009]);

/** The Discord gateway v10 (JSON encoding, no compression) over a `ws` WebSocketServer. */
export class Gateway {
  readonly log: WaitableLog<GatewayLogEntry>;
  readonly #options: GatewayOptions;
  readonly #wss: WebSocketServer;
  readonly #connections = new Set<GatewayConnection>();
  readonly #sessions = new Map<string, GatewaySession>();
  #nextConnectionId = 1;
  ackHeartbeats: boolean;

  constructor(httpServer: HttpServer, options: GatewayOptions) {
    this.#options = options;
    this.log = new WaitableLog<GatewayLogEntry>(summarizeGatewayEntry, options.logEntries);
    this.ackHeartbeats = options.ackHeartbeats;
    // Shares the HTTP server's port; any upgrade path is accepted since the client appends only a query.
    // An upgrade from a foreign Host or a web page's Origin is refused before it becomes a connection.
    this.#wss = new WebSocketServer({
      server: httpServer,
      verifyClient: ({ req }, accept) => {
        const refusal = foreignRequestReason(req);
        if (refusal === null) accept(true);
        else accept(false, 403, refusal);
      },
    });
    this.#wss.on('connection', (socket, req) => this.#onConnection(socket, req));
  }

  /** Live (not invalidated) sessions, newest last. */
  get sessions(): GatewaySession[] {
    return [...this.#sessions.values()].filter((s) => !s.invalidated);
  }

  /**
   * Sends a dispatch to every live session whose shard owns `guildId` (shard 0 for DMs, i.e.
   * guildId null); returns how many sessions got it (or queued it until they resume).
   */
  dispatch(guildId: string | null, event: string, data: unknown, options: DispatchOptions = {}): number {
    const required = options.requiredIntents ?? 0;
    let count = 0;
    for (const session of this.sessionsFor(guildId)) {
      if ((session.intents & required) !== required) continue;
      this.#dispatch(session, event, options.perSession ? options.perSession(data, session) : data);
      count += 1;
    }
    return count;
  }

  /** Sessions that would receive an event for this guild (or DMs when guildId is null). */
  sessionsFor(guildId: string | null): GatewaySession[] {
    return this.sessions.filter((s) => (guildId === null ? s.shardId === 0 : shardForGuild(guildId, s.shardCount) === s.shardId));
  }

  /**
   * Closes sockets with `code`. Like Discord, 4007 (invalid seq) and 4009 (session timed out) end
   * the session: a RESUME after them is refused with a non-resumable op 9, so the client must
   * IDENTIFY again. Other codes (e.g. 4000) leave it resumable; 1000/1001 end it once echoed.
   */
  closeSockets(code: number, filter: ShardFilter = {}): number {
    const targets = this.#connectionsMatching(filter);
    for (const connection of targets) {
      this.#logEntry('close', connection, { code, detail: 'server closed' });
      if (SESSION_ENDING_CLOSE_CODES.has(code) && connection.session) connection.session.invalidated = true;
      connection.socket.close(code);
    }
    return targets.length;
  }

  /** Drops sockets without a close frame (the client sees 1006, like a network failure). */
  terminateSockets(filter: ShardFilter = {}): number {
    const targets = this.#connectionsMatching(filter);
    for (const connection of targets) {
      this.#logEntry('close', connection, { code: 1006, detail: 'server terminated' });
      connection.socket.terminate();
    }
    return targets.length;
  }

  sendReconnect(filter: ShardFilter = {}): number {
    const targets = this.#connectionsMatching(filter).filter((c) => c.session !== null);
    for (const connection of targets) {
      this.#logEntry('reconnect', connection);
      this.#send(connection, { op: GatewayOp.Reconnect, d: null, s: null, t: null });
    }
    return targets.length;
  }

  /** Op 9. When not resumable the session is forgotten, so a RESUME would fail too. */
  sendInvalidSession(resumable: boolean, filter: ShardFilter = {}): number {
    const targets = this.#connectionsMatching(filter).filter((c) => c.session !== null);
    for (const connection of targets) {
      if (!resumable && connection.session) connection.session.invalidated = true;
      this.#logEntry('invalid_session', connection, { detail: `resumable=${resumable}` });
      this.#send(connection, { op: GatewayOp.InvalidSession, d: resumable, s: null, t: null });
    }
    return targets.length;
  }

  /** Op 1 from the server: the client must heartbeat immediately. */
  requestHeartbeat(filter: ShardFilter = {}): number {
    const targets = this.#connectionsMatching(filter);
    for (const connection of targets) this.#send(connection, { op: GatewayOp.Heartbeat, d: null, s: null, t: null });
    return targets.length;
  }

  async close(): Promise<void> {
    for (const connection of this.#connections) connection.socket.terminate();
    this.#connections.clear();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.log.close(new Error('Discord test server closed'));
  }

  #connectionsMatching(filter: ShardFilter): GatewayConnection[] {
    return [...this.#connections].filter(
      (c) => c.socket.readyState === WebSocket.OPEN && (filter.shardId === undefined || c.session?.shardId === filter.shardId),
    );
  }

  #onConnection(socket: WebSocket, req: IncomingMessage): void {
    const connection: GatewayConnection = { id: this.#nextConnectionId++, socket, session: null };
    this.#connections.add(connection);
    this.#logEntry('connect', connection, { detail: req.url ?? '' });
    socket.on('message', (data: RawData, isBinary: boolean) => this.#onMessage(connection, data, isBinary));
    socket.on('close', (code: number) => this.#onClose(connection, code));
    socket.on('error', () => {
      // A reset socket also emits 'close', which does the cleanup.
    });
    this.#send(connection, {
      op: GatewayOp.Hello,
      d: { heartbeat_interval: this.#options.heartbeatIntervalMs },
      s: null,
      t: null,
    });
  }

  #onClose(connection: GatewayConnection, code: number): void {
    this.#connections.delete(connection);
    const session = connection.session;
    if (session && session.connection === connection) {
      session.connection = null;
      // Discord forgets a session the client closed normally; 4xxx closes (e.g. 4200) keep it resumable.
      if (code === 1000 || code === 1001) session.invalidated = true;
    }
    this.#logEntry('close', connection, { code, detail: 'socket closed' });
  }

  #onMessage(connection: GatewayConnection, data: RawData, isBinary: boolean): void {
    const payload = isBinary ? null : parseGatewayPayload(rawToString(data));
    if (!payload) {
      // 4002 Decode error, as Discord answers an undecodable payload.
      connection.socket.close(4002);
      return;
    }
    switch (payload.op) {
      case GatewayOp.Heartbeat:
        this.#logEntry('heartbeat', connection, { payload: payload.d });
        if (this.ackHeartbeats) this.#send(connection, { op: GatewayOp.HeartbeatAck, d: null, s: null, t: null });
        return;
      case GatewayOp.Identify:
        this.#onIdentify(connection, payload.d);
        return;
      case GatewayOp.Resume:
        this.#onResume(connection, payload.d);
        return;
      case GatewayOp.RequestGuildMembers:
        this.#logEntry('client_payload', connection, { detail: `op ${payload.op}`, payload: payload.d });
        this.#onRequestGuildMembers(connection, payload.d);
        return;
      case GatewayOp.PresenceUpdate:
      case GatewayOp.VoiceStateUpdate:
        this.#logEntry('client_payload', connection, { detail: `op ${payload.op}`, payload: payload.d });
        return;
      default:
        connection.socket.close(4001); // Unknown opcode.
    }
  }

  #onIdentify(connection: GatewayConnection, d: unknown): void {
    this.#logEntry('identify', connection, { payload: redactToken(d) });
    if (connection.session) {
      connection.socket.close(4005); // Already authenticated.
      return;
    }
    if (!isRecord(d) || typeof d.token !== 'string') {
      connection.socket.close(4002);
      return;
    }
    if (this.#options.token !== undefined && stripBotPrefix(d.token) !== this.#options.token) {
      connection.socket.close(4004); // Authentication failed.
      return;
    }
    if (typeof d.intents !== 'number') {
      connection.socket.close(4013); // Invalid intents.
      return;
    }
    const [shardId, shardCount] = readShard(d.shard);
    if (shardId < 0 || shardCount < 1 || shardId >= shardCount) {
      connection.socket.close(4010); // Invalid shard.
      return;
    }
    const { world } = this.#options;
    const session: GatewaySession = {
      id: randomBytes(16).toString('hex'),
      shardId,
      shardCount,
      intents: d.intents,
      seq: 0,
      history: [],
      connection,
      invalidated: false,
    };
    this.#sessions.set(session.id, session);
    connection.session = session;
    const ownGuilds = world.guilds.filter((g) => shardForGuild(g.id, shardCount) === shardId);
    this.#dispatch(session, 'READY', {
      v: 10,
      user: { ...world.botUser, verified: true, mfa_enabled: false, email: null },
      user_settings: {},
      guilds: ownGuilds.map((g) => ({ id: g.id, unavailable: true })),
      relationships: [],
      private_channels: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      session_type: 'normal',
      session_id: session.id,
      resume_gateway_url: this.#options.url(),
      shard: [shardId, shardCount],
      application: { id: world.applicationId, flags: 0 },
      auth: {},
    });
    // Without a GUILD_CREATE per guild the client waits 15 s before emitting ClientReady.
    for (const guild of ownGuilds) this.#dispatch(session, 'GUILD_CREATE', guildCreatePayload(guild));
  }

  #onResume(connection: GatewayConnection, d: unknown): void {
    const sessionId = isRecord(d) && typeof d.session_id === 'string' ? d.session_id : null;
    const session = sessionId !== null ? this.#sessions.get(sessionId) : undefined;
    this.#logEntry('resume', connection, {
      payload: redactToken(d),
      detail: session === undefined ? 'unknown session' : session.invalidated ? 'invalidated session' : 'known session',
    });
    if (!isRecord(d) || typeof d.token !== 'string') {
      connection.socket.close(4002);
      return;
    }
    if (this.#options.token !== undefined && stripBotPrefix(d.token) !== this.#options.token) {
      connection.socket.close(4004);
      return;
    }
    if (!session || session.invalidated) {
      // Discord answers a RESUME of a dead session with a non-resumable op 9.
      this.#logEntry('invalid_session', connection, { detail: 'resumable=false (resume of unknown or invalidated session)' });
      this.#send(connection, { op: GatewayOp.InvalidSession, d: false, s: null, t: null });
      return;
    }
    const previous = session.connection;
    if (previous && previous !== connection && previous.socket.readyState === WebSocket.OPEN) {
      previous.session = null;
      previous.socket.close(4000);
    }
    session.connection = connection;
    connection.session = session;
    const lastSeen = typeof d.seq === 'number' ? d.seq : 0;
    for (const missed of session.history.filter((p) => p.s !== null && p.s > lastSeen)) {
      this.#logEntry('replay', connection, { event: missed.t ?? '', seq: missed.s ?? 0 });
      this.#send(connection, missed);
    }
    this.#dispatch(session, 'RESUMED', null);
  }

  /** Answers guild.members.fetch() with one GUILD_MEMBERS_CHUNK, else that call waits forever. */
  #onRequestGuildMembers(connection: GatewayConnection, d: unknown): void {
    const session = connection.session;
    if (!session || !isRecord(d) || typeof d.guild_id !== 'string') return;
    const guild = findGuild(this.#options.world, d.guild_id);
    const userIds = Array.isArray(d.user_ids) ? d.user_ids : typeof d.user_ids === 'string' ? [d.user_ids] : null;
    const query = typeof d.query === 'string' ? d.query.toLowerCase() : '';
    const members = [...guild.members.values()].filter((m) => {
      if (!m.user) return false;
      if (userIds) return userIds.includes(m.user.id);
      return m.user.username.toLowerCase().startsWith(query);
    });
    this.#dispatch(session, 'GUILD_MEMBERS_CHUNK', {
      guild_id: guild.id,
      members,
      chunk_index: 0,
      chunk_count: 1,
      not_found: [],
      ...(typeof d.nonce === 'string' ? { nonce: d.nonce } : {}),
    });
  }

  /** Sequences and logs a dispatch; it is queued in history and sent now if a socket is attached. */
  #dispatch(session: GatewaySession, event: string, data: unknown): void {
    session.seq += 1;
    const payload: GatewayPayload = { op: GatewayOp.Dispatch, d: data, s: session.seq, t: event };
    session.history.push(payload);
    if (session.history.length > HISTORY_LIMIT) session.history.shift();
    const connection = session.connection;
    this.log.push({
      kind: 'dispatch',
      at: Date.now(),
      connectionId: connection?.id ?? 0,
      shardId: session.shardId,
      sessionId: session.id,
      event,
      seq: session.seq,
      detail: connection ? 'sent' : 'queued until resume',
    });
    if (connection) this.#send(connection, payload);
  }

  #send(connection: GatewayConnection, payload: GatewayPayload): void {
    if (connection.socket.readyState === WebSocket.OPEN) connection.socket.send(JSON.stringify(payload));
  }

  #logEntry(
    kind: GatewayLogKind,
    connection: GatewayConnection,
    extra: Partial<Omit<GatewayLogEntry, 'kind' | 'at' | 'connectionId' | 'shardId' | 'sessionId'>> = {},
  ): void {
    this.log.push({
      kind,
      at: Date.now(),
      connectionId: connection.id,
      shardId: connection.session?.shardId ?? null,
      sessionId: connection.session?.id ?? null,
      ...extra,
    });
  }
}

function readShard(value: unknown): [number, number] {
  if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') return [value[0], value[1]];
  return [0, 1];
}

function stripBotPrefix(token: string): string {
  return token.replace(/^Bot /, '');
}

/** Keeps the token out of logs that tests may print. */
function redactToken(d: unknown): unknown {
  return isRecord(d) && 'token' in d ? { ...d, token: '[redacted]' } : d;
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

function parseGatewayPayload(text: string): GatewayPayload | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || typeof parsed.op !== 'number') return null;
  return {
    op: parsed.op,
    d: parsed.d ?? null,
    s: typeof parsed.s === 'number' ? parsed.s : null,
    t: typeof parsed.t === 'string' ? parsed.t : null,
  };
}

export function summarizeGatewayEntry(entry: GatewayLogEntry): string {
  const parts = [`${entry.kind}`, `conn=${entry.connectionId}`];
  if (entry.shardId !== null) parts.push(`shard=${entry.shardId}`);
  if (entry.event !== undefined) parts.push(`${entry.event}#${entry.seq ?? '?'}`);
  if (entry.code !== undefined) parts.push(`code=${entry.code}`);
  if (entry.detail !== undefined) parts.push(entry.detail);
  return parts.join(' ');
}
