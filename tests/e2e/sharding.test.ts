/**
 * `SHARD_COUNT=auto npm start` against the local server: discord.js's ShardingManager runs one
 * process per shard, each identifying with its own [id, count], receiving its own guilds and
 * answering questions asked there; votes on every shard are written by the manager alone;
 * `/reload` on one shard reaches the other.
 */
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FEEDBACK_MAX_BYTES } from '../../src/bot/feedback-log.js';
import { SNAPSHOT_FILE } from '../../src/search/index/snapshot.js';
import { startDiscordServer, type DiscordServer } from '../../src/playground/discord-server/index.js';
import { ChildUnderTest } from './support/child-process.js';
import { REPO_ROOT, SHIPPED_CORPUS } from './support/harness.js';
import { expectMentionsDisabled, onlyEmbed, plainText, voteButtonId } from './support/payloads.js';

const TIMEOUT_MS = 120_000;
const VOTES_PER_SHARD = 15;

/** Whole feedback lines from an earlier run, filling the file to 100 bytes below its rotation size. */
function nearlyFullFeedbackFile(): string {
  const line = (note: number) =>
    `${JSON.stringify({ time: '2025-07-03T00:00:00.000Z', user: '1', guild: null, question: 'q', vote: 'up', note: 'x'.repeat(note) })}\n`;
  const target = DEFAULT_FEEDBACK_MAX_BYTES - 100;
  const lines = Math.floor(target / line(900).length);
  // The first line takes up what is left, so that the file is exactly `target` bytes.
  return line(900 + target - lines * line(900).length) + line(900).repeat(lines - 1);
}

let server: DiscordServer;
let dir: string;
let child: ChildUnderTest | undefined;

beforeAll(async () => {
  server = await startDiscordServer({ guilds: 2, shards: 2, token: 'x' });
  dir = await mkdtemp(join(tmpdir(), 'article-qa-shards-'));
  await cp(SHIPPED_CORPUS, join(dir, 'corpus'), { recursive: true });
});

afterAll(async () => {
  child?.kill();
  await server?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

function identifiedShards(): Array<[number, number]> {
  return server.gatewayLog
    .filter((entry) => entry.kind === 'identify')
    .map((entry) => {
      const payload = entry.payload as { shard?: [number, number] } | undefined;
      return payload?.shard ?? [-1, -1];
    });
}

describe('SHARD_COUNT=auto npm start', () => {
  it(
    'runs one process per shard, each with its own guilds, answering on each; votes from both shards reach one writer; /reload reaches every shard; SIGTERM stops all',
    async () => {
      const feedbackFile = join(dir, 'feedback.jsonl');
      const earlier = nearlyFullFeedbackFile();
      expect(Buffer.byteLength(earlier)).toBe(DEFAULT_FEEDBACK_MAX_BYTES - 100);
      await writeFile(feedbackFile, earlier);
      child = new ChildUnderTest('npm', ['start', '--silent'], {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          DOTENV_CONFIG_PATH: join(dir, 'no-such.env'),
          DISCORD_TOKEN: 'x',
          DISCORD_API_URL: server.apiUrl,
          SHARD_COUNT: 'auto',
          CORPUS_DIR: join(dir, 'corpus'),
          FEEDBACK_FILE: feedbackFile,
          VECTORS: 'off',
        },
      });
      await child.waitForOutput((stdout) => stdout.includes('"msg":"all shards ready"'), TIMEOUT_MS, 'the "all shards ready" log line');

      // The manager asked /gateway/bot through the configured base, and built one snapshot for all shards.
      expect(server.requests.some((request) => request.method === 'GET' && request.path.endsWith('/gateway/bot'))).toBe(true);
      expect((await stat(join(dir, 'corpus', SNAPSHOT_FILE))).isFile()).toBe(true);
      expect(child.stdout).not.toContain('index snapshot not used');
      expect(identifiedShards().sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);

      const shardsOfGuilds = server.guilds.map((guild) => server.shardForGuild(guild.id, 2));
      expect(new Set(shardsOfGuilds)).toEqual(new Set([0, 1]));
      const answers = [];
      for (const guild of server.guilds) {
        const sent = server.sendSlashCommand({ name: 'ask', options: { question: 'Who makes decisions in Russia?' }, guildId: guild.id });
        expect(sent.delivered).toBe(1);
        const reply = await server.waitForInteractionReply(sent.id, 15_000);
        expect(plainText(onlyEmbed(reply.body).description ?? '')).toContain('only Putin makes decisions in Russia');
        answers.push({ guildId: guild.id, reply });
      }

      // Votes on both shards at once, the first of them past the file's rotation size: written by
      // the manager alone, the file is rotated exactly once and no vote is lost or doubled.
      const votes = answers.flatMap(({ guildId, reply }) => {
        const message = reply.message;
        if (message === null) throw new Error('the answer was not stored');
        return Array.from({ length: VOTES_PER_SHARD }, () =>
          server.sendButton({ customId: voteButtonId(reply.body, 'up'), message, guildId }),
        );
      });
      for (const vote of votes) {
        expect((await server.waitForInteractionReply(vote.id, 15_000)).content).toBe('Thanks! Recorded your 👍 for this answer.');
      }
      expect(await readFile(`${feedbackFile}.1`, 'utf8')).toBe(earlier);
      const written = (await readFile(feedbackFile, 'utf8')).split('\n').filter((line) => line !== '');
      expect(written.map((line) => (JSON.parse(line) as { guild: unknown }).guild).sort()).toEqual(
        answers.flatMap(({ guildId }) => Array.from({ length: VOTES_PER_SHARD }, () => guildId)).sort(),
      );
      expect((await readdir(dir)).filter((name) => name.startsWith('feedback.jsonl')).sort()).toEqual([
        'feedback.jsonl',
        'feedback.jsonl.1',
      ]);

      const [first] = server.guilds;
      if (first === undefined) throw new Error('no guild');
      const reload = server.sendSlashCommand({ name: 'reload', user: 'admin', guildId: first.id });
      await server.waitForInteractionReply(reload.id, 30_000);
      await child.waitForOutput(
        (stdout) => stdout.includes("corpus reloaded at another shard's request"),
        30_000,
        'the other shard reloading',
      );

      expect(expectMentionsDisabled(server.requests)).toBeGreaterThan(0);

      const pid = child.pid;
      if (pid === undefined) throw new Error('no pid');
      process.kill(pid, 'SIGTERM');
      const exit = await child.waitForExit(30_000);
      expect(exit, child.output).toEqual({ code: 0, signal: null });
      expect(child.remainingInGroup()).toEqual([]);
    },
    TIMEOUT_MS * 2,
  );
});
