import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadVectorConfig } from '../../src/config.js';

function problemsFor(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => problem.message);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      token: null,
      clientId: null,
      guildId: null,
      corpusDir: 'corpus/',
      logLevel: 'info',
      rateLimit: { questions: 5, windowSeconds: 30 },
      apiUrl: null,
      feedbackFile: 'data/feedback.jsonl',
      shardCount: null,
      production: false,
      shardProcess: false,
      feeds: [],
      feedIntervalMinutes: 30,
      fetchAllowLoopback: false,
      playgroundPort: 3000,
      indexSnapshotPath: null,
      followUpMinutes: 5,
      vectors: { enabled: true, cacheDir: 'data/vector-cache/', workers: null },
      questionLog: 'data/questions.jsonl',
      questionLogDays: 30,
      corpusAdminGuilds: [],
      addArticlesPerHour: 20,
      corpusMaxMb: 500,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 'abc.def.ghi',
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_GUILD_ID: '876543210987654321',
      CORPUS_DIR: 'articles/',
      LOG_LEVEL: 'DEBUG',
      RATE_LIMIT_QUESTIONS: '10',
      RATE_LIMIT_WINDOW_SECONDS: '60',
      DISCORD_API_URL: 'http://127.0.0.1:3000/api/',
      FEEDBACK_FILE: '/tmp/feedback.jsonl',
      SHARD_COUNT: '3',
      NODE_ENV: 'production',
      FEEDS: 'https://news.example/rss.xml, https://other.example/atom',
      FEED_INTERVAL_MINUTES: '15',
      FETCH_ALLOW_LOOPBACK: 'true',
      PLAYGROUND_PORT: '8080',
      INDEX_SNAPSHOT_PATH: '/var/cache/article-qa-bot/index-snapshot',
      FOLLOW_UP_MINUTES: '10',
      VECTORS: 'off',
      VECTOR_CACHE: '/var/cache/article-qa-bot/vectors',
      VECTOR_WORKERS: '3',
      QUESTION_LOG: '/var/lib/article-qa-bot/questions.jsonl',
      QUESTION_LOG_DAYS: '90',
      CORPUS_ADMIN_GUILDS: '876543210987654321, 112233445566778899 876543210987654321',
      ADD_ARTICLES_PER_HOUR: '5',
      CORPUS_MAX_MB: '2000',
    });
    expect(config).toEqual({
      token: 'abc.def.ghi',
      clientId: '123456789012345678',
      guildId: '876543210987654321',
      corpusDir: 'articles/',
      logLevel: 'debug',
      rateLimit: { questions: 10, windowSeconds: 60 },
      apiUrl: 'http://127.0.0.1:3000/api',
      feedbackFile: '/tmp/feedback.jsonl',
      shardCount: 3,
      production: true,
      shardProcess: false,
      feeds: ['https://news.example/rss.xml', 'https://other.example/atom'],
      feedIntervalMinutes: 15,
      fetchAllowLoopback: true,
      playgroundPort: 8080,
      indexSnapshotPath: '/var/cache/article-qa-bot/index-snapshot',
      followUpMinutes: 10,
      vectors: { enabled: false, cacheDir: '/var/cache/article-qa-bot/vectors', workers: 3 },
      questionLog: '/var/lib/article-qa-bot/questions.jsonl',
      questionLogDays: 90,
      corpusAdminGuilds: ['876543210987654321', '112233445566778899'],
      addArticlesPerHour: 5,
      corpusMaxMb: 2000,
    });
  });

  it('takes QUESTION_LOG=off (in any case) as no question log at all', () => {
    expect(loadConfig({ QUESTION_LOG: 'off' }).questionLog).toBeNull();
    expect(loadConfig({ QUESTION_LOG: 'OFF' }).questionLog).toBeNull();
  });

  it('treats empty values (as copied from .env.example) as unset', () => {
    const config = loadConfig({
      DISCORD_CLIENT_ID: '',
      DISCORD_GUILD_ID: ' ',
      CORPUS_DIR: '',
      LOG_LEVEL: '',
      RATE_LIMIT_QUESTIONS: '',
      RATE_LIMIT_WINDOW_SECONDS: '',
      DISCORD_API_URL: '',
      FEEDBACK_FILE: '',
      PLAYGROUND_PORT: '',
      INDEX_SNAPSHOT_PATH: '',
      QUESTION_LOG: '',
      QUESTION_LOG_DAYS: '',
      CORPUS_ADMIN_GUILDS: '',
      ADD_ARTICLES_PER_HOUR: '',
      CORPUS_MAX_MB: '',
      FOLLOW_UP_MINUTES: '',
    });
    expect(config).toEqual(loadConfig({}));
  });

  it('takes FOLLOW_UP_MINUTES=0 as "a next question is never a follow-up by time alone"', () => {
    expect(loadConfig({ FOLLOW_UP_MINUTES: '0' }).followUpMinutes).toBe(0);
  });

  it('takes PLAYGROUND_PORT=0 as "any free port"', () => {
    expect(loadConfig({ PLAYGROUND_PORT: '0' }).playgroundPort).toBe(0);
  });

  it('treats an empty token as no token, not an error', () => {
    expect(loadConfig({ DISCORD_TOKEN: '' }).token).toBeNull();
    expect(loadConfig({ DISCORD_TOKEN: '   ' }).token).toBeNull();
  });

  it('strips a "Bot " prefix pasted in front of the token', () => {
    expect(loadConfig({ DISCORD_TOKEN: 'Bot abc.def.ghi' }).token).toBe('abc.def.ghi');
  });

  it.each([
    ['RATE_LIMIT_QUESTIONS', 'abc', 'RATE_LIMIT_QUESTIONS must be a whole number from 1 to 1000 (got "abc")'],
    ['RATE_LIMIT_QUESTIONS', '0', 'RATE_LIMIT_QUESTIONS must be a whole number from 1 to 1000 (got "0")'],
    ['RATE_LIMIT_QUESTIONS', '2.5', 'RATE_LIMIT_QUESTIONS must be a whole number from 1 to 1000 (got "2.5")'],
    ['RATE_LIMIT_QUESTIONS', '1001', 'RATE_LIMIT_QUESTIONS must be a whole number from 1 to 1000 (got "1001")'],
    ['RATE_LIMIT_WINDOW_SECONDS', '-5', 'RATE_LIMIT_WINDOW_SECONDS must be a whole number from 1 to 86400 (got "-5")'],
    ['LOG_LEVEL', 'verbose', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")'],
    ['QUESTION_LOG_DAYS', '0', 'QUESTION_LOG_DAYS must be a whole number from 1 to 3650 (got "0")'],
    ['QUESTION_LOG', 'data/', 'QUESTION_LOG must be the path of a file (or off), not of a folder (got "data/")'],
    [
      'CORPUS_ADMIN_GUILDS',
      '123456789012345678,my-server',
      'CORPUS_ADMIN_GUILDS must list server (guild) IDs of 17 to 20 digits, separated by commas (got "my-server")',
    ],
    ['ADD_ARTICLES_PER_HOUR', '0', 'ADD_ARTICLES_PER_HOUR must be a whole number from 1 to 10000 (got "0")'],
    ['CORPUS_MAX_MB', '1.5', 'CORPUS_MAX_MB must be a whole number from 1 to 1000000 (got "1.5")'],
    ['DISCORD_CLIENT_ID', 'my-bot', 'DISCORD_CLIENT_ID must be a Discord ID: 17 to 20 digits'],
    ['DISCORD_GUILD_ID', '12345', 'DISCORD_GUILD_ID must be a Discord ID: 17 to 20 digits'],
    ['DISCORD_API_URL', 'localhost:3000', 'DISCORD_API_URL must be an http(s) URL'],
    ['DISCORD_API_URL', 'ftp://127.0.0.1/api', 'DISCORD_API_URL must be an http(s) URL'],
    ['DISCORD_API_URL', 'http://127.0.0.1/api?v=10', 'DISCORD_API_URL must be an http(s) URL'],
    ['CORPUS_DIR', 'corpus\0', 'CORPUS_DIR must be a file system path'],
    ['FEEDBACK_FILE', 'data/\0.jsonl', 'FEEDBACK_FILE must be a file system path'],
    ['DISCORD_TOKEN', 'abc def', 'DISCORD_TOKEN must be the bot token exactly as copied'],
    ['PLAYGROUND_PORT', '70000', 'PLAYGROUND_PORT must be a whole number from 0 to 65535 (0 picks a free port) (got "70000")'],
    ['PLAYGROUND_PORT', 'http', 'PLAYGROUND_PORT must be a whole number from 0 to 65535 (0 picks a free port) (got "http")'],
    ['FOLLOW_UP_MINUTES', 'five', 'FOLLOW_UP_MINUTES must be a whole number from 0 to 1440 (0 turns it off) (got "five")'],
    ['FOLLOW_UP_MINUTES', '1441', 'FOLLOW_UP_MINUTES must be a whole number from 0 to 1440 (0 turns it off) (got "1441")'],
    [
      'INDEX_SNAPSHOT_PATH',
      '/var/cache/',
      'INDEX_SNAPSHOT_PATH must be the path of a file, not of a folder, without NUL characters (got "/var/cache/")',
    ],
  ])('rejects %s=%j with a message naming the variable and what is expected', (variable, value, expected) => {
    const problems = problemsFor({ [variable]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
    expect(problems[0]?.startsWith(variable)).toBe(true);
  });

  it('reports every invalid variable at once, each on its own line', () => {
    let caught: unknown;
    try {
      loadConfig({ RATE_LIMIT_QUESTIONS: 'x', LOG_LEVEL: 'loud', DISCORD_GUILD_ID: 'guild' });
    } catch (error) {
      caught = error;
    }
    if (!(caught instanceof ConfigError)) throw new Error('expected a ConfigError');
    expect(caught.problems.map((problem) => problem.variable).sort()).toEqual(['DISCORD_GUILD_ID', 'LOG_LEVEL', 'RATE_LIMIT_QUESTIONS']);
    expect(caught.message.split('\n')).toHaveLength(3);
  });

  it('never echoes a malformed token in its message', () => {
    const problems = problemsFor({ DISCORD_TOKEN: 'secret-token with-space' });
    expect(problems[0]).not.toContain('secret-token');
  });
});

describe('sentence vector configuration', () => {
  it('names the variable and what it takes when VECTORS or VECTOR_WORKERS is wrong', () => {
    expect(problemsFor({ VECTORS: 'sometimes', VECTOR_WORKERS: '0' })).toEqual([
      'VECTORS must be true or false (got "sometimes")',
      'VECTOR_WORKERS must be a whole number from 1 to 16 (got "0")',
    ]);
  });

  it('reads the vector variables alone for npm run ask, whatever the others say', () => {
    expect(loadVectorConfig({ DISCORD_TOKEN: 'has spaces', VECTORS: 'no', VECTOR_CACHE: 'cache/' })).toEqual({
      enabled: false,
      cacheDir: 'cache/',
      workers: null,
    });
  });
});

describe('feed and fetch configuration', () => {
  it('reads FEEDS separated by commas, spaces or new lines, once each', () => {
    expect(loadConfig({ FEEDS: 'https://a.example/rss\nhttps://b.example/atom  https://a.example/rss' }).feeds).toEqual([
      'https://a.example/rss',
      'https://b.example/atom',
    ]);
  });

  it('names the variable and the bad value when a feed is not an http(s) address', () => {
    expect(problemsFor({ FEEDS: 'https://a.example/rss, ftp://b.example/feed' })).toEqual([
      'FEEDS must list RSS or Atom feed addresses starting with http:// or https://, separated by commas or spaces (got "ftp://b.example/feed")',
    ]);
  });

  it('checks FEED_INTERVAL_MINUTES and FETCH_ALLOW_LOOPBACK', () => {
    expect(problemsFor({ FEED_INTERVAL_MINUTES: '0', FETCH_ALLOW_LOOPBACK: 'maybe' })).toEqual([
      'FEED_INTERVAL_MINUTES must be a whole number from 1 to 10080 (got "0")',
      'FETCH_ALLOW_LOOPBACK must be true or false (got "maybe")',
    ]);
    expect(loadConfig({ FETCH_ALLOW_LOOPBACK: 'false' }).fetchAllowLoopback).toBe(false);
  });
});
