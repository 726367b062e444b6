/**
 * Right-to-left overrides and the other bidirectional controls, in an article and in a question,
 * reach no message the bot sends: otherwise Discord would show the rest of a quoted passage and
 * of the echoed question reversed. (Every e2e file's guard checks every outgoing message too.)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DiscordServer } from '../../src/playground/discord-server/index.js';
import { finishE2E } from './support/finish.js';
import { settled, startE2E, type E2E } from './support/harness.js';
import { ask, messageAndReply } from './support/interact.js';
import { expectNoBidiControls, OutgoingMessageGuard, onlyEmbed, plainText } from './support/payloads.js';

const RLO = '\u202e';
const ARTICLE = [
  '---',
  `title: The ${RLO}harbour report`,
  'date: 2024-05-01',
  '---',
  '',
  `The ferry ${RLO}reached the harbour at noon after the storm.`,
  '',
].join('\n');

let e2e: E2E;
let server: DiscordServer;
const guard = new OutgoingMessageGuard(() => server);

beforeAll(async () => {
  e2e = await startE2E({ copyShippedCorpus: false, corpusFiles: { 'harbour.md': ARTICLE }, env: { RATE_LIMIT_QUESTIONS: '1000' } });
  server = e2e.server;
});

afterEach(async () => {
  if (e2e !== undefined) await settled(e2e.bot);
  guard.checkNew();
});

afterAll(() => finishE2E(e2e, guard));

describe('bidirectional controls in an article or a question', () => {
  it('are not in the answer to /ask: the question and the passage read in their own order', async () => {
    const mark = server.requests.at(-1)?.seq ?? 0;
    const { embed } = await ask(server, `when did the ferry ${RLO}reach the harbour?`);
    expect(embed.title).toBe('when did the ferry reach the harbour?');
    expect(plainText(embed.description ?? '')).toContain('The ferry reached the harbour at noon after the storm.');
    expect(plainText(embed.description ?? '')).toContain('The harbour report');
    expect(expectNoBidiControls(server.requests.filter((request) => request.seq > mark))).toBeGreaterThan(0);
  });

  it('are not in the reply to a mention', async () => {
    const { reply } = await messageAndReply(server, { content: `\u2067when did the ferry reach the harbour?\u2069`, mentionsBot: true });
    expect(onlyEmbed(reply.body).title).toBe('when did the ferry reach the harbour?');
    expect(expectNoBidiControls([reply])).toBe(1);
  });
});
