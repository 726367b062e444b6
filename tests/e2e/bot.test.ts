/**
 * The bot as users meet it: started by its own start-up code (`loadConfig` + `startBot`) against
 * the local Discord-compatible server, driven by slash commands, autocomplete, buttons, the
 * message command, mentions and DMs, and judged by what it sends back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CallbackType, Route, type DiscordServer } from '../../src/playground/discord-server/index.js';
import { settled, startE2E, type E2E } from './support/harness.js';
import { ask, callbackOf, feedbackLines, messageAndReply, passageBlocks, slash, textReply } from './support/interact.js';
import {
  buttonsOf,
  contentOf,
  EPHEMERAL,
  flagsOf,
  isRecord,
  onlyEmbed,
  OutgoingMessageGuard,
  plainText,
  voteButtonId,
  votedNumbers,
  voteIdPattern,
} from './support/payloads.js';
import { finishE2E } from './support/finish.js';

const QUESTION = 'Who makes decisions in Russia?';
const PUTIN_ARTICLE = '2025-07-03-trump-putin-call';
const PUTIN_TITLE = 'Trump says he "didn\'t make any progress" with Putin on ending the war in Ukraine';
/** How a passage from paragraph 14 of the shipped article is cited. */
const PARAGRAPH_14_SOURCE = `**${PUTIN_TITLE}** · Jul 3, 2025 · ¶ 14`;
const ONLY_PUTIN = 'only Putin makes decisions in Russia';
/** The three passages the README's "What an answer looks like" shows for QUESTION, in order. */
/** The two sentences of the shipped article that answer the question, in the order the README shows them. */
const ANSWERING_PASSAGES = [
  'The president described Trump and Putin as "completely different people" but emphasized that only Putin makes decisions in Russia.',
  '"In Russia, only Putin makes decisions, which is why we need a meeting at the leadership level if we want to have peace," Zelensky said.',
];
/** A question that 27 sentences answer, one in each garden note, and nothing else does. */
const WATERING_QUESTION = 'When are the tomatoes watered?';
const WATERING_PASSAGE = /^The tomatoes in bed \d\d are watered every \d+ days during dry weather\.$/u;

const GARDEN_COUNT = 27;
const LONG_TITLE =
  'The lighthouse keeper of the northern cape who climbed one hundred and twenty steps every single evening to light the great lamp for passing ships';

function gardenId(n: number): string {
  return `garden-${String(n).padStart(2, '0')}`;
}

/** 27 small articles next to the shipped one: enough for autocomplete's 25-choice cap and a paged /sources. */
function extraArticles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let n = 1; n <= GARDEN_COUNT; n += 1) {
    const nn = String(n).padStart(2, '0');
    files[`${gardenId(n)}.md`] =
      `---\ntitle: Garden note ${nn} on watering tomatoes\ndate: 2025-05-${nn}\n---\n\n` +
      `The tomatoes in bed ${nn} are watered every ${n + 1} days during dry weather.\n\n` +
      `Volunteers mulch bed ${nn} with straw.\n`;
  }
  files['lighthouse.md'] =
    `---\ntitle: ${LONG_TITLE}\ndate: 2024-01-01\n---\n\nThe lighthouse keeper climbed 120 steps every evening to light the lamp.\n`;
  return files;
}

/** The footer of a page that shows `count` passages from number `first` on. */
function pageFooter(first: number, count: number): string {
  return count === 1 ? `Passage ${first}` : `Passages ${first}–${first + count - 1}`;
}

let e2e: E2E;
let server: DiscordServer;
const guard = new OutgoingMessageGuard(() => server);

beforeAll(async () => {
  e2e = await startE2E({ corpusFiles: extraArticles(), env: { RATE_LIMIT_QUESTIONS: '1000' } });
  server = e2e.server;
});

afterEach(() => {
  guard.checkNew();
});

afterAll(() => finishE2E(e2e, guard));

