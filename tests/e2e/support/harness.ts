/**
 * Starts the bot the way `npm start` does (`loadConfig` + `startBot`), against the local
 * Discord-compatible server, with a temp copy of the corpus and a temp feedback file.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployCommands } from '../../../src/bot/deploy-commands.js';
import type { EngineLoader } from '../../../src/bot/engine-holder.js';
import type { FeedPollingOptions } from '../../../src/bot/feed-polling.js';
import { createLogger } from '../../../src/bot/logger.js';
import { startBot, type RunningBot, type StartBotOptions } from '../../../src/bot/start.js';
import { loadConfig } from '../../../src/config.js';
import { startDiscordServer, type DiscordServer, type DiscordServerOptions } from '../../../src/playground/discord-server/index.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SHIPPED_CORPUS = join(REPO_ROOT, 'corpus');

export const TOKEN = 'e2e-test-token-0123456789';

/** One JSON log line the bot wrote. */
export type LogLine = Readonly<Record<string, unknown>>;

export interface E2EOptions {
  /** Extra environment for `loadConfig` (DISCORD_TOKEN, DISCORD_API_URL, CORPUS_DIR, FEEDBACK_FILE, LOG_LEVEL are set). */
  readonly env?: Readonly<Record<string, string>>;
  /** Files written into the corpus copy, by relative path. */
  readonly corpusFiles?: Readonly<Record<string, string>>;
  /** Copy the shipped `corpus/` into the temp corpus folder. Default true. */
  readonly copyShippedCorpus?: boolean;
  /** Wraps the engine loader (the seam for an engine that fails). */
  readonly loadEngine?: (corpusDir: string) => EngineLoader;
  readonly server?: DiscordServerOptions;
  /** Feed polling interval and retry wait in milliseconds (the bot's test seam). */
  readonly feedPolling?: FeedPollingOptions;
  /** The embedding workers' settings (the bot's test seam), when `env` turns VECTORS on. */
  readonly vectors?: StartBotOptions['vectors'];
}

export interface E2E {
  readonly server: DiscordServer;
  readonly bot: RunningBot;
  readonly tempDir: string;
  readonly corpusDir: string;
  readonly feedbackFile: string;
  /** Everything the bot logged (pino JSON lines, level info and up). */
  readonly logs: LogLine[];
  /** Moves the bot's clock (rate limits, button state expiry) forward. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

export async function startE2E(options: E2EOptions = {}): Promise<E2E> {
  const server = await startDiscordServer({ token: TOKEN, ...options.server });
  const tempDir = await mkdtemp(join(tmpdir(), 'article-qa-e2e-'));
  try {
    // Registered like `npm run deploy-commands` does, so interactions carry the real option types.
    await deployCommands({ token: TOKEN, clientId: server.applicationId, guildId: server.guildId, apiUrl: server.apiUrl });

    const corpusDir = join(tempDir, 'corpus');
    if (options.copyShippedCorpus ?? true) await cp(SHIPPED_CORPUS, corpusDir, { recursive: true });
    else await mkdir(corpusDir, { recursive: true });
    for (const [file, text] of Object.entries(options.corpusFiles ?? {})) {
      const path = join(corpusDir, file);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, 'utf8');
    }
    const feedbackFile = join(tempDir, 'data', 'feedback.jsonl');

    const config = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: server.apiUrl,
      CORPUS_DIR: corpusDir,
      FEEDBACK_FILE: feedbackFile,
      LOG_LEVEL: 'info',
      // Sentence vectors have tests of their own; here the bot answers by words, without a model to load.
      VECTORS: 'off',
      ...options.env,
    });
    if (config.token === null) throw new Error('loadConfig lost the token');

    const logs: LogLine[] = [];
    const logger = createLogger({
      level: config.logLevel,
      secrets: [config.token],
      pretty: false,
      destination: { write: (line: string) => void logs.push(parseLogLine(line)) },
    });
    let clockOffset = 0;
    const bot = await startBot(
      { ...config, token: config.token },
      {
        logger,
        now: () => Date.now() + clockOffset,
        ...(options.loadEngine ? { loadEngine: options.loadEngine(corpusDir) } : {}),
        ...(options.feedPolling ? { feedPolling: options.feedPolling } : {}),
        ...(options.vectors ? { vectors: options.vectors } : {}),
      },
    );
    return {
      server,
      bot,
      tempDir,
      corpusDir,
      feedbackFile,
      logs,
      advanceClock: (ms) => {
        clockOffset += ms;
      },
      close: async () => {
        await bot.stop();
        await server.close();
        await rm(tempDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server.close();
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
}

/** One pino JSON line as an object (a line that is not JSON becomes its `msg`). */
export function parseLogLine(line: string): LogLine {
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null ? Object.fromEntries(Object.entries(parsed)) : { msg: line };
  } catch {
    return { msg: line };
  }
}

/** pino's numeric levels. */
export const LogLevel = { warn: 40, error: 50, fatal: 60 } as const;

export function logsAtOrAbove(logs: readonly LogLine[], level: number): LogLine[] {
  return logs.filter((line) => typeof line.level === 'number' && line.level >= level);
}

/**
 * Resolves once the bot has no handler running: a reply can reach the server a moment before
 * its handler finishes (e.g. remembers the answer for its buttons).
 */
export async function settled(bot: RunningBot, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (bot.inFlight() > 0) {
    if (Date.now() > deadline) throw new Error(`the bot still had ${bot.inFlight()} handlers running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
