import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { firstUnclosedMarkup } from '../../src/bot/format/truncate.js';
import { embedLength } from '../../src/bot/format/fit-embed.js';
import { formatArticleDate, formatSourceLine } from '../../src/bot/format/source-line.js';
import {
  ANSWER_COLOR,
  articleIdFromFooter,
  followedUpQuestionFromFooter,
  buildAnswerReply,
  LOW_CONFIDENCE_COLOR,
  NO_ANSWER_COLOR,
  buildNoAnswerReply,
  passagesFromDescription,
  questionTitle,
} from '../../src/bot/replies/answer-reply.js';
import type { ReplyPayload } from '../../src/bot/replies/reply-payload.js';
import { answer } from './fake-engine.js';

function onlyEmbed(reply: ReplyPayload): APIEmbed {
  expect(reply.embeds).toHaveLength(1);
  const [embed] = reply.embeds;
  if (embed === undefined) throw new Error('no embed');
  return embed;
}

function expectWithinDiscordLimits(embed: APIEmbed): void {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
  expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
  for (const field of embed.fields ?? []) {
    expect(field.name.length).toBeLessThanOrEqual(256);
    expect(field.value.length).toBeLessThanOrEqual(1024);
  }
  expect(embedLength(embed)).toBeLessThanOrEqual(6000);
}

/** Whether each labelled button of a reply is disabled, by label. */
function buttonStates(reply: ReplyPayload): Record<string, boolean> {
  return Object.fromEntries(
    (reply.components[0]?.components ?? []).flatMap((button) =>
      'label' in button && typeof button.label === 'string' ? [[button.label, button.disabled === true]] : [],
    ),
  );
}

const longWords = (count: number, word = 'Putin'): string => Array.from({ length: count }, () => word).join(' ');