describe('/ask', () => {
  it('answers /ask with the passage that only Putin makes decisions, cited with title, date and paragraph', async () => {
    const { sent, reply, embed } = await ask(server, QUESTION);

    // Deferred publicly, then the answer replaces the "thinking…" message.
    expect(await callbackOf(server, sent.id)).toEqual({ type: CallbackType.DeferredChannelMessageWithSource, flags: 0 });
    expect(reply.kind).toBe('edit');
    expect(flagsOf(reply.message)).toBe(0);

    expect(embed.title).toBe(QUESTION);
    const [first, ...rest] = passageBlocks(embed.description);
    expect(first?.number).toBe(1);
    expect(first?.source).toBe(PARAGRAPH_14_SOURCE);
    expect(plainText(first?.passage ?? '')).toBe(
      'The president described Trump and Putin as "completely different people" but emphasized that only Putin makes decisions in Russia.',
    );
    // The words that matched the question are in bold, each on its own.
    expect(first?.passage).toContain('**decisions**');
    expect(first?.passage).toContain('**Russia**');
    expect(first?.passage).toMatch(/\*\*makes\*\* \*\*decisions\*\* in \*\*Russia\*\*/);
    // Both sentences that answer it come first, numbered on; the third passage is the ranking's choice.
    expect(rest.map((block) => block.number)).toEqual([2, 3]);
    expect([first, rest[0]].map((block) => plainText(block?.passage ?? ''))).toEqual(ANSWERING_PASSAGES);
    expect(rest.map((block) => block.source)).toEqual([
      `**${PUTIN_TITLE}** · Jul 3, 2025 · ¶ 15`,
      expect.stringContaining(`**${PUTIN_TITLE}** · Jul 3, 2025 · ¶ `),
    ]);
    expect(embed.footer).toBe(pageFooter(1, 3));

    // Whether there is a second page is the ranking's business; the paging itself is tested below.
    expect(buttonsOf(reply.body)).toEqual([
      { customId: 'prev:1', label: 'Previous', emoji: undefined, disabled: true },
      { customId: 'more:2', label: 'More results', emoji: undefined, disabled: expect.any(Boolean) },
      { customId: 'context:1', label: 'Show context', emoji: undefined, disabled: false },
      { customId: expect.stringMatching(voteIdPattern('up', 1, 3)), label: undefined, emoji: '👍', disabled: false },
      { customId: expect.stringMatching(voteIdPattern('down', 1, 3)), label: undefined, emoji: '👎', disabled: false },
    ]);
    // The vote buttons name the passages shown, paragraph by paragraph.
    expect(votedNumbers(voteButtonId(reply.body, 'up')).map((passage) => `¶ ${passage.paragraph}`)).toEqual(
      passageBlocks(embed.description).map((block) => /¶ \d+$/u.exec(block.source)?.[0]),
    );
  });

  it('says plainly that nothing relevant was found and suggests /sources', async () => {
    const { reply, embed } = await ask(server, 'What is the capital of France?');
    expect(embed.title).toBe('What is the capital of France?');
    expect(embed.description).toContain('I found nothing in the articles that answers this.');
    expect(embed.description).toContain('`/sources`');
    expect(embed.footer).toBe('No passages');
    // No passages: no buttons that would have nothing to act on.
    expect(buttonsOf(reply.body)).toEqual([]);
  });

  it('searches only the article picked in the `article` option', async () => {
    const question = WATERING_QUESTION;
    const unfiltered = await ask(server, question);
    const unfilteredSources = passageBlocks(unfiltered.embed.description).map((block) => block.source);
    expect(unfilteredSources.some((source) => !source.includes('Garden note 07'))).toBe(true);

    const { embed } = await ask(server, question, { article: gardenId(7) });
    const blocks = passageBlocks(embed.description);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(block.source).toMatch(/^\*\*Garden note 07 on watering tomatoes\*\* · May 7, 2025 · ¶ \d+$/);
    expect(plainText(blocks[0]?.passage ?? '')).toBe('The tomatoes in bed 07 are watered every 8 days during dry weather.');
    expect(embed.footer).toMatch(/ · article: garden-07$/);

    // A title typed in full instead of picked from the suggestions works the same.
    const typed = await ask(server, question, { article: 'garden note 07 ON WATERING tomatoes' });
    expect(typed.embed.description).toBe(embed.description);
    expect(typed.embed.footer).toBe(embed.footer);

    const elsewhere = await ask(server, question, { article: PUTIN_ARTICLE });
    expect(elsewhere.embed.description).toContain(`I found nothing in the article **${PUTIN_TITLE}** that answers this.`);
  });

  it('refuses an article it does not know, privately, pointing at the suggestions and /sources', async () => {
    const sent = server.sendSlashCommand({ name: 'ask', options: { question: QUESTION, article: 'no-such-article' } });
    const reply = await textReply(server, sent);
    expect(reply.callbackType).toBe(CallbackType.ChannelMessageWithSource);
    expect(flagsOf(reply.body)).toBe(EPHEMERAL);
    expect(reply.content).toBe(
      'I don\'t know an article called "no-such-article". Pick one from the list that appears as you type, or see `/sources`.',
    );
  });

  it('answers only to the asker with `private: true` (ephemeral, flags 64)', async () => {
    const { sent, reply, embed } = await ask(server, QUESTION, { private: true });
    expect(await callbackOf(server, sent.id)).toEqual({ type: CallbackType.DeferredChannelMessageWithSource, flags: EPHEMERAL });
    expect(flagsOf(reply.message) & EPHEMERAL).toBe(EPHEMERAL);
    expect(passageBlocks(embed.description)[0]?.source).toBe(PARAGRAPH_14_SOURCE);
    expect(plainText(embed.description ?? '')).toContain(ONLY_PUTIN);
  });
});

