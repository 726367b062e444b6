/**
 * The playground's web page and what it talks to, on 127.0.0.1: the page's files, the state of
 * the playground's channel and DM, a stream of message changes (server-sent events), and the
 * actions a person takes (`page-actions.ts`). It serves nothing but that, refuses requests from
 * anything but a loopback name or a loopback page (`loopback.ts`), and takes no token.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { ApiMessage, MessageChange } from './discord-server/index.js';
import { foreignRequestReason } from './loopback.js';
import { hasManageServer, isActionName, performAction, type PageWorld } from './page-actions.js';

/** The page's files by URL path: plain HTML, CSS and ES modules, served as they are (no build step). */
const PAGE_FILES: Readonly<Record<string, { file: string; type: string }>> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/playground.css': { file: 'playground.css', type: 'text/css; charset=utf-8' },
  '/playground.js': { file: 'playground.js', type: 'text/javascript; charset=utf-8' },
  '/composer.js': { file: 'composer.js', type: 'text/javascript; charset=utf-8' },
  '/render-message.js': { file: 'render-message.js', type: 'text/javascript; charset=utf-8' },
  '/markdown.js': { file: 'markdown.js', type: 'text/javascript; charset=utf-8' },
  '/welcome.js': { file: 'welcome.js', type: 'text/javascript; charset=utf-8' },
};

/** A person's action is a few hundred bytes; anything far larger is not from the page. */
const MAX_ACTION_BYTES = 64 * 1024;

/**
 * Nothing but the page's own files may run or load: an article or a question that somehow became
 * markup would still not run. (The page builds its DOM from text in the first place.)
 */
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
} as const;

export interface PageServer {
  /** `http://127.0.0.1:PORT`, what a person opens. */
  readonly url: string;
  readonly port: number;
  /** Ends the event streams and stops listening. Safe to call twice. */
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:`port` (0: a free port); rejects with a message naming PLAYGROUND_PORT when the port is taken. */
export async function startPageServer(world: PageWorld, port: number): Promise<PageServer> {
  const files = await loadPageFiles();
  const streams = new Set<ServerResponse>();
  const http = createServer((req, res) => {
    handle(world, files, streams, req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { error: `The playground failed: ${error instanceof Error ? error.message : String(error)}` });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`PLAYGROUND_PORT ${port} is already in use on 127.0.0.1: stop what uses it, or set PLAYGROUND_PORT to another port`)
          : error,
      );
    });
    http.listen(port, '127.0.0.1', () => resolve());
  });
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('the playground page has no TCP address');
  let closed: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        http.closeAllConnections();
        http.close(() => resolve());
      });
      return closed;
    },
  };
}

async function loadPageFiles(): Promise<Map<string, { body: Buffer; type: string }>> {
  const entries = await Promise.all(
    Object.entries(PAGE_FILES).map(async ([path, { file, type }]) => {
      const body = await readFile(new URL(`./page/${file}`, import.meta.url));
      return [path, { body, type }] as const;
    }),
  );
  return new Map(entries);
}

async function handle(
  world: PageWorld,
  files: ReadonlyMap<string, { body: Buffer; type: string }>,
  streams: Set<ServerResponse>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const refusal = foreignRequestReason(req);
  if (refusal !== null) {
    res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(refusal);
    return;
  }
  const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  const method = req.method ?? 'GET';
  if (path === '/favicon.ico') {
    // Browsers ask for it unprompted; the page has none.
    res.writeHead(204, SECURITY_HEADERS);
    res.end();
    return;
  }
  if (path === '/report') {
    if (method !== 'GET' && method !== 'HEAD') return sendJson(res, 405, { error: `${path} is read with GET` });
    return sendReport(world, res, method);
  }
  const file = files.get(path);
  if (file !== undefined || path === '/state' || path === '/events' || path === '/messages') {
    if (method !== 'GET' && method !== 'HEAD') return sendJson(res, 405, { error: `${path} is read with GET` });
    if (file !== undefined) {
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.type, 'Content-Length': file.body.length });
      res.end(method === 'HEAD' ? undefined : file.body);
    } else if (path === '/state') {
      sendJson(res, 200, await pageState(world));
    } else if (path === '/messages') {
      const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
      const view = query.get('where');
      const before = query.get('before') ?? '';
      if ((view !== 'channel' && view !== 'dm') || !/^\d{1,20}$/.test(before)) {
        return sendJson(res, 400, { error: '/messages needs where=channel or where=dm, and before=<message id>' });
      }
      sendJson(res, 200, world.discord.messagePage(viewChannelId(world, view), MESSAGES_PER_LOAD, before));
    } else {
      openEventStream(world, streams, req, res);
    }
    return;
  }
  const action = /^\/actions\/([a-z-]+)$/.exec(path)?.[1];
  if (action === undefined || !isActionName(action)) return sendJson(res, 404, { error: `Nothing here: ${path}` });
  if (method !== 'POST') return sendJson(res, 405, { error: 'Actions are sent with POST' });
  // A form on another site can post text/plain or form data without asking; it cannot post JSON.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return sendJson(res, 415, { error: 'Actions are JSON (Content-Type: application/json)' });
  }
  const raw = await readLimited(req, MAX_ACTION_BYTES);
  if (raw === null) return sendJson(res, 413, { error: `An action is at most ${MAX_ACTION_BYTES} bytes` });
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return sendJson(res, 400, { error: 'The action is not valid JSON' });
  }
  if (world.discord.sessions.length === 0) return sendJson(res, 503, { error: 'The bot is not connected yet; try again in a moment.' });
  const result = await performAction(world, action, body);
  sendJson(res, result.status, result.body);
}