describe('buildAnswerReply', () => {
  const page = { question: 'What did Putin say?', article: null, page: 1, hasMore: true, confidence: 'high' } as const;

  it('shows each passage with matched words in bold and its source', () => {
    const embed = onlyEmbed(buildAnswerReply({ ...page, answers: [answer()] }));
    expect(embed.title).toBe('What did Putin say?');
    expect(embed.description).toBe(
      '**1.** [Trump says no progress with Putin](https://kyivindependent.com/trump-putin-call) · Jul 3, 2025 · ¶ 5\n' +
        '> **Putin** said Russia will pursue its **goals**.',
    );
    expect(embed.footer?.text).toBe('Passage 1');
  });

  it('disables every kind of mention, including the reply ping', () => {
    const reply = buildAnswerReply({ ...page, answers: [answer()] });
    expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it('offers Previous, More results, Show context and 👍 / 👎 with custom ids that carry the page, the votes also the passage shown', () => {
    const reply = buildAnswerReply({ ...page, page: 2, answers: [answer()] });
    const buttons = reply.components[0]?.components ?? [];
    // h6kNipAg: the first 8 characters of the base64url SHA-256 of "trump-putin-call"; paragraph 5, sentence 9.
    expect(buttons.map((button) => ('custom_id' in button ? button.custom_id : null))).toEqual([
      'prev:1',
      'more:3',
      'context:2',
      'fb:up:2:h6kNipAg.5.9',
      'fb:down:2:h6kNipAg.5.9',
    ]);
  });

  it('names every passage of the page in the vote buttons, in the order shown', () => {
    const answers = [
      answer({}, { paragraph: 5, sentence: 9 }),
      answer({}, { article: 'other-article', paragraph: 40, sentence: 400 }),
      answer({}, { paragraph: 1, sentence: 1 }),
    ];
    const reply = buildAnswerReply({ ...page, answers });
    const votes = (reply.components[0]?.components ?? []).flatMap((button) =>
      'custom_id' in button && button.custom_id.startsWith('fb:') ? [button.custom_id] : [],
    );
    expect(votes).toEqual(['fb:up:1:h6kNipAg.5.9~KmKmgCFq.14.b4~h6kNipAg.1.1', 'fb:down:1:h6kNipAg.5.9~KmKmgCFq.14.b4~h6kNipAg.1.1']);
  });

  it('lets the passages be read back from the message as displayed: one line, no bold, no escaping', () => {
    const passage = 'Putin said: "**Russia**\nwill _pursue_ its goals" @everyone <@123> — 50% of *them*.';
    const reply = buildAnswerReply({ ...page, answers: [answer({ passage, terms: ['Putin', 'Russia', 'goals'] }), answer()] });
    const description = onlyEmbed(reply).description ?? '';
    expect(description).toContain('**Putin**');
    expect(passagesFromDescription(description)).toEqual([
      'Putin said: "**Russia** will _pursue_ its goals" @everyone <@123> — 50% of *them*.',
      'Putin said Russia will pursue its goals.',
    ]);
  });

  it('disables More results on the last page', () => {
    const reply = buildAnswerReply({ ...page, hasMore: false, answers: [answer()] });
    expect(buttonStates(reply)['More results']).toBe(true);
  });

  it('disables Previous on the first page only', () => {
    expect(buttonStates(buildAnswerReply({ ...page, answers: [answer()] })).Previous).toBe(true);
    expect(buttonStates(buildAnswerReply({ ...page, page: 2, answers: [answer()] })).Previous).toBe(false);
  });

  it('numbers passages across pages', () => {
    const embed = onlyEmbed(buildAnswerReply({ ...page, page: 2, answers: [answer(), answer()] }));
    expect(embed.description).toMatch(/^\*\*4\.\*\*/);
    expect(embed.description).toContain('\n\n**5.**');
    expect(embed.footer?.text).toBe('Passages 4–5');
  });

  it('escapes the question in the title: no pings, no formatting, no links', () => {
    const embed = onlyEmbed(
      buildAnswerReply({ ...page, question: '@everyone <@123> <@&456> **bold** ||x|| [a](http://evil)', answers: [answer()] }),
    );
    expect(embed.title).not.toContain('@everyone');
    expect(embed.title).not.toContain('<@123>');
    expect(embed.title).not.toContain('<@&456>');
    expect(embed.title).toContain('\\*\\*bold\\*\\*');
    expect(embed.title).toContain('\\|\\|x\\|\\|');
    expect(embed.title).toContain('\\[a](http://evil)');
  });

  it('escapes article titles and passages that contain markdown or mentions', () => {
    const hostile = answer(
      { passage: '@here ||leak|| `code` Putin', terms: ['Putin'] },
      { title: 'A [fake](http://evil) **title**', url: 'https://example.com/a' },
    );
    const description = onlyEmbed(buildAnswerReply({ ...page, answers: [hostile] })).description ?? '';
    expect(description).toContain('[A \\[fake\\](http://evil) \\*\\*title\\*\\*](https://example.com/a)');
    expect(description).toContain('@\u200bhere \\|\\|leak\\|\\| \\`code\\` **Putin**');
  });

  it('stays within every Discord limit with huge passages, titles, urls and questions', () => {
    const huge = answer(
      { passage: longWords(3000), terms: ['Putin'] },
      { title: longWords(500, 'Title'), url: `https://example.com/${'x'.repeat(3000)}` },
    );
    const reply = buildAnswerReply({ ...page, question: longWords(300, 'Why'), answers: [huge, huge, huge] });
    const embed = onlyEmbed(reply);
    expectWithinDiscordLimits(embed);
    expect(firstUnclosedMarkup(embed.description ?? '')).toBe(-1);
    expect(embed.title?.endsWith('…')).toBe(true);
    // Every passage keeps a share of the space: the third is still there.
    expect(embed.description).toContain('**3.**');
  });

  it('cuts long passages at word boundaries, never inside a bold word', () => {
    const passage = Array.from({ length: 1500 }, (_, index) => (index % 3 === 0 ? 'Putin' : `word${index}`)).join(' ');
    const embed = onlyEmbed(buildAnswerReply({ ...page, answers: [answer({ passage, terms: ['Putin'] })] }));
    const quoted = (embed.description ?? '').split('\n> ')[1] ?? '';
    expect(quoted.endsWith('…')).toBe(true);
    const lastWord = quoted.slice(0, -1).split(' ').at(-1) ?? '';
    expect(lastWord === '**Putin**' || /^word\d+$/.test(lastWord)).toBe(true);
    expect((quoted.match(/\*\*/g) ?? []).length % 2).toBe(0);
  });

  it('names the article filter in the footer so the answer can be rebuilt from the message', () => {
    const reply = buildAnswerReply({ ...page, article: { id: 'trump-putin-call', title: 'Trump' }, answers: [answer()] });
    const footer = onlyEmbed(reply).footer?.text;
    expect(articleIdFromFooter(footer)).toBe('trump-putin-call');
  });

  it('says in the footer which question a follow-up was read with, shortened, and the article filter still reads back', () => {
    const earlier = 'what did trump · article: fake say to putin during their hour-long phone call on july third?';
    const reply = buildAnswerReply({
      ...page,
      article: { id: 'trump-putin-call', title: 'Trump' },
      answers: [answer()],
      context: [
        { question: 'an older question', passages: [] },
        { question: earlier, passages: [] },
      ],
    });
    const footer = onlyEmbed(reply).footer?.text;
    expect(footer).toBe(
      'Passage 1 · following up on: what did trump - article: fake say to putin during their… · article: trump-putin-call',
    );
    expect(articleIdFromFooter(footer)).toBe('trump-putin-call');
    expect(followedUpQuestionFromFooter(footer)).toBe('what did trump - article: fake say to putin during their');
  });

  it('says nothing of following up for a question read on its own', () => {
    const footer = onlyEmbed(buildAnswerReply({ ...page, answers: [answer()], context: [] })).footer?.text;
    expect(footer).toBe('Passage 1');
    expect(followedUpQuestionFromFooter(footer)).toBeNull();
  });
});

describe('buildAnswerReply for passages the engine is not sure answer the question (confidence low)', () => {
  const page = { question: 'What did Putin say?', article: null, page: 1, hasMore: true, confidence: 'low' } as const;
  const NOT_SURE = "I'm not sure the articles answer this — the closest passages:";

  it('says so before the passages, in a colour of its own, and calls them the closest passages', () => {
    const embed = onlyEmbed(buildAnswerReply({ ...page, answers: [answer(), answer()] }));
    expect(embed.description?.startsWith(`${NOT_SURE}\n\n**1.** `)).toBe(true);
    expect(embed.color).toBe(LOW_CONFIDENCE_COLOR);
    expect([ANSWER_COLOR, NO_ANSWER_COLOR]).not.toContain(LOW_CONFIDENCE_COLOR);
    expect(embed.footer?.text).toBe('Closest passages 1–2');
  });

  it('keeps what a confident answer has: the question as title, the buttons, the passages readable back from the message', () => {
    const reply = buildAnswerReply({ ...page, answers: [answer()] });
    const embed = onlyEmbed(reply);
    expect(embed.title).toBe('What did Putin say?');
    expect((reply.components[0]?.components ?? []).map((button) => ('custom_id' in button ? button.custom_id : null))).toContain('more:2');
    expect(passagesFromDescription(embed.description)).toEqual(['Putin said Russia will pursue its goals.']);
  });

  it('stays within every Discord limit with huge passages', () => {
    const huge = answer({ passage: longWords(3000), terms: ['Putin'] }, { title: longWords(500, 'Title') });
    const embed = onlyEmbed(buildAnswerReply({ ...page, question: longWords(300, 'Why'), answers: [huge, huge, huge] }));
    expectWithinDiscordLimits(embed);
    expect(embed.description?.startsWith(NOT_SURE)).toBe(true);
    expect(embed.description).toContain('**3.**');
  });

  it('is not said of a confident answer, which looks as it always did', () => {
    const embed = onlyEmbed(buildAnswerReply({ ...page, confidence: 'high', answers: [answer()] }));
    expect(embed.description?.startsWith('**1.** ')).toBe(true);
    expect(embed.color).toBe(ANSWER_COLOR);
    expect(embed.footer?.text).toBe('Passage 1');
  });
});

describe('buildNoAnswerReply', () => {
  it('says plainly that nothing was found and suggests /sources', () => {
    const embed = onlyEmbed(buildNoAnswerReply('Who won the 1930 World Cup?', null));
    expect(embed.description).toContain('I found nothing in the articles');
    expect(embed.description).toContain('/sources');
    expect(embed.title).toBe('Who won the 1930 World Cup?');
  });

  it('says which question a follow-up that found nothing was read with', () => {
    const embed = onlyEmbed(buildNoAnswerReply('how old is she?', null, [{ question: "who's biden's running mate?", passages: [] }]));
    expect(embed.footer?.text).toBe("No passages · following up on: who's biden's running mate?");
  });

  it('names the article when the search was limited to one', () => {
    const embed = onlyEmbed(buildNoAnswerReply('Who?', { id: 'a', title: 'The *one* article' }));
    expect(embed.description).toContain('the article **The \\*one\\* article**');
  });

  it('has no buttons and no mentions', () => {
    const reply = buildNoAnswerReply('@everyone', null);
    expect(reply.components).toEqual([]);
    expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });
});

describe('questionTitle', () => {
  it('keeps the whole escaped question when it fits', () => {
    expect(questionTitle('What is **this**?')).toBe('What is \\*\\*this\\*\\*?');
  });
});

describe('source line', () => {
  it('links the title, formats the date and gives the paragraph', () => {
    expect(formatSourceLine(answer().source)).toBe(
      '[Trump says no progress with Putin](https://kyivindependent.com/trump-putin-call) · Jul 3, 2025 · ¶ 5',
    );
  });

  it('shows a bold title without a link, and leaves out a missing date', () => {
    expect(formatSourceLine(answer({}, { url: null, date: null }).source)).toBe('**Trump says no progress with Putin** · ¶ 5');
  });

  it('does not link a url that is not http(s)', () => {
    expect(formatSourceLine(answer({}, { url: 'javascript:alert(1)' }).source)).not.toContain('javascript');
  });

  it('formats dates in UTC, medium style, and shows non-dates as written', () => {
    expect(formatArticleDate('2025-12-31')).toBe('Dec 31, 2025');
    expect(formatArticleDate('2025-02-31')).toBe('2025-02-31');
    expect(formatArticleDate('summer *2025*')).toBe('summer \\*2025\\*');
    expect(formatArticleDate(null)).toBeNull();
  });
});