describe('autocomplete for `article`', () => {
  async function choices(value: string): Promise<{ name: string; value: string }[]> {
    const sent = server.sendAutocomplete({ name: 'ask', focused: 'article', value, options: { question: QUESTION } });
    const callback = await server.waitForInteractionCallback(sent.id);
    const body = callback.body;
    if (!isRecord(body) || !isRecord(body.data) || !Array.isArray(body.data.choices)) throw new Error('no choices in the callback');
    expect(body.type).toBe(CallbackType.ApplicationCommandAutocompleteResult);
    return body.data.choices.filter(isRecord).map((choice) => ({ name: String(choice.name), value: String(choice.value) }));
  }

  it('answers with a type-8 callback of at most 25 choices, each at most 100 characters', async () => {
    const all = await choices('');
    expect(all).toHaveLength(25); // 29 articles, cut to Discord's maximum
    expect(all[0]).toEqual({ name: `${PUTIN_TITLE} (2025-07-03)`, value: PUTIN_ARTICLE });

    const gardens = await choices('garden');
    expect(gardens).toHaveLength(25);
    expect(gardens.every((choice) => /^garden-\d\d$/.test(choice.value))).toBe(true);
    expect(gardens[0]).toEqual({ name: 'Garden note 27 on watering tomatoes (2025-05-27)', value: gardenId(27) });

    for (const choice of [...all, ...gardens]) {
      expect(choice.name.length).toBeGreaterThan(0);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });

  it('shortens an overlong title at a word to fit 100 characters and finds titles by any part', async () => {
    const [lighthouse, ...others] = await choices('LIGHTHOUSE keeper');
    expect(others).toEqual([]);
    expect(lighthouse?.value).toBe('lighthouse');
    const name = lighthouse?.name ?? '';
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name).toMatch(/… \(2024-01-01\)$/);
    const shown = name.replace(/… \(2024-01-01\)$/, '');
    expect(LONG_TITLE.startsWith(`${shown} `)).toBe(true);

    expect(await choices('PUTIN')).toEqual([{ name: `${PUTIN_TITLE} (2025-07-03)`, value: PUTIN_ARTICLE }]);
    expect(await choices('nothing is called this')).toEqual([]);
  });
});

