/**
 * `npm start`: reads `.env`, checks the configuration, starts the bot, and stops it cleanly on
 * SIGINT / SIGTERM. Everything else lives in `startBot`, which tests call in-process.
 * Without a token (and NODE_ENV not `production`), or with `--playground` (`npm run playground`),
 * it starts the playground instead: the same bot against a local Discord-like server and page.
 */
import dotenv from 'dotenv';
import { ConfigError, describeConfigProblems, loadConfig, type Config } from '../config.js';
import { createLogger, prettyLogsWanted, scrubSecrets } from './logger.js';
import { startShards } from './sharding.js';
import { missingTokenHelp } from './setup-help.js';
import { startBot } from './start.js';
import { playgroundIntro, playgroundReady, startPlayground } from '../playground/start-playground.js';

const DUPLICATE_SIGNAL_WINDOW_MS = 1000;

async function main(): Promise<number> {
  dotenv.config({ quiet: true });

  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`The configuration (.env or environment) has problems; see .env.example:\n${describeConfigProblems(error)}`);
    return 1;
  }
  const { token } = config;
  const playgroundAsked = process.argv.includes('--playground');
  if (token === null && config.production && !playgroundAsked) {
    console.error(missingTokenHelp(config.clientId));
    return 1;
  }
  const playground = playgroundAsked || token === null;
  if (playground) console.log(playgroundIntro(playgroundAsked ? 'asked' : 'no-token'));

  const logger = createLogger({ level: config.logLevel, secrets: [token], pretty: prettyLogsWanted(config, process.stdout) });
  // A stray rejection must not take the bot down; it is logged so that it gets fixed.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  // Listen for signals before starting, so that one arriving during start-up (or just after
  // "bot ready" is logged) still stops the bot cleanly instead of killing it mid-reply.
  let resolveStopRequest: (signal: NodeJS.Signals) => void = () => {};
  const stopRequested = new Promise<NodeJS.Signals>((resolve) => {
    resolveStopRequest = resolve;
  });
  let forceExit: (code: number) => void = () => {};
  const forced = new Promise<number>((resolve) => {
    forceExit = resolve;
  });
  let signalledAt: number | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalledAt === null) {
      signalledAt = Date.now();
      logger.info({ signal }, 'shutting down');
      resolveStopRequest(signal);
      return;
    }
    // `npm start` passes a terminal's signal on while the process group gets it too: the same
    // request, twice. Only a signal sent later means "stop now, do not wait".
    if (Date.now() - signalledAt < DUPLICATE_SIGNAL_WINDOW_MS) return;
    logger.warn({ signal }, 'second signal: exiting without waiting');
    forceExit(1);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let bot: { stop(): Promise<void> };
  try {
    const { shardCount } = config;
    if (playground || token === null) {
      const running = await startPlayground(config, { logger });
      console.log(playgroundReady(running.url));
      bot = running;
    } else {
      bot =
        shardCount === null
          ? await startBot({ ...config, token }, { logger })
          : await startShards({ ...config, token, shardCount }, logger);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error }, 'the bot could not start');
    if (error instanceof ConfigError) console.error(describeConfigProblems(error));
    else console.error(`The bot could not start: ${scrubSecrets(message, token === null ? [] : [token])}`);
    return 1;
  }

  await stopRequested;
  const stopped = bot.stop().then(
    () => 0,
    (error: unknown) => {
      logger.error({ err: error }, 'error while shutting down');
      return 1;
    },
  );
  return Promise.race([stopped, forced]);
}

main().then(
  (code) => {
    // Let the last log lines reach stdout before the process ends.
    process.stdout.write('', () => process.exit(code));
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
