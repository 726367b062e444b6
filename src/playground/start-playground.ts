/**
 * The playground: the real bot, started by its own `startBot`, logged in to a Discord-compatible
 * server in this process on 127.0.0.1, with a web page in front that lets a person use it as in
 * a Discord channel. Nothing leaves the machine, and no Discord token is involved.
 */
import { randomBytes } from 'node:crypto';
import { PermissionFlagsBits } from 'discord.js';
import type { Config } from '../config.js';
import { deployCommands } from '../bot/deploy-commands.js';
import type { Logger } from '../bot/logger.js';
import { startBot, type RunningBot, type StartBotOptions } from '../bot/start.js';
import { startDiscordServer, type DiscordServer } from './discord-server/index.js';
import { startPageServer } from './page-server.js';
import { buildReport } from '../report/build-report.js';
import { WelcomeBoard } from './welcome.js';

export interface RunningPlayground {
  /** The page: `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly bot: RunningBot;
  readonly discord: DiscordServer;
  /** Stops the bot as `npm start` would (replies in flight finish), then the page and the server. Idempotent. */
  stop(): Promise<void>;
}

export interface StartPlaygroundOptions {
  readonly logger: Logger;
  /** Passed on to `startBot` (tests use `now`; `npm start` passes nothing else). */
  readonly bot?: Omit<StartBotOptions, 'logger'>;
}

/**
 * What the playground's Discord-like server keeps: a person scrolls back through 500 messages a
 * channel (50 at a time, as Discord loads them); nothing reads its logs but its own waiters.
 */
const PLAYGROUND_LIMITS = { messagesPerChannel: 500, logEntries: 2_000, interactions: 1_000 } as const;

/** What `npm start` prints first when it starts the playground, and why it does. */
export function playgroundIntro(reason: 'no-token' | 'asked'): string {
  return [
    reason === 'no-token'
      ? 'Playground: DISCORD_TOKEN is not set, so the bot runs here, against a Discord-like server on this machine, instead of on Discord.'
      : 'Playground: the bot runs here, against a Discord-like server on this machine (DISCORD_TOKEN, if set, is not used).',
    reason === 'no-token'
      ? 'To run it on Discord, set DISCORD_TOKEN in .env (see .env.example); with NODE_ENV=production, npm start prints the set-up steps instead.'
      : 'To run it on Discord: npm start with DISCORD_TOKEN set in .env (see .env.example).',
  ].join('\n');
}

/** What `npm start` prints once the page works. */
export function playgroundReady(url: string): string {
  return `Playground ready: open ${url} in a browser. Ctrl+C stops it.`;
}

/**
 * Starts the Discord-compatible server (with a token of its own, made up here), registers the
 * bot's commands with the real deploy code, opens the page (first, so that a port in use fails
 * at once), then starts the bot with the real start-up code. Cleans up what it started when a
 * step fails.
 */
export async function startPlayground(config: Config, options: StartPlaygroundOptions): Promise<RunningPlayground> {
  // Only this process knows it, so no other program on the machine can log in as the bot.
  const token = randomBytes(32).toString('base64url');
  const discord = await startDiscordServer({ token, guilds: ['Playground'], memberUsername: 'you', limits: PLAYGROUND_LIMITS });
  const cleanups: (() => Promise<void>)[] = [() => discord.close()];
  const cleanUp = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const manager = discord.createRole('Server Manager', PermissionFlagsBits.ManageGuild);
    // Global, as a production deployment registers them: guild commands would not reach the DM.
    await deployCommands({ token, clientId: discord.applicationId, guildId: null, apiUrl: discord.apiUrl });
    // The report reads the bot's log; the bot starts after the page, so it is looked up when asked for.
    let running: RunningBot | null = null;
    const questionLog = config.questionLog;
    const report =
      questionLog === null
        ? null
        : async (): Promise<string> => {
            await running?.questions.flush();
            const articles = running?.engines.current.articles.map(({ id, title }) => ({ id, title })) ?? null;
            return (await buildReport({ file: questionLog, days: null, guild: null, articles })).html;
          };
    const welcome = new WelcomeBoard();
    const page = await startPageServer({ discord, managerRoleId: manager.id, report, welcome }, config.playgroundPort);
    cleanups.push(() => page.close());
    const bot = await startBot({ ...config, token, apiUrl: discord.apiUrl, shardCount: null }, { ...options.bot, logger: options.logger });
    running = bot;
    cleanups.push(() => bot.stop());
    welcome.follow(bot.engines);
    let stopped: Promise<void> | null = null;
    return {
      url: page.url,
      bot,
      discord,
      stop: () => {
        stopped ??= cleanUp();
        return stopped;
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
