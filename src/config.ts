/**
 * The one place that reads the environment. Everything else receives a validated `Config`.
 * Every variable is documented in `.env.example` at the repository root.
 */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface RateLimitConfig {
  /** How many questions one user may ask per window. `RATE_LIMIT_QUESTIONS`, default 5. */
  readonly questions: number;
  /** Length of the sliding window in seconds. `RATE_LIMIT_WINDOW_SECONDS`, default 30. */
  readonly windowSeconds: number;
}

export interface Config {
  /** `DISCORD_TOKEN`: the bot token; null when not configured (the bot cannot run, `npm run ask` can). */
  readonly token: string | null;
  /** `DISCORD_CLIENT_ID`: the application id, needed to register commands and build the invite URL. */
  readonly clientId: string | null;
  /** `DISCORD_GUILD_ID`: when set, commands are registered in this one guild (instant, for development). */
  readonly guildId: string | null;
  /** `CORPUS_DIR`: the folder of article files. Default `corpus/`. */
  readonly corpusDir: string;
  /** `LOG_LEVEL`: pino level. Default `info`. */
  readonly logLevel: LogLevel;
  readonly rateLimit: RateLimitConfig;
  /** `DISCORD_API_URL`: REST base such as `http://127.0.0.1:PORT/api`; null means Discord's own. */
  readonly apiUrl: string | null;
  /** `FEEDBACK_FILE`: where 👍/👎 votes are appended, one JSON object a line. Default `data/feedback.jsonl`. */
  readonly feedbackFile: string;
  /**
   * `SHARD_COUNT`: run this many shards, one process each, under discord.js's ShardingManager;
   * `auto` asks the REST API's `/gateway/bot`. Unset: one process, no sharding.
   */
  readonly shardCount: number | 'auto' | null;
  /**
   * `NODE_ENV` is `production`: logs stay JSON lines even in a terminal, and `npm start` without a
   * token prints the set-up help instead of starting the playground.
   */
  readonly production: boolean;
  /**
   * This process is one shard that a ShardingManager started (discord.js sets `SHARDING_MANAGER`
   * in its environment): it takes `/reload` orders from the manager and never shards again.
   */
  readonly shardProcess: boolean;
  /** `FEEDS`: RSS / Atom feed addresses the running bot polls for new articles. Default: none. */
  readonly feeds: readonly string[];
  /** `FEED_INTERVAL_MINUTES`: minutes between two readings of each feed. Default 30. */
  readonly feedIntervalMinutes: number;
  /**
   * `FETCH_ALLOW_LOOPBACK`: let `npm run add`, `/add` and feeds fetch from loopback addresses
   * (127.0.0.0/8, ::1), for tests and local use. Default false; no other non-public address is ever fetched.
   */
  readonly fetchAllowLoopback: boolean;
  /**
   * `PLAYGROUND_PORT`: where the playground's page listens, on 127.0.0.1 only (`npm start` without a
   * token, `npm run playground`). Default 3000; 0 picks a free port.
   */
  readonly playgroundPort: number;
  /**
   * `FOLLOW_UP_MINUTES`: a person's next question in the same channel within this many minutes
   * of their last one is a follow-up of it (a reply to an answer and a question in a thread the
   * bot answered in always are). Default 5; 0 turns this rule off.
   */
  readonly followUpMinutes: number;
  /**
   * `INDEX_SNAPSHOT_PATH`: the file the index snapshot is read from and saved to; null means
   * `.index-snapshot` in the corpus folder. Set it when that folder is read-only.
   */
  readonly indexSnapshotPath: string | null;
  /**
   * `QUESTION_LOG`: where every question the bot handles is appended, one JSON object a line
   * (README "The question log" lists every field). Default `data/questions.jsonl`; `off` (null
   * here) writes nothing and creates no file.
   */
  readonly questionLog: string | null;
  /** `QUESTION_LOG_DAYS`: question log lines older than this are dropped when the log is rotated. Default 30. */
  readonly questionLogDays: number;
  /**
   * `CORPUS_ADMIN_GUILDS`: the servers whose members with Manage Server may `/add` and `/reload`.
   * Empty (unset): `DISCORD_GUILD_ID` when set, else any server while the bot is in only one.
   */
  readonly corpusAdminGuilds: readonly string[];
  /** `ADD_ARTICLES_PER_HOUR`: articles `/add` may add per server in any hour. Default 20. */
  readonly addArticlesPerHour: number;
  /** `CORPUS_MAX_MB`: `/add` refuses an article that would take the corpus folder past this many megabytes. Default 500. */
  readonly corpusMaxMb: number;
  /** Sentence vectors: `VECTORS`, `VECTOR_CACHE`, `VECTOR_WORKERS`. */
  readonly vectors: VectorConfig;
}

