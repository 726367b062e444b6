/** `/reload` against a temp copy of the corpus: what it reports, who may run it, and that answering goes on. */
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CallbackType, type DiscordServer } from '../../src/playground/discord-server/index.js';
import { LogLevel, logsAtOrAbove, settled, startE2E, type E2E } from './support/harness.js';
import { ask, callbackOf, passageBlocks, slash, textReply } from './support/interact.js';
import { EPHEMERAL, flagsOf, OutgoingMessageGuard, plainText } from './support/payloads.js';
import { finishE2E } from './support/finish.js';

const QUESTION = 'Who makes decisions in Russia?';

let e2e: E2E;
let server: DiscordServer;
const guard = new OutgoingMessageGuard(() => server);

beforeAll(async () => {
  e2e = await startE2E({ env: { RATE_LIMIT_QUESTIONS: '1000' } });
  server = e2e.server;
});

afterEach(async () => {
  if (e2e !== undefined) await settled(e2e.bot);
  guard.checkNew();
});

afterAll(() => finishE2E(e2e, guard, { botMayLogErrors: true }));

describe('/reload', () => {
  it('refuses a member without Manage Server, privately, and reloads nothing', async () => {
    const engineBefore = e2e.bot.engines.current;
    const sent = server.sendSlashCommand({ name: 'reload', user: 'member' });
    const reply = await textReply(server, sent);
    expect(reply.callbackType).toBe(CallbackType.ChannelMessageWithSource);
    expect(flagsOf(reply.body)).toBe(EPHEMERAL);
    expect(reply.content).toBe('Only members with the **Manage Server** permission can reload the articles.');
    expect(e2e.bot.engines.current).toBe(engineBefore);
  });

  it('with a broken file added: lists the file and why, loads the good new article, and keeps answering', async () => {
    await writeFile(join(e2e.corpusDir, 'broken.md'), '---\ntitle: A broken article\ndate: 2025-07-04\n\nThe front matter never ends.\n');
    await writeFile(join(e2e.corpusDir, 'notes.pdf'), 'not an article');
    await writeFile(
      join(e2e.corpusDir, '2025-07-05-orchard.md'),
      '---\ntitle: Orchard harvest starts early\ndate: 2025-07-05\n---\n\nThe apricot harvest in the valley orchards started two weeks early this year.\n',
    );

    const { sent, reply, embed } = await slash(server, { name: 'reload', user: 'admin' });
    expect(await callbackOf(server, sent.id)).toEqual({ type: CallbackType.DeferredChannelMessageWithSource, flags: EPHEMERAL });
    expect(reply.kind).toBe('edit');
    expect(flagsOf(reply.message) & EPHEMERAL).toBe(EPHEMERAL);
    expect(embed.title).toBe('Corpus reloaded: 1 file failed, 1 warning');
    const description = embed.description ?? '';
    expect(description).toMatch(/^Now answering from 2 articles \(\d+ sentences\); before: 1 article \(\d+ sentences\)\./);
    const problems = description.split('\n\n')[1]?.split('\n') ?? [];
    expect(problems).toHaveLength(2);
    // Errors first: the file, the line, and what is wrong with it.
    expect(problems[0]).toMatch(/^✖ .*broken\.md:1 — front matter starts with .*never closed by another .*---.* line$/);
    expect(plainText(problems[0] ?? '')).toContain(`${join(e2e.corpusDir, 'broken.md')}:1`);
    expect(problems[1]).toMatch(/^⚠ .*notes\.pdf — is not an article: only \.md and \.txt files are read; ignored$/);

    // The old article still answers, and the new one does too.
    const old = await ask(server, QUESTION);
    expect(passageBlocks(old.embed.description)[0]?.source).toContain('¶ 14');
    const added = await ask(server, 'When did the apricot harvest start?');
    const [first] = passageBlocks(added.embed.description);
    expect(first?.source).toBe('**Orchard harvest starts early** · Jul 5, 2025 · ¶ 1');
    expect(plainText(first?.passage ?? '')).toBe('The apricot harvest in the valley orchards started two weeks early this year.');
    expect(e2e.bot.engines.current.articles.map((article) => article.id)).toEqual(['2025-07-05-orchard', '2025-07-03-trump-putin-call']);
  });

  it('when the corpus folder is gone: says the reload failed and keeps answering from the articles it had', async () => {
    const moved = `${e2e.corpusDir}-moved`;
    await rename(e2e.corpusDir, moved);
    try {
      const { embed } = await slash(server, { name: 'reload', user: 'admin' });
      expect(embed.title).toBe('Reload failed');
      expect(embed.description).toContain('The corpus folder could not be read');
      expect(embed.description).toContain('The articles loaded before are still being used; nothing changed.');
      expect(logsAtOrAbove(e2e.logs, LogLevel.error).map((line) => line.msg)).toContain(
        'corpus reload failed; the previous index is still in use',
      );
    } finally {
      await rename(moved, e2e.corpusDir);
    }
    const { embed } = await ask(server, QUESTION);
    expect(plainText(embed.description ?? '')).toContain('only Putin makes decisions in Russia');
  });
});
