/**
 * `npm run deploy-commands`: registers the bot's commands with Discord, as a separate step
 * (discord.js's advice: registration is rate-limited and only needed when commands change).
 * Guild-scoped when DISCORD_GUILD_ID is set (appears at once), global otherwise (may take a while).
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import dotenv from 'dotenv';
import { REST, Routes, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { ConfigError, describeConfigProblems, loadConfig, type Config, type ConfigProblem } from '../config.js';
import { commandDefinitions } from './command-map.js';
import { scrubSecrets } from './logger.js';

export interface DeployTarget {
  readonly token: string;
  readonly clientId: string;
  /** Register in this guild only; null registers globally. */
  readonly guildId: string | null;
  /** REST base such as `http://127.0.0.1:PORT/api`; null is Discord's own. */
  readonly apiUrl: string | null;
}

export interface DeployResult {
  readonly scope: 'guild' | 'global';
  /** The route the commands were PUT to, e.g. `/applications/123/guilds/456/commands`. */
  readonly route: string;
  /** What Discord answered: the registered commands, with their ids. */
  readonly registered: unknown;
  readonly count: number;
}

/** Replaces the application's commands (in one guild, or globally) with `commands`, in one PUT. */
export async function deployCommands(
  target: DeployTarget,
  commands: readonly RESTPostAPIApplicationCommandsJSONBody[] = commandDefinitions,
): Promise<DeployResult> {
  const rest = new REST({ version: '10', ...(target.apiUrl === null ? {} : { api: target.apiUrl }) }).setToken(target.token);
  const route =
    target.guildId === null
      ? Routes.applicationCommands(target.clientId)
      : Routes.applicationGuildCommands(target.clientId, target.guildId);
  const registered: unknown = await rest.put(route, { body: commands });
  return {
    scope: target.guildId === null ? 'global' : 'guild',
    route,
    registered,
    count: Array.isArray(registered) ? registered.length : commands.length,
  };
}

/** The deploy settings from a loaded config, or a ConfigError naming each missing variable. */
export function deployTargetFromConfig(config: Config): DeployTarget {
  const problems: ConfigProblem[] = [];
  if (config.token === null) {
    problems.push({
      variable: 'DISCORD_TOKEN',
      message: 'DISCORD_TOKEN must be set to register commands (Developer Portal > your application > Bot > Reset Token)',
    });
  }
  if (config.clientId === null) {
    problems.push({
      variable: 'DISCORD_CLIENT_ID',
      message:
        'DISCORD_CLIENT_ID must be set to register commands (Developer Portal > your application > General Information > Application ID)',
    });
  }
  if (config.token === null || config.clientId === null) throw new ConfigError(problems);
  return { token: config.token, clientId: config.clientId, guildId: config.guildId, apiUrl: config.apiUrl };
}

async function main(): Promise<number> {
  dotenv.config({ quiet: true });
  let target: DeployTarget;
  try {
    target = deployTargetFromConfig(loadConfig(process.env));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Cannot register commands; fix these in .env (see .env.example):\n${describeConfigProblems(error)}`);
    return 1;
  }
  try {
    const result = await deployCommands(target);
    const names = commandDefinitions.map((command) => command.name).join(', ');
    console.log(
      result.scope === 'guild'
        ? `Registered ${result.count} commands in guild ${target.guildId ?? ''}: ${names}. They are available now.`
        : `Registered ${result.count} global commands: ${names}. They can take up to an hour to appear everywhere.`,
    );
    return 0;
  } catch (error) {
    const message = scrubSecrets(error instanceof Error ? error.message : String(error), [target.token]);
    console.error(`Discord refused the command registration: ${message}`);
    if (/401|unauthorized/i.test(message)) console.error('Check DISCORD_TOKEN: copy a fresh one from Bot > Reset Token.');
    if (/unknown application|unknown guild|missing access/i.test(message)) {
      console.error('Check DISCORD_CLIENT_ID and DISCORD_GUILD_ID, and that the bot was invited with the applications.commands scope.');
    }
    return 1;
  }
}

/** True when this file is the script being run (`tsx src/bot/deploy-commands.ts`), not imported by a test. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