describe('buttons under an answer', () => {
  it('More results replaces the passages in place with the next page', async () => {
    const { reply } = await ask(server, WATERING_QUESTION);
    const message = reply.message;
    if (message === null) throw new Error('the answer was not stored');
    const page1 = passageBlocks(onlyEmbed(reply.body).description).map((block) => plainText(block.passage));
    expect(page1).toHaveLength(3);

    const click = server.sendButton({ customId: 'more:2', message });
    const update = await server.waitForInteractionReply(click.id);
    expect(update.callbackType).toBe(CallbackType.UpdateMessage);
    const page2 = onlyEmbed(update.body);
    expect(page2.title).toBe(WATERING_QUESTION);
    const blocks = passageBlocks(page2.description);
    expect(blocks.map((block) => block.number)).toEqual([4, 5, 6]);
    // Three more of the 27 watering sentences, none of them already on page 1.
    const shown = [...page1, ...blocks.map((block) => plainText(block.passage))];
    for (const passage of shown) expect(passage).toMatch(WATERING_PASSAGE);
    expect(new Set(shown).size).toBe(6);
    expect(page2.footer).toBe(pageFooter(4, 3));
    expect(buttonsOf(update.body).map((button) => [button.customId, button.disabled])).toEqual([
      ['prev:1', false],
      ['more:3', false],
      ['context:2', false],
      [expect.stringMatching(voteIdPattern('up', 2, 3)), false],
      [expect.stringMatching(voteIdPattern('down', 2, 3)), false],
    ]);

    // The same message now shows page 2; no new message was posted.
    const stored = server.getMessage(message.id);
    expect(onlyEmbed(stored).footer).toBe(pageFooter(4, 3));
    expect(server.interactionRequests(click.id).map((request) => request.kind)).toEqual(['callback']);

    // Previous goes back to the first page, in place.
    const back = server.sendButton({ customId: 'prev:1', message });
    const previous = await server.waitForInteractionReply(back.id);
    expect(previous.callbackType).toBe(CallbackType.UpdateMessage);
    const again = onlyEmbed(previous.body);
    expect(again.footer).toBe(pageFooter(1, 3));
    expect(passageBlocks(again.description).map((block) => plainText(block.passage))).toEqual(page1);
    expect(buttonsOf(previous.body).find((button) => button.label === 'Previous')?.disabled).toBe(true);
  });

  it('Show context shows the paragraph around the first passage and its neighbours, the passage marked, only to the one who clicked', async () => {
    const { reply, embed } = await ask(server, 'Which weapons shipments were paused?');
    expect(passageBlocks(embed.description)[0]?.source).toBe(`**${PUTIN_TITLE}** · Jul 3, 2025 · ¶ 12`);
    const message = reply.message;
    if (message === null) throw new Error('the answer was not stored');

    const click = server.sendButton({ customId: 'context:1', message, user: 'admin' });
    const context = await server.waitForInteractionReply(click.id);
    expect(context.callbackType).toBe(CallbackType.ChannelMessageWithSource);
    expect(flagsOf(context.body)).toBe(EPHEMERAL);
    const shown = onlyEmbed(context.body);
    expect(shown.title).toBe(PUTIN_TITLE);
    // The paragraphs before and after too, and the quoted passage underlined in its own.
    expect(plainText(shown.description ?? '')).toBe(
      '-# ¶ 11\nThe strikes have destroyed numerous infrastructure as Russia intensifies its assault despite repeated calls ' +
        'from Kyiv, Washington, and European leaders for an unconditional ceasefire.\n\n' +
        '-# ¶ 12\n__The phone call also came just a day after the U.S. Defense Department paused shipments of key weapons systems to Ukraine, ' +
        "including Patriot air defense missiles and precision-guided munitions.__ Ukraine's Foreign Ministry has warned that the delay " +
        'undermines defense efforts and risks emboldening Russia to escalate further.\n\n' +
        '-# ¶ 13\nPresident Volodymyr Zelensky, speaking from Denmark earlier in the day, said that achieving peace would require ' +
        'direct talks between national leaders.',
    );
    expect(shown.description).toContain('**paused** **shipments**');
    expect(shown.footer).toMatch(/^Jul 3, 2025 · paragraph 12 · sentence \d+ · the quoted passage is underlined$/);
    // The answer itself is untouched.
    expect(onlyEmbed(server.getMessage(message.id)).footer).toBe(embed.footer);
  });

  it('👍 and 👎 each append a JSON line with the question and every passage shown to the feedback file', async () => {
    const before = await feedbackLines(e2e.feedbackFile);
    const { reply, embed } = await ask(server, QUESTION);
    const message = reply.message;
    if (message === null) throw new Error('the answer was not stored');
    const shown = passageBlocks(embed.description);
    expect(shown, 'precondition: a page of three passages').toHaveLength(3);

    const up = server.sendButton({ customId: voteButtonId(reply.body, 'up'), message });
    const thanksUp = await server.waitForInteractionReply(up.id);
    expect(flagsOf(thanksUp.body)).toBe(EPHEMERAL);
    expect(thanksUp.content).toBe('Thanks! Recorded your 👍 for this answer.');

    const down = server.sendButton({ customId: voteButtonId(reply.body, 'down'), message, user: 'admin' });
    const thanksDown = await server.waitForInteractionReply(down.id);
    expect(flagsOf(thanksDown.body)).toBe(EPHEMERAL);
    expect(thanksDown.content).toContain('recorded your 👎');

    const lines = (await feedbackLines(e2e.feedbackFile)).slice(before.length);
    const numbers = votedNumbers(voteButtonId(reply.body, 'up'));
    const passages = shown.map((block, index) => ({
      article: PUTIN_ARTICLE,
      paragraph: Number(/¶ (\d+)$/u.exec(block.source)?.[1]),
      sentence: numbers[index]?.sentence,
      passage: plainText(block.passage),
    }));
    const expected = {
      guild: server.guildId,
      question: QUESTION,
      article: PUTIN_ARTICLE,
      paragraph: 14,
      sentence: numbers[0]?.sentence,
      passage:
        'The president described Trump and Putin as "completely different people" but emphasized that only Putin makes decisions in Russia.',
      passages,
    };
    expect(passages[0]?.passage).toBe(expected.passage);
    expect(lines).toEqual([
      {
        ...expected,
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        user: server.memberUser.id,
        vote: 'up',
      },
      {
        ...expected,
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        user: server.adminUser.id,
        vote: 'down',
      },
    ]);
    // A vote does not change the answer.
    expect(server.interactionRequests(up.id).map((request) => request.kind)).toEqual(['callback']);
  });

  it('a button on an old answer whose state was forgotten still works, rebuilt from the message and its buttons', async () => {
    const { reply } = await ask(server, QUESTION);
    const message = reply.message;
    const watering = (await ask(server, WATERING_QUESTION)).reply.message;
    if (message === null || watering === null) throw new Error('the answer was not stored');
    const before = await feedbackLines(e2e.feedbackFile);

    await settled(e2e.bot); // the answer is remembered once its handler finishes
    e2e.advanceClock(16 * 60_000); // past the 15-minute memory of answer states

    const more = server.sendButton({ customId: 'more:2', message: watering });
    const update = await server.waitForInteractionReply(more.id);
    expect(update.callbackType).toBe(CallbackType.UpdateMessage);
    const page2 = onlyEmbed(update.body);
    expect(page2.title).toBe(WATERING_QUESTION);
    const blocks = passageBlocks(page2.description);
    expect(blocks.map((block) => block.number)).toEqual([4, 5, 6]);
    for (const block of blocks) expect(plainText(block.passage)).toMatch(WATERING_PASSAGE);
    expect(page2.footer).toBe(pageFooter(4, 3));

    // Page 1 of the first answer, as displayed and named by its buttons, though nothing remembers it any more.
    const vote = server.sendButton({ customId: voteButtonId(reply.body, 'up'), message });
    expect((await server.waitForInteractionReply(vote.id)).content).toBe('Thanks! Recorded your 👍 for this answer.');
    const [line] = (await feedbackLines(e2e.feedbackFile)).slice(before.length);
    const numbers = votedNumbers(voteButtonId(reply.body, 'up'));
    const page1 = passageBlocks(onlyEmbed(reply.body).description).map((block, index) => ({
      article: PUTIN_ARTICLE,
      paragraph: Number(/¶ (\d+)$/u.exec(block.source)?.[1]),
      sentence: numbers[index]?.sentence,
      passage: plainText(block.passage),
    }));
    expect(page1.map((passage) => passage.paragraph).slice(0, 2)).toEqual([14, 15]);
    expect(line).toMatchObject({ question: QUESTION, vote: 'up', ...page1[0], passages: page1 });
  });

  it('a forgotten answer keeps its article filter and its exact question (markdown, mentions) when rebuilt from the message', async () => {
    const question = '@here when are the ||tomatoes|| **watered** during dry weather?';
    const { reply, embed } = await ask(server, question, { article: gardenId(7) });
    expect(embed.title).toBe('@\u200bhere when are the \\|\\|tomatoes\\|\\| \\*\\*watered\\*\\* during dry weather?');
    expect(passageBlocks(embed.description).length, 'precondition: the question has an answer in garden-07').toBeGreaterThan(0);
    const message = reply.message;
    if (message === null) throw new Error('the answer was not stored');
    const before = await feedbackLines(e2e.feedbackFile);

    await settled(e2e.bot);
    e2e.advanceClock(16 * 60_000);

    const vote = server.sendButton({ customId: voteButtonId(reply.body, 'up'), message });
    expect((await server.waitForInteractionReply(vote.id)).content).toBe('Thanks! Recorded your 👍 for this answer.');
    const [line] = (await feedbackLines(e2e.feedbackFile)).slice(before.length);
    // Unfiltered, the first passage would come from another garden note.
    expect(line).toMatchObject({
      question,
      article: gardenId(7),
      passage: 'The tomatoes in bed 07 are watered every 8 days during dry weather.',
      vote: 'up',
    });
  });

  it('a button whose question can no longer be recovered says clearly that it expired', async () => {
    // Too long to show in full in the title, so the message alone cannot tell the question.
    const question =
      `${QUESTION} ${'I would really like to know the whole story behind this, please explain it in detail.'.repeat(3)}`.slice(0, 299);
    const { reply, embed } = await ask(server, question);
    expect(embed.title?.endsWith('…')).toBe(true);
    const message = reply.message;
    if (message === null) throw new Error('the answer was not stored');
    expect(passageBlocks(embed.description).length, 'precondition: the long question has an answer').toBeGreaterThan(0);
    const enabled = buttonsOf(reply.body)
      .filter((button) => !button.disabled)
      .map((button) => button.customId);
    const upId = voteButtonId(reply.body, 'up');
    expect(enabled).toEqual(expect.arrayContaining(['context:1', upId, voteButtonId(reply.body, 'down')]));

    await settled(e2e.bot);
    e2e.advanceClock(16 * 60_000);

    for (const customId of enabled.filter((id) => id !== upId)) {
      const click = server.sendButton({ customId, message });
      const expired = await server.waitForInteractionReply(click.id);
      expect(expired.callbackType).toBe(CallbackType.ChannelMessageWithSource);
      expect(flagsOf(expired.body)).toBe(EPHEMERAL);
      expect(expired.content).toBe('These buttons have expired. Ask again with `/ask` to get a fresh answer.');
    }
    // Nothing was changed.
    expect(onlyEmbed(server.getMessage(message.id)).footer).toBe(embed.footer);

    // A button from an older version of the bot, whose id is no longer understood.
    const legacy = server.sendButton({ customId: 'answer-more:abc' });
    expect((await server.waitForInteractionReply(legacy.id)).content).toContain('These buttons have expired.');
  });
});

