/**
 * The bot's own start-up (`loadConfig` + `startBot`) against the local Discord-compatible server,
 * for fault tests: any token, any log level, raw log lines kept, and the startBot seams the
 * e2e harness does not pass on (`gatewayOptions` for a no-op identify throttle, `loadEngine`).
 *
 * The shipped corpus is read in place (nothing writes to it); only the feedback file is temporary.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployCommands } from '../../../src/bot/deploy-commands.js';
import type { EngineLoader } from '../../../src/bot/engine-holder.js';
import { createLogger, type Logger } from '../../../src/bot/logger.js';
import { startBot, type RunningBot, type StartBotOptions } from '../../../src/bot/start.js';
import { loadConfig, type LogLevel } from '../../../src/config.js';
import {
  startDiscordServer,
  testClientOptions,
  type DiscordServer,
  type DiscordServerOptions,
  type GatewayLogEntry,
} from '../../../src/playground/discord-server/index.js';
import { parseLogLine, SHIPPED_CORPUS, TOKEN, type LogLine } from '../../e2e/support/harness.js';

export interface FaultBotOptions {
  /** The bot's DISCORD_TOKEN; the server accepts only this one. Default: the e2e token. */
  readonly token?: string;
  readonly server?: Omit<DiscordServerOptions, 'token'>;
  /** LOG_LEVEL. Default `trace`: every line the bot can write is captured. */
  readonly logLevel?: LogLevel;
  /** Skip discord.js's 5 s identify spacing (through startBot's `gatewayOptions` seam). Default true. */
  readonly fastIdentify?: boolean;
  readonly loadEngine?: (corpusDir: string) => EngineLoader;
  /** Extra environment for `loadConfig`. */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Builds the logger from where its lines should go. Default: `createLogger` exactly as
   * `npm start` builds it (the token as a secret), writing JSON lines to the capture.
   */
  readonly logger?: (write: (line: string) => void, level: LogLevel, token: string) => Logger;
  readonly startOptions?: Omit<StartBotOptions, 'logger' | 'loadEngine' | 'gatewayOptions'>;
}

export interface FaultBot {
  readonly server: DiscordServer;
  readonly bot: RunningBot;
  readonly token: string;
  /** Every line the logger wrote, exactly as written. */
  readonly rawLogs: string[];
  /** The same lines, parsed. */
  readonly logs: LogLine[];
  close(): Promise<void>;
}

/** Starts a server that accepts only `token`, registers the commands, and starts the bot. */
export async function startFaultBot(options: FaultBotOptions = {}): Promise<FaultBot> {
  const token = options.token ?? TOKEN;
  const server = await startDiscordServer({ ...options.server, token });
  const tempDir = await mkdtemp(join(tmpdir(), 'article-qa-faults-'));
  const cleanUp = async (): Promise<void> => {
    await server.close();
    await rm(tempDir, { recursive: true, force: true });
  };
  try {
    await deployCommands({ token, clientId: server.applicationId, guildId: server.guildId, apiUrl: server.apiUrl });
    const started = await startCapturedBot(server, token, tempDir, options);
    return {
      ...started,
      server,
      token,
      close: async () => {
        try {
          await started.bot.stop();
        } finally {
          await cleanUp();
        }
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

export interface CapturedStart {
  readonly bot: RunningBot;
  readonly rawLogs: string[];
  readonly logs: LogLine[];
}

/**
 * `loadConfig` + `startBot` against `server` with `token`, capturing the log. Rejects as startBot
 * does; `capture` (when given) receives the lines even then.
 */
export async function startCapturedBot(
  server: DiscordServer,
  token: string,
  tempDir: string,
  options: FaultBotOptions = {},
  capture: { rawLogs: string[]; logs: LogLine[] } = { rawLogs: [], logs: [] },
): Promise<CapturedStart> {
  const config = loadConfig({
    DISCORD_TOKEN: token,
    DISCORD_API_URL: server.apiUrl,
    CORPUS_DIR: SHIPPED_CORPUS,
    FEEDBACK_FILE: join(tempDir, 'data', 'feedback.jsonl'),
    LOG_LEVEL: options.logLevel ?? 'trace',
    VECTORS: 'off',
    ...options.env,
  });
  if (config.token === null) throw new Error('loadConfig lost the token');
  const write = (line: string): void => {
    capture.rawLogs.push(line);
    capture.logs.push(parseLogLine(line));
  };
  const logger =
    options.logger?.(write, config.logLevel, config.token) ??
    createLogger({ level: config.logLevel, secrets: [config.token], pretty: false, destination: { write } });
  const bot = await startBot(
    { ...config, token: config.token },
    {
      ...options.startOptions,
      logger,
      ...(options.loadEngine ? { loadEngine: options.loadEngine(SHIPPED_CORPUS) } : {}),
      ...((options.fastIdentify ?? true) ? { gatewayOptions: testClientOptions(server).ws } : {}),
    },
  );
  return { bot, rawLogs: capture.rawLogs, logs: capture.logs };
}

// ---- Gateway log ------------------------------------------------------------------------------

/** Gateway log entries from index `mark` on. */
export function gatewaySince(server: DiscordServer, mark: number): GatewayLogEntry[] {
  return server.gatewayLog.slice(mark);
}

/** Waits for a gateway log entry at index `mark` or later that passes `predicate`. */
export function waitForGatewaySince(
  server: DiscordServer,
  mark: number,
  predicate: (entry: GatewayLogEntry) => boolean,
  timeoutMs = 5_000,
): Promise<GatewayLogEntry> {
  return server.waitForGatewayEvent((entry) => server.gatewayLog.indexOf(entry) >= mark && predicate(entry), timeoutMs);
}

/** The close the server saw for the socket (`socket closed`, logged once the close has happened). */
export const socketClosed = (entry: GatewayLogEntry): boolean => entry.kind === 'close' && entry.detail === 'socket closed';

/** A RESUME of a session the server still knows. */
export const resumedKnownSession = (entry: GatewayLogEntry): boolean => entry.kind === 'resume' && entry.detail === 'known session';

// ---- Unhandled rejections -----------------------------------------------------------------

/** Collects unhandled promise rejections in this process until `stop()`. */
export function watchUnhandledRejections(): { readonly reasons: unknown[]; stop(): void } {
  const reasons: unknown[] = [];
  const listener = (reason: unknown): void => {
    reasons.push(reason);
  };
  process.on('unhandledRejection', listener);
  return { reasons, stop: () => process.off('unhandledRejection', listener) };
}
