/**
 * `npm start` as a process: `npx tsx src/bot/main.ts` with nothing but environment variables,
 * against the local Discord-compatible server. Then the same without a token.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordServer, type DiscordServer } from '../../src/playground/discord-server/index.js';
import { fetchPageState } from '../playground/support/playground.js';
import { ChildUnderTest } from './support/child-process.js';
import { REPO_ROOT } from './support/harness.js';
import { passageBlocks } from './support/interact.js';
import { expectMentionsDisabled, expectNoRejectedRequests, onlyEmbed, plainText } from './support/payloads.js';

const PROCESS_TEST_TIMEOUT_MS = 60_000;
const STARTUP_TIMEOUT_MS = 40_000;

let tempDir: string;
const children: ChildUnderTest[] = [];

beforeAll(async () => {
  tempDir = await mkdtemp(join(tmpdir(), 'article-qa-npm-start-'));
});

afterEach(() => {
  // A failed test must not leave a bot running.
  for (const child of children.splice(0)) child.kill();
});

afterAll(async () => {
  if (tempDir !== undefined) await rm(tempDir, { recursive: true, force: true });
});

/** A clean environment: only what running node needs, plus `vars`; no `.env` from anywhere. */
function cleanEnv(vars: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    // main.ts calls dotenv.config(); point it at a file that does not exist so a developer's .env cannot leak in.
    DOTENV_CONFIG_PATH: join(tempDir, 'no-such.env'),
    VECTORS: 'off',
    ...vars,
  };
}

function npmStart(env: NodeJS.ProcessEnv): ChildUnderTest {
  const child = new ChildUnderTest('npm', ['start', '--silent'], { cwd: REPO_ROOT, env });
  children.push(child);
  return child;
}

