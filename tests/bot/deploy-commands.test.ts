import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/bot/command-map.js';
import { deployCommands, deployTargetFromConfig } from '../../src/bot/deploy-commands.js';
import { ConfigError, loadConfig } from '../../src/config.js';

interface RecordedRequest {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** The one REST route deploy needs, recording what it receives. */
async function startRecordingServer(): Promise<{ server: Server; apiUrl: string; requests: RecordedRequest[] }> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      requests.push({ method: request.method, url: request.url, authorization: request.headers.authorization, body });
      const registered = Array.isArray(body)
        ? body.map((command: unknown, index) => ({ ...(typeof command === 'object' ? command : {}), id: `${900000000000000000 + index}` }))
        : [];
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(registered));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the test server has no port');
  return { server, apiUrl: `http://127.0.0.1:${address.port}/api`, requests };
}

let running: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (running === undefined ? resolve() : running.close(() => resolve())));
  running = undefined;
});

const TOKEN = 'test-token.abc.def';
const CLIENT = '123456789012345678';
const GUILD = '876543210987654321';

describe('deployCommands', () => {
  it('PUTs every command definition to the guild route when a guild is set', async () => {
    const { server, apiUrl, requests } = await startRecordingServer();
    running = server;
    const result = await deployCommands({ token: TOKEN, clientId: CLIENT, guildId: GUILD, apiUrl });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toEqual({
      method: 'PUT',
      url: `/api/v10/applications/${CLIENT}/guilds/${GUILD}/commands`,
      authorization: `Bot ${TOKEN}`,
      body: JSON.parse(JSON.stringify(commandDefinitions)),
    });
    expect(result).toMatchObject({ scope: 'guild', count: commandDefinitions.length });
  });

  it('PUTs to the global route when no guild is set', async () => {
    const { server, apiUrl, requests } = await startRecordingServer();
    running = server;
    const result = await deployCommands({ token: TOKEN, clientId: CLIENT, guildId: null, apiUrl });
    expect(requests[0]?.url).toBe(`/api/v10/applications/${CLIENT}/commands`);
    expect(result.scope).toBe('global');
  });
});

describe('deployTargetFromConfig', () => {
  it('names DISCORD_TOKEN and DISCORD_CLIENT_ID when they are missing', () => {
    let caught: unknown;
    try {
      deployTargetFromConfig(loadConfig({}));
    } catch (error) {
      caught = error;
    }
    if (!(caught instanceof ConfigError)) throw new Error('expected a ConfigError');
    expect(caught.problems.map((problem) => problem.variable)).toEqual(['DISCORD_TOKEN', 'DISCORD_CLIENT_ID']);
  });

  it('passes the guild and api url through', () => {
    const config = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: CLIENT,
      DISCORD_GUILD_ID: GUILD,
      DISCORD_API_URL: 'http://127.0.0.1:1/api',
    });
    expect(deployTargetFromConfig(config)).toEqual({ token: TOKEN, clientId: CLIENT, guildId: GUILD, apiUrl: 'http://127.0.0.1:1/api' });
  });
});