/** How the bot and `npm run ask` compare meaning (issue 18). */
export interface VectorConfig {
  /** `VECTORS`: compare the meaning of questions and sentences as well as their words. Default true; false answers by words only. */
  readonly enabled: boolean;
  /** `VECTOR_CACHE`: the folder where computed sentence vectors are kept between runs. Default `data/vector-cache/`. */
  readonly cacheDir: string;
  /** `VECTOR_WORKERS`: worker threads that embed sentences, 1-16; null: min(2, cores). */
  readonly workers: number | null;
}

/** A config whose token is known to be present: what the bot needs to run. */
export type RunnableConfig = Config & { readonly token: string };

export interface ConfigProblem {
  readonly variable: string;
  /** A full sentence naming the variable, what is expected and what was given. */
  readonly message: string;
}

/** One or more environment variables have values the bot cannot use. */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(problems.map((problem) => problem.message).join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** The problems as a bulleted list, for printing at start-up. */
export function describeConfigProblems(error: ConfigError): string {
  return error.problems.map((problem) => `  - ${problem.message}`).join('\n');
}

export const CONFIG_DEFAULTS = {
  corpusDir: 'corpus/',
  logLevel: 'info',
  rateLimitQuestions: 5,
  rateLimitWindowSeconds: 30,
  feedbackFile: 'data/feedback.jsonl',
  feedIntervalMinutes: 30,
  playgroundPort: 3000,
  followUpMinutes: 5,
  vectorCacheDir: 'data/vector-cache/',
  questionLog: 'data/questions.jsonl',
  questionLogDays: 30,
  addArticlesPerHour: 20,
  corpusMaxMb: 500,
} as const;

type Env = Readonly<Record<string, string | undefined>>;

/** Reads and validates the environment; throws one `ConfigError` listing every invalid variable. */
export function loadConfig(env: Env = process.env): Config {
  const problems: ConfigProblem[] = [];
  const config: Config = {
    token: parseToken(env, problems),
    clientId: parseSnowflake(env, 'DISCORD_CLIENT_ID', problems),
    guildId: parseSnowflake(env, 'DISCORD_GUILD_ID', problems),
    corpusDir: parsePath(env, 'CORPUS_DIR', CONFIG_DEFAULTS.corpusDir, problems),
    logLevel: parseLogLevel(env, problems),
    rateLimit: {
      questions: parseWholeNumber(
        env,
        'RATE_LIMIT_QUESTIONS',
        { min: 1, max: 1000, fallback: CONFIG_DEFAULTS.rateLimitQuestions },
        problems,
      ),
      windowSeconds: parseWholeNumber(
        env,
        'RATE_LIMIT_WINDOW_SECONDS',
        { min: 1, max: 86_400, fallback: CONFIG_DEFAULTS.rateLimitWindowSeconds },
        problems,
      ),
    },
    apiUrl: parseApiUrl(env, problems),
    feedbackFile: parsePath(env, 'FEEDBACK_FILE', CONFIG_DEFAULTS.feedbackFile, problems),
    shardCount: parseShardCount(env, problems),
    production: env.NODE_ENV === 'production',
    shardProcess: isShardProcess(env),
    feeds: parseFeeds(env, problems),
    feedIntervalMinutes: parseWholeNumber(
      env,
      'FEED_INTERVAL_MINUTES',
      { min: 1, max: 10_080, fallback: CONFIG_DEFAULTS.feedIntervalMinutes },
      problems,
    ),
    fetchAllowLoopback: parseBoolean(env, 'FETCH_ALLOW_LOOPBACK', false, problems),
    playgroundPort: parseWholeNumber(
      env,
      'PLAYGROUND_PORT',
      { min: 0, max: 65_535, fallback: CONFIG_DEFAULTS.playgroundPort },
      problems,
      ' (0 picks a free port)',
    ),
    indexSnapshotPath: parseFilePath(env, 'INDEX_SNAPSHOT_PATH', problems),
    followUpMinutes: parseWholeNumber(
      env,
      'FOLLOW_UP_MINUTES',
      { min: 0, max: 1440, fallback: CONFIG_DEFAULTS.followUpMinutes },
      problems,
      ' (0 turns it off)',
    ),
    vectors: parseVectorConfig(env, problems),
    questionLog: parseQuestionLog(env, problems),
    questionLogDays: parseWholeNumber(env, 'QUESTION_LOG_DAYS', { min: 1, max: 3650, fallback: CONFIG_DEFAULTS.questionLogDays }, problems),
    corpusAdminGuilds: parseSnowflakeList(env, 'CORPUS_ADMIN_GUILDS', problems),
    addArticlesPerHour: parseWholeNumber(
      env,
      'ADD_ARTICLES_PER_HOUR',
      { min: 1, max: 10_000, fallback: CONFIG_DEFAULTS.addArticlesPerHour },
      problems,
    ),
    corpusMaxMb: parseWholeNumber(env, 'CORPUS_MAX_MB', { min: 1, max: 1_000_000, fallback: CONFIG_DEFAULTS.corpusMaxMb }, problems),
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * Only the sentence-vector variables, for `npm run ask`, which needs no other setting: throws a
 * `ConfigError` naming each invalid one.
 */
export function loadVectorConfig(env: Env = process.env): VectorConfig {
  const problems: ConfigProblem[] = [];
  const vectors = parseVectorConfig(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return vectors;
}

function parseVectorConfig(env: Env, problems: ConfigProblem[]): VectorConfig {
  return {
    enabled: parseBoolean(env, 'VECTORS', true, problems),
    cacheDir: parsePath(env, 'VECTOR_CACHE', CONFIG_DEFAULTS.vectorCacheDir, problems),
    workers:
      envValue(env, 'VECTOR_WORKERS') === undefined
        ? null
        : parseWholeNumber(env, 'VECTOR_WORKERS', { min: 1, max: 16, fallback: 1 }, problems),
  };
}

/** An unset variable and one set to only whitespace both mean "use the default" (as `.env.example` leaves them). */
function envValue(env: Env, variable: string): string | undefined {
  const raw = env[variable];
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** How a bad value is quoted in a message; long values are shortened. (The token is never passed here.) */
function shown(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

function parseToken(env: Env, problems: ConfigProblem[]): string | null {
  const value = envValue(env, 'DISCORD_TOKEN');
  if (value === undefined) return null;
  // Some people paste the token with the HTTP scheme word in front; discord.js wants the bare token.
  const bare = value.replace(/^Bot\s+/i, '');
  if (/\s/.test(bare) || /^["']|["']$/.test(bare)) {
    problems.push({
      variable: 'DISCORD_TOKEN',
      message:
        'DISCORD_TOKEN must be the bot token exactly as copied from the Developer Portal (Bot > Reset Token), ' +
        'without spaces or quotes (the value given contains spaces or quotes; it is not shown here)',
    });
    return null;
  }
  return bare;
}

function parseSnowflake(env: Env, variable: string, problems: ConfigProblem[]): string | null {
  const value = envValue(env, variable);
  if (value === undefined) return null;
  if (!/^\d{17,20}$/.test(value)) {
    problems.push({
      variable,
      message: `${variable} must be a Discord ID: 17 to 20 digits, e.g. 123456789012345678 (got ${shown(value)})`,
    });
    return null;
  }
  return value;
}

function parsePath(env: Env, variable: string, fallback: string, problems: ConfigProblem[]): string {
  const value = envValue(env, variable);
  if (value === undefined) return fallback;
  if (value.includes('\0')) {
    problems.push({ variable, message: `${variable} must be a file system path, without NUL characters` });
    return fallback;
  }
  return value;
}

/** An optional path that must name a file (the folders above it are created when it is written). */
function parseFilePath(env: Env, variable: string, problems: ConfigProblem[]): string | null {
  const value = envValue(env, variable);
  if (value === undefined) return null;
  if (value.includes('\0') || /[\\/]$/u.test(value)) {
    problems.push({
      variable,
      message: `${variable} must be the path of a file, not of a folder, without NUL characters (got ${shown(value)})`,
    });
    return null;
  }
  return value;
}

/** `QUESTION_LOG`: a file path, or `off` for no log at all. */
function parseQuestionLog(env: Env, problems: ConfigProblem[]): string | null {
  const value = envValue(env, 'QUESTION_LOG');
  if (value !== undefined && value.toLowerCase() === 'off') return null;
  if (value !== undefined && /[\\/]$/u.test(value)) {
    problems.push({
      variable: 'QUESTION_LOG',
      message: `QUESTION_LOG must be the path of a file (or off), not of a folder (got ${shown(value)})`,
    });
    return CONFIG_DEFAULTS.questionLog;
  }
  return parsePath(env, 'QUESTION_LOG', CONFIG_DEFAULTS.questionLog, problems);
}

/** Discord ids separated by commas or spaces; unset is an empty list. */
function parseSnowflakeList(env: Env, variable: string, problems: ConfigProblem[]): readonly string[] {
  const value = envValue(env, variable);
  if (value === undefined) return [];
  const ids: string[] = [];
  for (const entry of value.split(/[\s,]+/u).filter((part) => part !== '')) {
    if (!/^\d{17,20}$/u.test(entry)) {
      problems.push({
        variable,
        message: `${variable} must list server (guild) IDs of 17 to 20 digits, separated by commas (got ${shown(entry)})`,
      });
      continue;
    }
    if (!ids.includes(entry)) ids.push(entry);
  }
  return ids;
}

function parseLogLevel(env: Env, problems: ConfigProblem[]): LogLevel {
  const value = envValue(env, 'LOG_LEVEL');
  if (value === undefined) return CONFIG_DEFAULTS.logLevel;
  const level = LOG_LEVELS.find((candidate) => candidate === value.toLowerCase());
  if (level === undefined) {
    problems.push({
      variable: 'LOG_LEVEL',
      message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got ${shown(value)})`,
    });
    return CONFIG_DEFAULTS.logLevel;
  }
  return level;
}

interface WholeNumberRule {
  readonly min: number;
  readonly max: number;
  readonly fallback: number;
}

function parseWholeNumber(env: Env, variable: string, rule: WholeNumberRule, problems: ConfigProblem[], alternatives = ''): number {
  const value = envValue(env, variable);
  if (value === undefined) return rule.fallback;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < rule.min || number > rule.max) {
    problems.push({
      variable,
      message: `${variable} must be a whole number from ${rule.min} to ${rule.max}${alternatives} (got ${shown(value)})`,
    });
    return rule.fallback;
  }
  return number;
}

function isShardProcess(env: Env): boolean {
  return envValue(env, 'SHARDING_MANAGER') !== undefined;
}

function parseShardCount(env: Env, problems: ConfigProblem[]): number | 'auto' | null {
  // A shard process started by the ShardingManager gets SHARD_COUNT from discord.js; it is not a request to shard again.
  if (isShardProcess(env)) return null;
  const value = envValue(env, 'SHARD_COUNT');
  if (value === undefined) return null;
  if (value.toLowerCase() === 'auto') return 'auto';
  return parseWholeNumber(env, 'SHARD_COUNT', { min: 1, max: 10_000, fallback: 1 }, problems, ' or auto');
}

function parseApiUrl(env: Env, problems: ConfigProblem[]): string | null {
  const value = envValue(env, 'DISCORD_API_URL');
  if (value === undefined) return null;
  const expected =
    'DISCORD_API_URL must be an http(s) URL of a Discord REST base without query or fragment, ' +
    `e.g. http://127.0.0.1:3000/api, or unset for Discord's own (got ${shown(value)})`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push({ variable: 'DISCORD_API_URL', message: expected });
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search !== '' || url.hash !== '') {
    problems.push({ variable: 'DISCORD_API_URL', message: expected });
    return null;
  }
  // discord.js appends `/v10/...` itself; a trailing slash would make `//v10`.
  return value.replace(/\/+$/, '');
}

/** `FEEDS`: feed addresses separated by commas, spaces or new lines; each must be an absolute http(s) URL. */
function parseFeeds(env: Env, problems: ConfigProblem[]): readonly string[] {
  const value = envValue(env, 'FEEDS');
  if (value === undefined) return [];
  const feeds: string[] = [];
  for (const entry of value.split(/[\s,]+/u).filter((part) => part !== '')) {
    let url: URL | null = null;
    try {
      url = new URL(entry);
    } catch {
      url = null;
    }
    if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      problems.push({
        variable: 'FEEDS',
        message: `FEEDS must list RSS or Atom feed addresses starting with http:// or https://, separated by commas or spaces (got ${shown(entry)})`,
      });
      continue;
    }
    if (!feeds.includes(url.href)) feeds.push(url.href);
  }
  return feeds;
}

function parseBoolean(env: Env, variable: string, fallback: boolean, problems: ConfigProblem[]): boolean {
  const value = envValue(env, variable);
  if (value === undefined) return fallback;
  const lower = value.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(lower)) return true;
  if (['false', '0', 'no', 'off'].includes(lower)) return false;
  problems.push({ variable, message: `${variable} must be true or false (got ${shown(value)})` });
  return fallback;
}
