/**
 * `npm run load` (`node --expose-gc --import tsx load/run.ts [--quick] [--seed N]`): a bounded
 * load test of the bot against the local Discord-compatible test server, both in this process,
 * on 127.0.0.1 only.
 *
 * 2,000 events (`--quick`: 200) from 50 users at about 35 a second: `/ask` (some private),
 * @mentions, DMs, and clicks on "More results" and 👍 under earlier answers. The rate limit is
 * set to the most any ordinary user asks, so that five heavy users go over it and get the
 * ephemeral "try again" for every question past it, while nobody else is refused.
 *
 * Checks that every event is answered exactly once and with the right kind of reply, that the
 * server refused no request, that the feedback file holds one whole line per 👍, and that the
 * bot's heap after `global.gc()` grew by no more than a few MB; prints a Markdown summary and
 * exits 1 when any check fails.
 *
 * The test server runs in a worker thread: its request log grows with every request and must
 * not be mistaken for the bot's memory. The bot runs on this thread, as `npm start` runs it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { deployCommands } from '../src/bot/deploy-commands.js';
import { createLogger } from '../src/bot/logger.js';
import { startBot, type RunningBot } from '../src/bot/start.js';
import { loadConfig } from '../src/config.js';
import { SHIPPED_CORPUS, settled } from '../tests/e2e/support/harness.js';
import type { FromWorker, ServerInfo, ToWorker, WorkerData } from './protocol.js';
import { summarize, type CacheSizes } from './report.js';
import { QUESTIONS, loadUser, makePlan, type PlannedEvent } from './schedule.js';
import { awaitsReply, Tracker, type TrackedEvent } from './tracker.js';

const TOKEN = 'load-test-token-0123456789';
const USERS = 50;
const HEAVY_USERS = 5;
const HEAVY_WEIGHT = 4;
const WARM_UP_EVENTS = 40;
/** How long to wait for the last replies after the last event was sent. */
const DRAIN_TIMEOUT_MS = 20_000;
/** How long a button click waits for an answer to click on. */
const POOL_WAIT_MS = 5_000;
const HEAP_GROWTH_LIMIT = 8 * 1024 * 1024;
const MAX_EVENTS = 10_000;
const MAX_RATE = 100;

interface Options {
  readonly quick: boolean;
  readonly events: number;
  readonly rate: number;
  readonly seed: number;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      events: { type: 'string' },
      rate: { type: 'string', default: '35' },
      seed: { type: 'string', default: '20250703' },
    },
  });
  const quick = values.quick === true;
  const events = Number(values.events ?? (quick ? 200 : 2000));
  const rate = Number(values.rate);
  const seed = Number(values.seed);
  if (!Number.isInteger(events) || events < 1 || events > MAX_EVENTS) throw new Error(`--events must be 1 to ${MAX_EVENTS}`);
  if (!(rate > 0 && rate <= MAX_RATE)) throw new Error(`--rate must be above 0 and at most ${MAX_RATE} a second`);
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  return { quick, events, rate, seed };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return false;
  gc();
  gc();
  return true;
}

/** The server worker, with tsx registered inside it (workers do not inherit `--import`). */
class ServerWorker {
  readonly #worker: Worker;
  readonly #tracker: Tracker;
  readonly #sent = new Map<number, (result: { at: number } | { error: string }) => void>();
  #ready: Promise<ServerInfo>;
  #closed: Promise<number> | null = null;
  #onClosed: ((requests: number) => void) | null = null;

