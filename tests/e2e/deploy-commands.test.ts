/** `deploy-commands`: exactly what is PUT where, in-process and as the `npm run deploy-commands` script. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/bot/command-map.js';
import { deployCommands } from '../../src/bot/deploy-commands.js';
import { Route, startDiscordServer, type DiscordServer, type RecordedRequest } from '../../src/playground/discord-server/index.js';
import { REPO_ROOT, TOKEN } from './support/harness.js';

let server: DiscordServer;
let tempDir: string;

beforeAll(async () => {
  server = await startDiscordServer({ token: TOKEN });
  tempDir = await mkdtemp(join(tmpdir(), 'article-qa-deploy-'));
});

afterAll(async () => {
  await server?.close();
  if (tempDir !== undefined) await rm(tempDir, { recursive: true, force: true });
});

/** The command definitions as JSON on the wire. */
const EXPECTED_BODY: unknown = JSON.parse(JSON.stringify(commandDefinitions));

/** Installed to servers (integration type 0); usable in a server (context 0) and in a DM with the bot (1). */
const SERVERS_AND_BOT_DMS = { integration_types: [0], contexts: [0, 1] };

/** What the definitions must say, written out, so that a change to them is a visible change here. */
const EXPECTED_SHAPE = [
  {
    type: 1,
    name: 'ask',
    options: [
      { type: 3, name: 'question', required: true, min_length: 1, max_length: 300 },
      { type: 3, name: 'article', required: false, autocomplete: true, max_length: 100 },
      { type: 5, name: 'private', required: false },
    ],
    ...SERVERS_AND_BOT_DMS,
  },
  { type: 1, name: 'sources', ...SERVERS_AND_BOT_DMS },
  { type: 1, name: 'help', ...SERVERS_AND_BOT_DMS },
  { type: 1, name: 'reload', default_member_permissions: '32', integration_types: [0], contexts: [0] },
  {
    type: 1,
    name: 'add',
    default_member_permissions: '32',
    integration_types: [0],
    contexts: [0],
    options: [{ type: 3, name: 'url', required: true, min_length: 8, max_length: 2000 }],
  },
  {
    type: 1,
    name: 'stats',
    default_member_permissions: '32',
    integration_types: [0],
    contexts: [0],
    options: [{ type: 4, name: 'days', required: false, min_value: 1, max_value: 3650 }],
  },
  { type: 3, name: 'Find in articles', ...SERVERS_AND_BOT_DMS },
];

function putsTo(route: string): RecordedRequest[] {
  return server.requests.filter((request) => request.method === 'PUT' && request.route === route);
}

describe('deploy-commands', () => {
  it('PUTs exactly the command definitions to the guild route when a guild id is set', async () => {
    const result = await deployCommands({ token: TOKEN, clientId: server.applicationId, guildId: server.guildId, apiUrl: server.apiUrl });

    const [put, ...more] = putsTo(Route.GuildCommands);
    expect(more).toEqual([]);
    expect(put?.path).toBe(`/applications/${server.applicationId}/guilds/${server.guildId}/commands`);
    expect(put?.authorization).toBe(`Bot ${TOKEN}`);
    expect(put?.body).toEqual(EXPECTED_BODY);
    expect(put?.body).toMatchObject(EXPECTED_SHAPE);
    expect(put?.status).toBe(200);

    expect(result).toMatchObject({
      scope: 'guild',
      route: `/applications/${server.applicationId}/guilds/${server.guildId}/commands`,
      count: 7,
    });
    expect(server.registeredCommands(server.guildId).map((command) => command.name)).toEqual([
      'ask',
      'sources',
      'help',
      'reload',
      'add',
      'stats',
      'Find in articles',
    ]);
    expect(server.registeredCommands()).toEqual([]);
  });

  it('PUTs the same definitions to the global route when there is no guild id', async () => {
    const result = await deployCommands({ token: TOKEN, clientId: server.applicationId, guildId: null, apiUrl: server.apiUrl });
    const [put, ...more] = putsTo(Route.GlobalCommands);
    expect(more).toEqual([]);
    expect(put?.path).toBe(`/applications/${server.applicationId}/commands`);
    expect(put?.body).toEqual(EXPECTED_BODY);
    expect(result).toMatchObject({ scope: 'global', count: 7 });
    expect(server.registeredCommands().map((command) => command.name)).toEqual([
      'ask',
      'sources',
      'help',
      'reload',
      'add',
      'stats',
      'Find in articles',
    ]);
  });

  it('`npm run deploy-commands` (the script) registers in the guild from the environment', async () => {
    const before = putsTo(Route.GuildCommands).length;
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DOTENV_CONFIG_PATH: join(tempDir, 'no.env'),
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: server.applicationId,
      DISCORD_GUILD_ID: server.guildId,
      DISCORD_API_URL: server.apiUrl,
    };
    const child = spawn('npx', ['tsx', 'src/bot/deploy-commands.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);

    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`Registered 7 commands in guild ${server.guildId}: ask, sources, help, reload, add, stats, Find in articles.`);
    const puts = putsTo(Route.GuildCommands).slice(before);
    expect(puts).toHaveLength(1);
    expect(puts[0]?.body).toEqual(EXPECTED_BODY);
    expect(`${stdout}${stderr}`).not.toContain(TOKEN);
  }, 30_000);
});
