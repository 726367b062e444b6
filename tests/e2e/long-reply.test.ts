/**
 * An article whose passages, paragraph and title are far beyond what one embed may hold: every
 * part of every reply stays within Discord's limits, and is cut at a word, not inside one.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CallbackType, MessageLimits, type DiscordServer } from '../../src/playground/discord-server/index.js';
import { startE2E, type E2E } from './support/harness.js';
import { ask, messageAndReply, passageBlocks } from './support/interact.js';
import { embedTotal, expectEmbedWithinLimits, onlyEmbed, OutgoingMessageGuard, plainText, type EmbedView } from './support/payloads.js';
import { finishE2E } from './support/finish.js';

/** One sentence of about 9,000 characters, made of numbered words so that any cut can be located. */
const LONG_SENTENCE = `The glacier retreated because ${Array.from({ length: 700 }, (_, i) => `meltwater${i}`).join(' ')} and kept retreating.`;
/** A paragraph of 60 sentences, about 7,000 characters. */
const LONG_PARAGRAPH = Array.from(
  { length: 60 },
  (_, i) => `Survey team ${i} measured the glacier edge with ${'careful '.repeat(8)}instruments.`,
).join(' ');
const LONG_TITLE = Array.from({ length: 40 }, (_, i) => `Glacier${i}`).join(' ');

const ARTICLE = `---\ntitle: ${LONG_TITLE}\ndate: 2024-02-02\n---\n\n${LONG_SENTENCE}\n\n${LONG_PARAGRAPH}\n`;

let e2e: E2E;
let server: DiscordServer;
const guard = new OutgoingMessageGuard(() => server);

beforeAll(async () => {
  e2e = await startE2E({ copyShippedCorpus: false, corpusFiles: { 'glacier.md': ARTICLE }, env: { RATE_LIMIT_QUESTIONS: '1000' } });
  server = e2e.server;
});

afterEach(() => {
  guard.checkNew();
});

afterAll(() => finishE2E(e2e, guard));

/**
 * `shown` (markdown, ending in `…`) is `full` cut at a word: without the markup it is a prefix of
 * `full` that ends right before whitespace.
 */
function expectCutAtWord(shown: string, full: string): void {
  expect(shown.endsWith('…'), `expected a cut ending in …: ${shown.slice(-40)}`).toBe(true);
  const kept = plainText(shown.slice(0, -1)).trimEnd();
  expect(kept.length).toBeGreaterThan(0);
  expect(full.startsWith(kept), `not a prefix of the original: …${kept.slice(-40)}`).toBe(true);
  expect(full.charAt(kept.length), `cut inside a word after …${kept.slice(-20)}`).toMatch(/\s/);
}

/**
 * Like `expectCutAtWord`, for a part of `full` that may start after its beginning ("…" first) and
 * holds the underline that marks a quoted passage.
 */
function expectCutInsideAtWord(shown: string, full: string): void {
  expect(shown.endsWith('…'), `expected a cut ending in …: ${shown.slice(-40)}`).toBe(true);
  const kept = plainText(shown.slice(0, -1).replaceAll('__', '')).replace(/^…/u, '').trim();
  expect(kept.length).toBeGreaterThan(0);
  const at = full.indexOf(kept);
  expect(at, `not a part of the original: …${kept.slice(-40)}`).toBeGreaterThanOrEqual(0);
  expect(full.charAt(at + kept.length), `cut inside a word after …${kept.slice(-20)}`).toMatch(/\s/);
}

function expectAnswerWithinLimits(embed: EmbedView): void {
  expectEmbedWithinLimits(embed);
  const blocks = passageBlocks(embed.description);
  const first = blocks.find((block) => plainText(block.passage).startsWith('The glacier retreated because'));
  if (first === undefined) throw new Error(`precondition: the ~9,000-character sentence is among the passages\n${embed.description ?? ''}`);
  // The ~9,000-character sentence is shown, cut down to its share of the description at a word.
  expectCutAtWord(first.passage, LONG_SENTENCE);
  expect(first.passage).toContain('**glacier**');
  // The overlong title is cited shortened at a word, with the date and paragraph still there.
  expect(first.source).toMatch(/^\*\*Glacier0 Glacier1 .*…\*\* · Feb 2, 2024 · ¶ 1$/);
  expectCutAtWord(first.source.replace(/\*\* · .*$/, '').replace(/^\*\*/, ''), LONG_TITLE);
}

describe('replies longer than Discord allows', () => {
  it('cuts an overlong passage and title to Discord’s limits, at word boundaries', async () => {
    const { reply, embed } = await ask(server, 'Why did the glacier retreat?');
    expect(reply.request.status).toBeLessThan(300);
    expectAnswerWithinLimits(embed);
    // Each passage gets an equal share of the description; the long one uses nearly all of its share.
    const blocks = passageBlocks(embed.description);
    const share = MessageLimits.embedDescription / blocks.length;
    const longest = Math.max(...blocks.map((block) => block.source.length + block.passage.length));
    expect(longest).toBeGreaterThan(share - 300);
  });

  it('cuts "Show context" of an overlong paragraph at a word boundary', async () => {
    const { reply } = await ask(server, 'What did the survey team measure at the glacier edge?');
    const message = reply.message;
    if (message === null) throw new Error('the answer was not stored');
    const click = server.sendButton({ customId: 'context:1', message });
    const context = await server.waitForInteractionReply(click.id);
    expect(context.callbackType).toBe(CallbackType.ChannelMessageWithSource);
    const embed = onlyEmbed(context.body);
    expectEmbedWithinLimits(embed);
    // The paragraph before is shown too; the passage's own paragraph fills the rest of the description.
    expect(embed.description?.length ?? 0).toBeGreaterThan(MessageLimits.embedDescription - 200);
    const [before, own] = (embed.description ?? '').split('\n\n');
    expect(before?.startsWith('-# ¶ 1\n…')).toBe(true);
    expect(own?.startsWith('-# ¶ 2\n')).toBe(true);
    expect(own).toMatch(/__\*\*Survey\*\* \*\*team\*\* \d+ \*\*measured\*\*/u);
    expectCutInsideAtWord((own ?? '').slice('-# ¶ 2\n'.length), LONG_PARAGRAPH);
    expectCutAtWord(embed.title ?? '', LONG_TITLE);
  });

  it('cuts a 300-character question in the title at a word boundary', async () => {
    const question = `Why did the glacier retreat ${'so very much further than anyone had expected '.repeat(6)}`.slice(0, 300).trim();
    expect(question.length).toBeGreaterThan(MessageLimits.embedTitle);
    const { embed } = await ask(server, question);
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(MessageLimits.embedTitle);
    expectCutAtWord(embed.title ?? '', question);
    expect(embedTotal(embed)).toBeLessThanOrEqual(MessageLimits.embedTotal);
  });

  it('a mention answered with the overlong passage is within the limits too', async () => {
    const { reply } = await messageAndReply(server, { content: 'Why did the glacier retreat?', mentionsBot: true });
    expect(reply.status).toBe(200);
    expectAnswerWithinLimits(onlyEmbed(reply.body));
  });
});