describe('"Find in articles" message command', () => {
  it('answers with the right-clicked message’s text as the question', async () => {
    const target = 'Is it true that only Putin makes decisions in Russia?';
    const sent = server.sendMessageCommand({ name: 'Find in articles', targetMessage: { content: target }, user: 'admin' });
    const reply = await server.waitForInteractionReply(sent.id);
    expect(await callbackOf(server, sent.id)).toEqual({ type: CallbackType.DeferredChannelMessageWithSource, flags: 0 });
    const embed = onlyEmbed(reply.body);
    expect(embed.title).toBe(target);
    const [first] = passageBlocks(embed.description);
    expect(first?.source).toMatch(new RegExp(`^\\*\\*${escapeRegExp(PUTIN_TITLE)}\\*\\* · Jul 3, 2025 · ¶ 1[45]$`));
    expect(plainText(first?.passage ?? '')).toMatch(/only Putin makes decisions/);
    expect(buttonsOf(reply.body).map((button) => button.customId)).toEqual([
      'prev:1',
      'more:2',
      'context:1',
      expect.stringMatching(voteIdPattern('up', 1, passageBlocks(embed.description).length)),
      expect.stringMatching(voteIdPattern('down', 1, passageBlocks(embed.description).length)),
    ]);
  });

  it('says so privately when the message has no text', async () => {
    const sent = server.sendMessageCommand({ name: 'Find in articles', targetMessage: { content: '   ' } });
    const reply = await textReply(server, sent);
    expect(flagsOf(reply.body)).toBe(EPHEMERAL);
    expect(reply.content).toBe('That message has no text I could look up (only attachments, embeds or stickers).');
  });
});

