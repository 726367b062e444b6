import dotenv from 'dotenv';
import { type Config, ConfigError, describeConfigProblems, loadConfig } from '../config.js';

/**
 * The configuration a terminal command runs with: `.env` and the environment, validated as
 * `npm start` does. Null after saying on standard error what is wrong with it and where to look.
 */
export function cliConfig(command: string): Config | null {
  dotenv.config({ quiet: true });
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(
      `${command}: the configuration (.env or environment) has problems; see .env.example:\n${describeConfigProblems(error)}\n`,
    );
    return null;
  }
}