/** How many messages the page gets at a time, as Discord's client loads them. */
const MESSAGES_PER_LOAD = 50;

function viewChannelId(world: PageWorld, view: 'channel' | 'dm'): string {
  return view === 'dm' ? world.discord.dmChannelWith('member').id : world.discord.channelId;
}

/**
 * Who is who, the commands the bot registered, and the last 50 messages of the channel and of
 * the DM, with whether earlier ones can be loaded (`/messages`).
 */
async function pageState(world: PageWorld): Promise<Record<string, unknown>> {
  const { discord } = world;
  const dm = discord.dmChannelWith('member');
  const channel = discord.guild.channels.find((candidate) => candidate.id === discord.channelId);
  const inChannel = discord.messagePage(discord.channelId, MESSAGES_PER_LOAD);
  const inDm = discord.messagePage(dm.id, MESSAGES_PER_LOAD);
  return {
    you: discord.memberUser,
    bot: discord.botUser,
    guild: { id: discord.guildId, name: discord.guild.name },
    channel: { id: discord.channelId, name: channel?.name ?? 'general' },
    dm: { id: dm.id },
    commands: discord.registeredCommands(),
    manageServer: hasManageServer(world),
    messages: [...inChannel.messages, ...inDm.messages].sort(bySnowflake),
    earlier: { channel: inChannel.hasEarlier, dm: inDm.hasEarlier },
    welcome: await world.welcome.current(),
  };
}

function bySnowflake(a: ApiMessage, b: ApiMessage): number {
  const difference = BigInt(a.id) - BigInt(b.id);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/**
 * Server-sent events: one `data:` line of JSON per message change in the page's channel or DM,
 * and a `welcome` event with the new welcome when the bot's corpus changes.
 */
function openEventStream(world: PageWorld, streams: Set<ServerResponse>, req: IncomingMessage, res: ServerResponse): void {
  const { discord } = world;
  const shown = new Set([discord.channelId, discord.dmChannelWith('member').id]);
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
  res.write('retry: 1000\n\n');
  const stopMessages = discord.onMessageChange((change: MessageChange) => {
    // JSON.stringify escapes newlines, so the event is one line whatever the message holds.
    if (shown.has(change.message.channel_id)) res.write(`data: ${JSON.stringify(change)}\n\n`);
  });
  const stopWelcome = world.welcome.onChange(() => {
    void world.welcome.current().then((welcome) => {
      if (!res.writableEnded) res.write(`event: welcome\ndata: ${JSON.stringify(welcome)}\n\n`);
    });
  });
  streams.add(res);
  req.on('close', () => {
    stopMessages();
    stopWelcome();
    streams.delete(res);
  });
}

/**
 * The question log's report, made now: the page `npm run report` writes, with its own policy
 * (its style is inline; it has no script and loads nothing).
 */
async function sendReport(world: PageWorld, res: ServerResponse, method: string): Promise<void> {
  const html =
    world.report === null
      ? '<!doctype html><meta charset="utf-8"><title>No question log</title><p>The question log is off (QUESTION_LOG=off), so there is no report.</p>'
      : await world.report();
  const body = Buffer.from(html, 'utf8');
  res.writeHead(world.report === null ? 404 : 200, {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': REPORT_POLICY,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': body.length,
  });
  res.end(method === 'HEAD' ? undefined : body);
}

const REPORT_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** The body as text, or null once it passes `limit` bytes (the rest is not read). */
async function readLimited(req: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
