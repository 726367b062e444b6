/**
 * `npm start`: reads `.env`, checks the configuration, starts the bot, and stops it cleanly on
 * SIGINT / SIGTERM. Everything else lives in `startBot`, which tests call in-process.
 */
import dotenv from 'dotenv';
import { ConfigError, describeConfigProblems, loadConfig, type Config } from '../config.js';
import { createLogger, scrubSecrets } from './logger.js';
import { missingTokenHelp } from './setup-help.js';
import { startBot } from './start.js';

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
  if (token === null) {
    console.error(missingTokenHelp(config.clientId));
    return 1;
  }

  const logger = createLogger({ level: config.logLevel, secrets: [token] });
  let bot: Awaited<ReturnType<typeof startBot>>;
  try {
    bot = await startBot({ ...config, token }, { logger });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.fatal({ err: error }, 'the bot could not start');
    if (error instanceof ConfigError) console.error(describeConfigProblems(error));
    else console.error(`The bot could not start: ${scrubSecrets(message, [token])}`);
    return 1;
  }

  // A stray rejection must not take the bot down; it is logged so that it gets fixed.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  return new Promise<number>((resolve) => {
    let signalled = false;
    const shutDown = (signal: NodeJS.Signals): void => {
      if (signalled) {
        logger.warn({ signal }, 'second signal: exiting without waiting');
        resolve(1);
        return;
      }
      signalled = true;
      logger.info({ signal }, 'shutting down');
      bot.stop().then(
        () => resolve(0),
        (error: unknown) => {
          logger.error({ err: error }, 'error while shutting down');
          resolve(1);
        },
      );
    };
    process.on('SIGINT', shutDown);
    process.on('SIGTERM', shutDown);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
