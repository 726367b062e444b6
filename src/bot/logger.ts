import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config, LogLevel } from '../config.js';

export type { Logger } from 'pino';

const REDACTED = '[redacted]';

/** Shorter values are not treated as secrets: scrubbing them would mangle ordinary words. */
const MIN_SECRET_LENGTH = 8;

export interface CreateLoggerOptions {
  readonly level: LogLevel;
  /** Values that must never appear in a log line, such as the bot token. */
  readonly secrets?: readonly (string | null | undefined)[];
  /**
   * Human-readable lines via pino-pretty, when that package is installed. It is a dev dependency,
   * so a production install (`npm ci --omit=dev`) writes JSON lines even when this is true.
   * Default false; `prettyLogsWanted` says when a person is watching.
   */
  readonly pretty?: boolean;
  /** Where JSON lines go (tests collect them). Default: stdout. Ignored when the lines are pretty. */
  readonly destination?: DestinationStream;
}

/**
 * The bot's logger. The token is kept out twice over: known fields are redacted by path, and every
 * finished line (messages, error messages, stacks, anything) has each secret replaced by
 * `[redacted]` before it is written.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter(
    (secret): secret is string => typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH,
  );
  const pretty = options.pretty === true && prettyPrinterInstalled();
  const target: DestinationStream = pretty
    ? pino.transport({
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
      })
    : (options.destination ?? pino.destination(1));
  const scrubErr = (err: Error): unknown => scrubValue(pino.stdSerializers.err(err), secrets);

  return pino(
    {
      level: options.level,
      base: { name: 'article-qa-bot' },
      redact: {
        paths: ['token', '*.token', 'config.token', 'headers.authorization', '*.headers.authorization', 'DISCORD_TOKEN'],
        censor: REDACTED,
      },
      serializers: { err: scrubErr, error: scrubErr },
    },
    secrets.length === 0 ? target : { write: (line: string) => target.write(scrubSecrets(line, secrets)) },
  );
}

/** Pretty lines are for a person watching a terminal, and never for production, where logs are collected. */
export function prettyLogsWanted(config: Pick<Config, 'production'>, stdout: { readonly isTTY?: boolean }): boolean {
  return !config.production && stdout.isTTY === true;
}

/**
 * Whether `pino-pretty` can be loaded from `from` (default: this module). pino loads a transport
 * in a worker and throws when it is missing, so the logger asks first instead of crashing.
 */
export function prettyPrinterInstalled(from: string | URL = import.meta.url): boolean {
  try {
    createRequire(from).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

const INTERACTION_TOKEN_IN_URL = /(\/(?:interactions|webhooks)\/\d+\/)[\w.-]{20,}/g;

/** The text with every occurrence of every secret replaced by `[redacted]`. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  // An interaction's token (in callback and webhook URLs of REST errors) lets anyone answer in
  // its name for 15 minutes: not a log's business either.
  let scrubbed = text.replace(INTERACTION_TOKEN_IN_URL, `$1${REDACTED}`);
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) scrubbed = scrubbed.replaceAll(secret, REDACTED);
  }
  return scrubbed;
}

function scrubValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value, secrets);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => scrubValue(item, secrets, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]: [string, unknown]) => [key, scrubValue(item, secrets, depth + 1)]));
}
