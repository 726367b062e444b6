/**
 * `/stats` end to end, in two servers: each server's managers see that server's figures and
 * report, privately, and never the other server's questions. Real discord.js client against the
 * local Discord-compatible server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordServer, InteractionReply, SentInteraction } from '../../src/playground/discord-server/index.js';
import { finishE2E } from './support/finish.js';
import { settled, startE2E, type E2E } from './support/harness.js';
import { ask, callbackOf } from './support/interact.js';
import { EPHEMERAL, embedsOf, OutgoingMessageGuard, voteButtonId } from './support/payloads.js';

let e2e: E2E;
let server: DiscordServer;
const guard = new OutgoingMessageGuard(() => server);
let guildA: string;
let guildB: string;

const A_UNANSWERED = ['messi goals this season', 'what is messi transfer fee', 'is messi moving to another club'];
const B_UNANSWERED = ['what is the price of bitcoin', 'will bitcoin crash', 'capital of australia'];

beforeAll(async () => {
  // Every question read on its own (no follow-ups by time): the figures are the log's, not the conversation's.
  e2e = await startE2E({ server: { guilds: 2 }, env: { RATE_LIMIT_QUESTIONS: '1000', FOLLOW_UP_MINUTES: '0' } });
  server = e2e.server;
  const [first, second] = server.guilds;
  if (first === undefined || second === undefined) throw new Error('two guilds expected');
  guildA = first.id;
  guildB = second.id;

  const answered = await ask(server, 'Who makes decisions in Russia?', { guildId: guildA });
  await ask(server, 'How many times have Trump and Putin spoken?', { guildId: guildA });
  for (const question of A_UNANSWERED) await ask(server, question, { guildId: guildA });
  for (const question of B_UNANSWERED) await ask(server, question, { guildId: guildB });
  await ask(server, 'What did Zelensky say?', { guildId: guildB });
  const message = answered.reply.message;
  if (message === null) throw new Error('the answer was not stored');
  for (const vote of ['up', 'down'] as const) {
    const sent = server.sendButton({ customId: voteButtonId(answered.reply.body, vote), message, guildId: guildA });
    await server.waitForInteractionReply(sent.id);
  }
  await settled(e2e.bot);
});
afterAll(() => finishE2E(e2e, guard));

interface Stats {
  readonly reply: InteractionReply;
  readonly fields: Readonly<Record<string, string>>;
  readonly title: string | undefined;
  readonly report: { readonly name: string; readonly html: string } | null;
}

async function stats(sent: SentInteraction): Promise<Stats> {
  const reply = await server.waitForInteractionReply(sent.id, 30_000);
  expect((await callbackOf(server, sent.id)).flags & EPHEMERAL, 'private').toBe(EPHEMERAL);
  const [embed] = embedsOf(reply.body);
  const file = reply.request.files[0];
  return {
    reply,
    title: embed?.title,
    fields: Object.fromEntries((embed?.fields ?? []).map((field) => [field.name, field.value])),
    report: file === undefined ? null : { name: file.filename, html: file.data.toString('utf8') },
  };
}

describe('/stats', () => {
  it('shows a server manager that server’s figures and its three largest unanswered groups, with its report attached', async () => {
    const a = await stats(server.sendSlashCommand({ name: 'stats', user: 'admin', guildId: guildA }));
    expect(a.title).toMatch(/^Questions in .+, the last 30 days$/u);
    expect(a.fields).toMatchObject({
      Questions: '5 from 1 person',
      Answered: '40 % (2 of 5)',
      'Nothing relevant': '60 % (3)',
      '👍 / 👎': '1 / 1',
      'Refused or failed': '0',
    });
    expect(a.fields['Most asked, not answered']).toMatch(/^1\. \*\*messi\*\*: 3 questions, e\.g\. “.+messi.+”$/u);
    expect(a.report?.name).toBe(`questions-${guildA}-${new Date().toISOString().slice(0, 10)}.html`);
    for (const question of A_UNANSWERED) expect(a.report?.html).toContain(question);
  });

  it('never shows one server the other’s questions, in the figures or in the report', async () => {
    const a = await stats(server.sendSlashCommand({ name: 'stats', user: 'admin', guildId: guildA }));
    const b = await stats(server.sendSlashCommand({ name: 'stats', user: 'admin', guildId: guildB }));
    expect(b.fields).toMatchObject({ Questions: '4 from 1 person', Answered: '25 % (1 of 4)', '👍 / 👎': '0 / 0' });
    for (const question of B_UNANSWERED) {
      expect(a.report?.html).not.toContain(question);
      expect(b.report?.html).toContain(question);
    }
    for (const question of A_UNANSWERED) expect(b.report?.html).not.toContain(question);
    expect(a.report?.html).not.toContain('What did Zelensky say?');
    expect(b.report?.html).not.toContain('Who makes decisions in Russia?');
    expect(JSON.stringify(b.reply.body)).not.toContain('messi');
    expect(a.report?.html).not.toContain(guildB);
  });

  it('covers the days asked for', async () => {
    e2e.advanceClock(3 * 86_400_000);
    const recent = await stats(server.sendSlashCommand({ name: 'stats', user: 'admin', guildId: guildA, options: { days: 2 } }));
    expect(recent.title).toMatch(/the last 2 days$/u);
    expect(recent.fields.Questions).toBe('0 from 0 people');
    e2e.advanceClock(-3 * 86_400_000);
  });

  it('is refused, privately, to members without Manage Server', async () => {
    const sent = server.sendSlashCommand({ name: 'stats', guildId: guildA });
    const reply = await server.waitForInteractionReply(sent.id);
    expect(reply.content).toBe('Only members with the **Manage Server** permission can see what members asked.');
    expect((await callbackOf(server, sent.id)).flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.request.files).toEqual([]);
  });
});