describe('mentions and DMs', () => {
  it('answers a mention in a guild channel as a reply to that message', async () => {
    const { sent, reply } = await messageAndReply(server, { content: QUESTION, mentionsBot: true });
    expect(reply.method).toBe('POST');
    expect(reply.path).toBe(`/channels/${server.channelId}/messages`);
    expect(isRecord(reply.body) && reply.body.message_reference).toMatchObject({ message_id: sent.id });
    const embed = onlyEmbed(reply.body);
    expect(embed.title).toBe(QUESTION);
    expect(passageBlocks(embed.description)[0]?.source).toBe(PARAGRAPH_14_SOURCE);
    expect(plainText(embed.description ?? '')).toContain(ONLY_PUTIN);
    expect(buttonsOf(reply.body).map((button) => button.customId)).toEqual([
      'prev:1',
      'more:2',
      'context:1',
      expect.stringMatching(voteIdPattern('up', 1, passageBlocks(embed.description).length)),
      expect.stringMatching(voteIdPattern('down', 1, passageBlocks(embed.description).length)),
    ]);
  });

  it('ignores guild messages that do not mention it', async () => {
    const ignored = server.sendMessage({ content: QUESTION });
    // Handled in order: once the next mention is answered, the first message has been seen.
    await messageAndReply(server, { content: QUESTION, mentionsBot: true });
    const repliesToIgnored = server.requests.filter(
      (request) =>
        isRecord(request.body) && isRecord(request.body.message_reference) && request.body.message_reference.message_id === ignored.id,
    );
    expect(repliesToIgnored).toEqual([]);
  });

  it('answers a DM, no mention needed', async () => {
    const { sent, reply } = await messageAndReply(server, { content: QUESTION, dm: true });
    expect(sent.guildId).toBeNull();
    expect(reply.path).toBe(`/channels/${sent.channelId}/messages`);
    expect(sent.channelId).not.toBe(server.channelId);
    const embed = onlyEmbed(reply.body);
    expect(embed.title).toBe(QUESTION);
    expect(passageBlocks(embed.description)[0]?.source).toBe(PARAGRAPH_14_SOURCE);

    // Its buttons work in the DM too; a vote there has no guild.
    const answer = server.getMessage(isRecord(reply.response) && typeof reply.response.id === 'string' ? reply.response.id : '');
    if (answer === undefined) throw new Error('the DM answer was not stored');
    const before = await feedbackLines(e2e.feedbackFile);
    const vote = server.sendButton({ customId: voteButtonId(reply.body, 'down'), message: answer, dm: true });
    expect((await server.waitForInteractionReply(vote.id)).content).toContain('recorded your 👎');
    const [line] = (await feedbackLines(e2e.feedbackFile)).slice(before.length);
    expect(line).toMatchObject({ guild: null, question: QUESTION, paragraph: 14, vote: 'down', user: server.memberUser.id });
  });

  it('a mention without a question gets a hint on how to ask', async () => {
    const { reply } = await messageAndReply(server, { content: '', mentionsBot: true });
    expect(contentOf(reply.body)).toContain('Ask me a question about the articles');
    expect(contentOf(reply.body)).toContain('`/help`');
  });
});