  constructor(tracker: Tracker) {
    this.#tracker = tracker;
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./server-worker.ts', import.meta.url).href;
    const data: WorkerData = { token: TOKEN };
    this.#worker = new Worker(
      `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
      { eval: true, workerData: data },
    );
    this.#ready = new Promise<ServerInfo>((resolve, reject) => {
      this.#worker.once('error', reject);
      this.#worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') resolve(message.info);
        else this.#onMessage(message);
      });
    });
  }

  ready(): Promise<ServerInfo> {
    return this.#ready;
  }

  send(message: Exclude<ToWorker, { op: 'close' }>): Promise<{ at: number } | { error: string }> {
    return new Promise((resolve) => {
      this.#sent.set(message.seq, resolve);
      this.#worker.postMessage(message);
    });
  }

  close(): Promise<number> {
    this.#closed ??= new Promise<number>((resolve) => {
      this.#onClosed = resolve;
      this.#worker.postMessage({ op: 'close' } satisfies ToWorker);
      // Should the worker not answer, do not hang: terminate it.
      setTimeout(() => void this.#worker.terminate().then(() => resolve(-1)), 5_000).unref();
    });
    return this.#closed;
  }

  #onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'requests':
        this.#tracker.onRecords(message.records);
        return;
      case 'sent':
        this.#sent.get(message.seq)?.({ at: message.at });
        this.#sent.delete(message.seq);
        return;
      case 'send-failed':
        this.#sent.get(message.seq)?.({ error: message.error });
        this.#sent.delete(message.seq);
        return;
      case 'closed':
        this.#onClosed?.(message.requests);
        return;
      case 'ready':
        return;
    }
  }
}

/** Sends events at a steady pace; a button click goes to one of the answers received so far. */
class Driver {
  #random: () => number;

  constructor(
    private readonly server: ServerWorker,
    private readonly tracker: Tracker,
    seed: number,
  ) {
    let state = seed ^ 0x5bd1e995;
    this.#random = () => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return state / 4_294_967_296;
    };
  }

  /** Sends the events `1000 / rate` ms apart; resolves when the worker has sent them all. Returns the seconds taken. */
  async run(events: readonly PlannedEvent[], rate: number): Promise<number> {
    const interval = 1000 / rate;
    const started = performance.now();
    const pending: Promise<void>[] = [];
    for (const [index, planned] of events.entries()) {
      const wait = started + index * interval - performance.now();
      if (wait > 1) await sleep(wait);
      pending.push((await this.#send(planned)).confirmed);
    }
    await Promise.all(pending);
    return (performance.now() - started) / 1000;
  }

  /** Sends one event; resolves once it is on its way, with a promise of the worker's confirmation. */
  async #send(planned: PlannedEvent): Promise<{ confirmed: Promise<void> }> {
    const user = loadUser(planned.user);
    let message: Exclude<ToWorker, { op: 'close' }>;
    if (planned.kind === 'more' || planned.kind === 'vote') {
      const target = await this.#buttonTarget(planned.kind);
      if (target === null) {
        this.tracker.get(planned.seq).sendError = 'no answer with buttons to click on';
        return { confirmed: Promise.resolve() };
      }
      message = { op: 'button', seq: planned.seq, user, customId: target.customId, messageId: target.messageId };
    } else if (planned.kind === 'slash') {
      message = { op: 'slash', seq: planned.seq, user, question: planned.question, private: planned.private };
    } else {
      message = { op: 'mention', seq: planned.seq, user, question: planned.question, dm: planned.kind === 'dm' };
    }
    const tracked = this.tracker.get(planned.seq);
    const confirmed = this.server.send(message).then((result) => {
      if ('error' in result) tracked.sendError = result.error;
      else tracked.sentAt = result.at;
    });
    return { confirmed };
  }

  async #buttonTarget(kind: 'more' | 'vote'): Promise<{ messageId: string; customId: string } | null> {
    const deadline = Date.now() + POOL_WAIT_MS;
    while (this.tracker.answerMessages.length === 0) {
      if (Date.now() > deadline) return null;
      await sleep(20);
    }
    const pool = this.tracker.answerMessages;
    // Mostly recent answers, as people click under what they just got.
    const recent = pool.slice(-200);
    const candidates = kind === 'more' ? recent.filter((message) => message.buttons.some((id) => id.startsWith('more:'))) : recent;
    const from = candidates.length > 0 ? candidates : recent;
    const target = from[Math.floor(this.#random() * from.length)] ?? from[0];
    if (target === undefined) return null;
    const prefix = kind === 'more' ? 'more:' : 'fb:up:';
    const customId = target.buttons.find((id) => id.startsWith(prefix)) ?? (kind === 'more' ? 'more:2' : 'fb:up:1');
    return { messageId: target.messageId, customId };
  }
}

async function waitForReplies(tracker: Tracker, phase: TrackedEvent['phase'], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const events = [...tracker.events.values()].filter((event) => event.phase === phase);
  while (events.some(awaitsReply) && Date.now() < deadline) await sleep(50);
}

/** What the bot keeps between events: discord.js caches, each bounded by count or by time. */
function cacheSizes(bot: RunningBot): CacheSizes {
  const { client } = bot;
  let messages = 0;
  for (const channel of client.channels.cache.values()) {
    if (channel.isTextBased()) messages += channel.messages.cache.size;
  }
  return {
    restHandlers: client.rest.handlers.size,
    channels: client.channels.cache.size,
    messages,
    users: client.users.cache.size,
  };
}

/** How many lines a JSON Lines file holds, how many do not parse, and whether it ends with a whole line. */
async function readJsonLines(file: string): Promise<{ lines: number; unparsable: number; endsWithNewline: boolean }> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const lines = text.split('\n').filter((line) => line !== '');
  let unparsable = 0;
  for (const line of lines) {
    try {
      JSON.parse(line);
    } catch {
      unparsable += 1;
    }
  }
  return { lines: lines.length, unparsable, endsWithNewline: text === '' || text.endsWith('\n') };
}

async function main(): Promise<number> {
  const options = readOptions();
  const plan = makePlan({
    events: options.events,
    users: USERS,
    heavyUsers: HEAVY_USERS,
    heavyWeight: HEAVY_WEIGHT,
    seed: options.seed,
    questionsFirst: Math.ceil(options.rate),
  });
  // A window longer than the run: no question leaves it, so who is refused is known exactly.
  const windowSeconds = Math.min(86_400, Math.max(600, Math.ceil(options.events / options.rate) * 2 + 120));
  const rateLimit = { questions: plan.rateLimit, windowSeconds };
  const gcAvailable = collectGarbage();
  process.stderr.write(
    `load: ${options.events} events from ${USERS} users at ${options.rate}/s (seed ${options.seed}); ` +
      `rate limit ${rateLimit.questions} per ${windowSeconds} s${gcAvailable ? '' : '; no --expose-gc, heap not measured'}\n`,
  );

  const tracker = new Tracker(rateLimit.questions);
  const server = new ServerWorker(tracker);
  const tempDir = await mkdtemp(join(tmpdir(), 'article-qa-load-'));
  let bot: RunningBot | null = null;
  try {
    const info = await server.ready();
    await deployCommands({ token: TOKEN, clientId: info.applicationId, guildId: info.guildId, apiUrl: info.apiUrl });
    const feedbackFile = join(tempDir, 'data', 'feedback.jsonl');
    const questionLog = join(tempDir, 'data', 'questions.jsonl');
    const config = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: info.apiUrl,
      CORPUS_DIR: SHIPPED_CORPUS,
      FEEDBACK_FILE: feedbackFile,
      QUESTION_LOG: questionLog,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_QUESTIONS: String(rateLimit.questions),
      RATE_LIMIT_WINDOW_SECONDS: String(rateLimit.windowSeconds),
    });
    if (config.token === null) throw new Error('loadConfig lost the token');

    const botErrors: string[] = [];
    let botWarnings = 0;
    const logger = createLogger({
      level: 'warn',
      secrets: [config.token],
      pretty: false,
      destination: {
        write: (line: string) => {
          const level = /"level":(\d+)/.exec(line)?.[1];
          if (Number(level) >= 50) {
            if (botErrors.length < 20) botErrors.push(`bot error log: ${line.trim().slice(0, 300)}`);
          } else {
            botWarnings += 1;
          }
        },
      },
    });
    bot = await startBot({ ...config, token: config.token }, { logger });
    // What logging costs a reply: the time of each call to the question log's `record` (the real
    // sink, the one the handlers hold); the lines are written later, off the reply's path.
    const recordMs: number[] = [];
    const sink = bot.questions;
    const record = sink.record.bind(sink);
    sink.record = (event) => {
      const started = performance.now();
      record(event);
      recordMs.push(performance.now() - started);
    };
    const driver = new Driver(server, tracker, options.seed);

    // Warm-up: every kind of event once or more, each from its own user (one question each, so
    // never limited), so that caches and lazily loaded data are in place before the baseline.
    const kinds = ['slash', 'mention', 'dm', 'slash', 'more', 'vote'] as const;
    const warmUp: PlannedEvent[] = Array.from({ length: WARM_UP_EVENTS }, (_, index) => ({
      seq: -1 - index,
      kind: index < 6 ? 'slash' : (kinds[index % kinds.length] ?? 'slash'),
      user: USERS + index,
      question: QUESTIONS[index % QUESTIONS.length] ?? 'What did Putin say about his goals?',
      private: false,
    }));
    // Everything the tracker keeps is allocated now, before the heap baseline.
    tracker.plan(warmUp, (event) => loadUser(event.user).id, 'warm-up');
    tracker.plan(plan.events, (event) => loadUser(event.user).id, 'run');
    await driver.run(warmUp, options.rate);
    await waitForReplies(tracker, 'warm-up', DRAIN_TIMEOUT_MS);
    await settled(bot, 10_000);
    await sleep(200);
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const cachesBefore = cacheSizes(bot);

    const sendSeconds = await driver.run(plan.events, options.rate);
    await waitForReplies(tracker, 'run', DRAIN_TIMEOUT_MS);
    await settled(bot, 10_000).catch((error: unknown) => {
      botErrors.push(`handlers still running: ${error instanceof Error ? error.message : String(error)}`);
    });
    // Late duplicates would arrive now.
    await sleep(500);
    collectGarbage();
    const heapAfter = process.memoryUsage().heapUsed;
    const cachesAfter = cacheSizes(bot);
    // What the bot's sweep (every minute, and past 100 handlers) does: drop the REST queue of every finished interaction.
    const rest = bot.client.rest;
    rest.handlers.sweep((handler) => handler.inactive);
    collectGarbage();
    const heapAfterSweep = process.memoryUsage().heapUsed;
    // And without the messages discord.js caches (at most 200 a channel, a channel per DM user).
    for (const channel of bot.client.channels.cache.values()) {
      if (channel.isTextBased()) channel.messages.cache.clear();
    }
    collectGarbage();
    const heapWithoutCaches = process.memoryUsage().heapUsed;

    await bot.stop();
    bot = null;
    await server.close();

    const verdict = summarize({
      plan,
      tracker,
      rateLimit,
      targetRate: options.rate,
      sendSeconds,
      heapBefore,
      heapAfter,
      heapAfterSweep,
      heapWithoutCaches,
      cachesBefore,
      cachesAfter,
      heapLimit: HEAP_GROWTH_LIMIT,
      gcAvailable,
      feedback: await readJsonLines(feedbackFile),
      questionLog: { ...(await readJsonLines(questionLog)), recordMs },
      botErrors,
      botWarnings,
      quick: options.quick,
    });
    process.stdout.write(`${verdict.markdown}\n`);
    return verdict.ok ? 0 : 1;
  } finally {
    await bot?.stop().catch(() => undefined);
    await server.close();
    await rm(tempDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`load test failed to run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