describe('npm start', () => {
  let server: DiscordServer;

  beforeAll(async () => {
    server = await startDiscordServer({ token: 'x' });
  });

  afterAll(async () => {
    await server?.close();
  });

  it(
    'connects with DISCORD_TOKEN=x, answers /ask with the right passage, and exits 0 on SIGTERM',
    async () => {
      const child = npmStart(
        cleanEnv({
          DISCORD_TOKEN: 'x',
          DISCORD_API_URL: server.apiUrl,
          FEEDBACK_FILE: join(tempDir, 'feedback.jsonl'),
          LOG_LEVEL: 'info',
        }),
      );

      await server.waitForGatewayEvent((entry) => entry.kind === 'identify', STARTUP_TIMEOUT_MS);
      await child.waitForOutput((stdout) => stdout.includes('"msg":"bot ready"'), STARTUP_TIMEOUT_MS, 'the "bot ready" log line');
      expect(child.stdout).toContain('"msg":"corpus loaded"');

      const sent = server.sendSlashCommand({ name: 'ask', options: { question: 'Who makes decisions in Russia?' } });
      expect(sent.delivered).toBe(1);
      const reply = await server.waitForInteractionReply(sent.id, 10_000);
      const embed = onlyEmbed(reply.body);
      expect(embed.title).toBe('Who makes decisions in Russia?');
      const [first] = passageBlocks(embed.description);
      expect(first?.source).toBe(
        '**Trump says he "didn\'t make any progress" with Putin on ending the war in Ukraine** · Jul 3, 2025 · ¶ 14',
      );
      expect(plainText(first?.passage ?? '')).toContain('only Putin makes decisions in Russia');

      // SIGTERM to `npm start` itself, as a process supervisor sends it: npm passes it on to the bot.
      const pid = child.pid;
      if (pid === undefined) throw new Error('no pid');
      process.kill(pid, 'SIGTERM');
      const exit = await child.waitForExit(20_000);
      expect(exit, child.output).toEqual({ code: 0, signal: null });
      expect(child.remainingInGroup()).toEqual([]);
      expect(child.stdout).toContain('"msg":"bot stopped"');
      expect(child.stderr).toBe('');

      expect(expectMentionsDisabled(server.requests)).toBeGreaterThan(0);
      expectNoRejectedRequests(server);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'SIGTERM to the whole process group (as a terminal or supervisor sends it) stops the bot cleanly, leaving no process behind',
    async () => {
      const child = npmStart(
        cleanEnv({ DISCORD_TOKEN: 'x', DISCORD_API_URL: server.apiUrl, FEEDBACK_FILE: join(tempDir, 'feedback.jsonl') }),
      );
      await child.waitForOutput((stdout) => stdout.includes('"msg":"bot ready"'), STARTUP_TIMEOUT_MS, 'the "bot ready" log line');
      const pid = child.pid;
      if (pid === undefined) throw new Error('no pid');
      process.kill(-pid, 'SIGTERM');
      const exit = await child.waitForExit(20_000);
      // npm re-raises the signal on itself when `sh` dies of it, so npx reports the signal; the bot
      // itself got it once, finished, and logged its clean stop.
      expect(exit.code === 0 || exit.signal === 'SIGTERM', child.output).toBe(true);
      expect(child.stdout).toContain('"signal":"SIGTERM","msg":"shutting down"');
      expect(child.stdout).toContain('"msg":"bot stopped"');
      expect(child.stdout).not.toContain('second signal');
      expect(child.remainingInGroup()).toEqual([]);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});

describe('npm start without a token', () => {
  it(
    'with NODE_ENV=production, prints step-by-step setup help (.env, DISCORD_TOKEN=, invite URL, npm run ask) and exits non-zero',
    async () => {
      const child = npmStart(cleanEnv({ NODE_ENV: 'production' }));
      const exit = await child.waitForExit(STARTUP_TIMEOUT_MS);
      expect(exit.code, child.output).not.toBe(0);
      expect(exit.code).not.toBeNull();

      const help = child.stderr;
      expect(help).toContain('DISCORD_TOKEN is not set');
      expect(help).toContain('.env');
      expect(help).toMatch(/^\s*DISCORD_TOKEN=/m);
      expect(help).toMatch(/https:\/\/discord\.com\/oauth2\/authorize\?\S*scope=bot(\+|%20)applications\.commands/);
      expect(help).toContain('npm run deploy-commands');
      expect(help).toContain('npm run ask');
      // Numbered steps, in order.
      const steps = [...help.matchAll(/^\s+(\d)\. /gm)].map((match) => Number(match[1]));
      expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(help).toContain('npm run playground');
      expect(child.stdout).not.toContain('Playground');
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'outside production, starts the playground: says so first, prints its address, the page answers, and SIGTERM exits 0',
    async () => {
      const child = npmStart(cleanEnv({ PLAYGROUND_PORT: '0', FEEDBACK_FILE: join(tempDir, 'playground-feedback.jsonl') }));
      await child.waitForOutput(
        (stdout) => /Playground ready: open http:\/\/127\.0\.0\.1:\d+ /.test(stdout),
        STARTUP_TIMEOUT_MS,
        'the address',
      );
      expect(child.stdout.split('\n')[0]).toMatch(/^Playground: DISCORD_TOKEN is not set, so the bot runs here/);
      const url = /open (http:\/\/127\.0\.0\.1:\d+) /.exec(child.stdout)?.[1] ?? '';
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('aria-label="Message"');
      const state = await fetchPageState(url);
      expect(state.commands.map((command) => command.name)).toEqual(['ask', 'sources', 'help', 'reload', 'add', 'Find in articles']);

      const pid = child.pid;
      if (pid === undefined) throw new Error('no pid');
      process.kill(pid, 'SIGTERM');
      const exit = await child.waitForExit(20_000);
      expect(exit, child.output).toEqual({ code: 0, signal: null });
      expect(child.remainingInGroup()).toEqual([]);
      expect(child.stderr).toBe('');
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});

describe('npm run playground', () => {
  it(
    'starts the playground even when a token is set: the bot logs in to the local server, never to Discord',
    async () => {
      const child = new ChildUnderTest('npm', ['run', '--silent', 'playground'], {
        cwd: REPO_ROOT,
        env: cleanEnv({ DISCORD_TOKEN: 'a-real-looking-token-that-must-not-be-used', PLAYGROUND_PORT: '0', NODE_ENV: 'production' }),
      });
      children.push(child);
      await child.waitForOutput((stdout) => stdout.includes('Playground ready: open http://127.0.0.1:'), STARTUP_TIMEOUT_MS, 'the address');
      expect(child.stdout.split('\n')[0]).toContain('DISCORD_TOKEN, if set, is not used');
      await child.waitForOutput((stdout) => stdout.includes('"msg":"bot ready"'), STARTUP_TIMEOUT_MS, 'the "bot ready" log line');
      expect(child.stdout).toMatch(/"api":"http:\/\/127\.0\.0\.1:\d+\/api".*"msg":"bot ready"/);
      const pid = child.pid;
      if (pid === undefined) throw new Error('no pid');
      process.kill(pid, 'SIGTERM');
      expect(await child.waitForExit(20_000), child.output).toEqual({ code: 0, signal: null });
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