describe('/sources and /help', () => {
  it('/sources lists the articles with dates and sizes, with ◀ ▶ buttons that page in place', async () => {
    const { reply, embed } = await slash(server, { name: 'sources' });
    expect(reply.callbackType).toBe(CallbackType.ChannelMessageWithSource);
    expect(flagsOf(reply.body)).toBe(0);
    expect(embed.title).toBe('Articles I can answer from');
    const lines = (embed.description ?? '').split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(new RegExp(`^\\*\\*1\\.\\*\\* \\*\\*${escapeRegExp(PUTIN_TITLE)}\\*\\* · Jul 3, 2025 · \\d+ sentences$`));
    expect(lines[1]).toBe('**2.** **Garden note 27 on watering tomatoes** · May 27, 2025 · 2 sentences');
    expect(embed.footer).toMatch(/^Page 1 of 3 · 29 articles · \d+ sentences$/);
    expect(buttonsOf(reply.body)).toEqual([
      { customId: 'sources:0', label: undefined, emoji: '◀', disabled: true },
      { customId: 'sources:2', label: undefined, emoji: '▶', disabled: false },
    ]);

    const message = reply.message;
    if (message === null) throw new Error('the list was not stored');
    const next = server.sendButton({ customId: 'sources:2', message });
    const page2 = await server.waitForInteractionReply(next.id);
    expect(page2.callbackType).toBe(CallbackType.UpdateMessage);
    const embed2 = onlyEmbed(page2.body);
    expect((embed2.description ?? '').split('\n')[0]).toBe('**11.** **Garden note 18 on watering tomatoes** · May 18, 2025 · 2 sentences');
    expect(embed2.footer).toMatch(/^Page 2 of 3 · /);

    const last = server.sendButton({ customId: 'sources:3', message });
    const embed3 = onlyEmbed((await server.waitForInteractionReply(last.id)).body);
    const page3Lines = (embed3.description ?? '').split('\n');
    expect(page3Lines.at(-1)).toMatch(/^\*\*29\.\*\* \*\*The lighthouse keeper .*…\*\* · Jan 1, 2024 · 1 sentence$/);
  });

  it('/help explains /ask, mentions, follow-ups, Find in articles, the buttons, /sources and the configured rate limit', async () => {
    const { reply, embed } = await slash(server, { name: 'help' });
    expect(reply.callbackType).toBe(CallbackType.ChannelMessageWithSource);
    expect(embed.title).toBe('How to ask me about the articles');
    expect(embed.fields.map((field) => field.name)).toEqual([
      '/ask',
      'Mention me, or send me a DM',
      'Follow-up questions',
      'Check a message against the articles',
      'Buttons under an answer',
      '/sources',
      'Tips',
    ]);
    const text = embed.fields.map((field) => field.value).join('\n');
    expect(text).toContain('**Find in articles**');
    expect(text).toContain('**More results**');
    expect(text).toContain('**Show context**');
    expect(text).toContain('Each person can ask 1000 questions every 30 seconds.');
  });
});

describe('mentions and markdown typed by people', () => {
  it('escapes @everyone, shows role and user mentions by name, escapes bold and spoilers where the question is echoed, and pings no one', async () => {
    const role = server.guild.adminRoleId;
    const admin = server.adminUser.id;
    const question = `@everyone @here <@&${role}> <@${admin}> who makes **decisions** in ||Russia||?`;
    // Mentions are shown by name, as Discord shows them (zero-width spaces mark where each name ends).
    const shown = `@\u200beveryone @\u200bhere @\u200bAdmin\u200b @\u200b${server.adminUser.username}\u200b who makes \\*\\*decisions\\*\\* in \\|\\|Russia\\|\\|?`;

    const slashAnswer = await ask(server, question);
    expect(slashAnswer.embed.title).toBe(shown);
    expect(plainText(slashAnswer.embed.description ?? '')).toContain(ONLY_PUTIN);

    const mention = await messageAndReply(server, { content: question, mentionsBot: true });
    expect(onlyEmbed(mention.reply.body).title).toBe(shown);

    const unknownArticle = server.sendSlashCommand({
      name: 'ask',
      options: { question: QUESTION, article: `@everyone **loud** <@&${role}>` },
    });
    const notice = await textReply(server, unknownArticle);
    expect(notice.content).toContain(`"@\u200beveryone \\*\\*loud\\*\\* <@&\u200b${role}>"`);

    for (const stored of [slashAnswer.reply.message, mention.reply.response, notice.message]) {
      if (!isRecord(stored)) throw new Error('the reply was not stored');
      expect(stored.mentions, 'users pinged').toEqual([]);
      expect(stored.mention_roles ?? [], 'roles pinged').toEqual([]);
      const visible = `${contentOf(stored)}\n${onlyEmbedOrNone(stored)}`;
      expect(visible).not.toMatch(/@(everyone|here)/);
      expect(visible).not.toMatch(/<@[!&]?\d/);
      expect(visible).not.toMatch(/\| ?\|/); // no spoiler markup survives (escaped pipes are `\|\|`)
    }
    // And Discord is told not to ping anyone, whatever the text says.
    for (const request of [slashAnswer.reply.request, mention.reply, notice.request]) {
      const body = request.route === Route.InteractionCallback && isRecord(request.body) ? request.body.data : request.body;
      expect(isRecord(body) && body.allowed_mentions).toMatchObject({ parse: [] });
    }
  });
});

function onlyEmbedOrNone(message: unknown): string {
  if (!isRecord(message) || !Array.isArray(message.embeds) || message.embeds.length === 0) return '';
  const embed = onlyEmbed(message);
  return [embed.title, embed.description, embed.footer].join('\n');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
