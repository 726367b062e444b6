import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { embedLength } from '../../src/bot/format/fit-embed.js';
import { firstUnclosedMarkup } from '../../src/bot/format/truncate.js';
import { buildContextReply } from '../../src/bot/replies/context-reply.js';
import { buildHelpReply, HOW_IT_MATCHES } from '../../src/bot/replies/help-reply.js';
import * as notices from '../../src/bot/replies/notices.js';
import { buildReloadFailedReply, buildReloadReply } from '../../src/bot/replies/reload-reply.js';
import type { ReplyPayload } from '../../src/bot/replies/reply-payload.js';
import { buildSourcesReply } from '../../src/bot/replies/sources-reply.js';
import type { CorpusProblem } from '../../src/corpus/types.js';
import type { ArticleSummary } from '../../src/search/types.js';
import { answer } from './fake-engine.js';

function firstEmbed(reply: ReplyPayload): APIEmbed {
  const [embed] = reply.embeds;
  if (embed === undefined) throw new Error('no embed');
  return embed;
}

function summaries(count: number): ArticleSummary[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `article-${index + 1}`,
    title: `Article ${index + 1}`,
    date: '2025-07-03',
    url: `https://example.com/${index + 1}`,
    source: null,
    added: null,
    feed: null,
    paragraphs: 3,
    sentences: 10 + index,
  }));
}

function customIds(reply: ReplyPayload): (string | null)[] {
  return reply.components.flatMap((row) => row.components.map((button) => ('custom_id' in button ? button.custom_id : null)));
}

describe('buildSourcesReply', () => {
  it('lists title (linked), date and sentence count, ten per page', () => {
    const embed = firstEmbed(buildSourcesReply(summaries(23), 1));
    const lines = embed.description?.split('\n') ?? [];
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('**1.** [Article 1](https://example.com/1) · Jul 3, 2025 · 10 sentences');
    expect(embed.footer?.text).toBe('Page 1 of 3 · 23 articles · 483 sentences');
  });

  it('pages with ◀ ▶ buttons, disabled at the ends', () => {
    const last = buildSourcesReply(summaries(23), 3);
    expect(firstEmbed(last).description?.split('\n')).toHaveLength(3);
    expect(customIds(last)).toEqual(['sources:2', 'sources:4']);
    const buttons = last.components[0]?.components ?? [];
    expect(buttons.map((button) => ('disabled' in button ? button.disabled : undefined))).toEqual([false, true]);
  });

  it('shows the nearest real page for a page that no longer exists', () => {
    expect(firstEmbed(buildSourcesReply(summaries(5), 9)).footer?.text).toContain('Page 1 of 1');
  });

  it('has no buttons when everything fits on one page', () => {
    expect(buildSourcesReply(summaries(3), 1).components).toEqual([]);
  });

  it('explains what to do when the corpus is empty', () => {
    expect(firstEmbed(buildSourcesReply([], 1)).description).toContain('No articles are loaded');
  });

  it('stays within limits with huge titles and urls', () => {
    const huge = summaries(10).map((article) => ({
      ...article,
      title: 'Long title '.repeat(300),
      url: `https://example.com/${'x'.repeat(5000)}`,
    }));
    const embed = firstEmbed(buildSourcesReply(huge, 1));
    expect(embed.description?.length).toBeLessThanOrEqual(4096);
    expect(embedLength(embed)).toBeLessThanOrEqual(6000);
    expect(firstUnclosedMarkup(embed.description ?? '')).toBe(-1);
  });
});

describe('buildReloadReply', () => {
  const problems: CorpusProblem[] = [
    { severity: 'warning', file: 'corpus/notes.pdf', line: null, message: 'is not an article: only .md and .txt files are read; ignored' },
    { severity: 'error', file: 'corpus/bad_*name*.md', line: 3, message: 'front matter field `date` is not a date (got "July")' },
  ];

  it('gives the counts and each problem as file:line — message, failures first, escaped', () => {
    const embed = firstEmbed(buildReloadReply({ articles: 12, sentences: 840, problems, previous: { articles: 11, sentences: 800 } }));
    expect(embed.title).toBe('Corpus reloaded: 1 file failed, 1 warning');
    const lines = embed.description?.split('\n') ?? [];
    expect(lines[0]).toBe('Now answering from 12 articles (840 sentences); before: 11 articles (800 sentences).');
    expect(lines[2]).toBe('✖ corpus/bad\\_\\*name\\*.md:3 — front matter field \\`date\\` is not a date (got "July")');
    expect(lines[3]).toBe('⚠ corpus/notes.pdf — is not an article: only .md and .txt files are read; ignored');
  });

  it('counts the problems that do not fit instead of dropping them silently', () => {
    const many: CorpusProblem[] = Array.from({ length: 500 }, (_, index) => ({
      severity: 'error',
      file: `corpus/file-${index}.md`,
      line: index,
      message: 'cannot be read (permission denied)',
    }));
    const embed = firstEmbed(buildReloadReply({ articles: 0, sentences: 0, problems: many, previous: { articles: 1, sentences: 1 } }));
    expect(embed.description?.length).toBeLessThanOrEqual(4096);
    expect(embed.description).toMatch(/… and [\d,]+ more problems$/);
  });

  it('says a failed reload changed nothing', () => {
    const embed = firstEmbed(buildReloadFailedReply('ENOENT: no such file or directory, scandir "corpus/"'));
    expect(embed.title).toBe('Reload failed');
    expect(embed.description).toContain('still being used');
  });
});

describe('buildContextReply', () => {
  const MARKED = 'the quoted passage is underlined';

  it('shows the paragraphs before and after, and underlines the quoted passage in its paragraph, matched words in bold', () => {
    const embed = firstEmbed(
      buildContextReply(answer(), {
        previous: 'The day began early.',
        paragraph: 'Before that. Putin said Russia will pursue its goals. After that.',
        next: 'Later on, nothing.',
      }),
    );
    expect(embed.description).toBe(
      '-# ¶ 4\nThe day began early.\n\n' +
        '-# ¶ 5\nBefore that. __**Putin** said Russia will pursue its **goals**.__ After that.\n\n' +
        '-# ¶ 6\nLater on, nothing.',
    );
    expect(embed.url).toBe('https://kyivindependent.com/trump-putin-call');
    expect(embed.footer?.text).toBe(`Jul 3, 2025 · paragraph 5 · sentence 9 · ${MARKED}`);
  });

  it('shows more than the passage again when its paragraph is that one sentence', () => {
    const embed = firstEmbed(
      buildContextReply(answer(), { previous: 'What came first.', paragraph: 'Putin said Russia will pursue its goals.', next: undefined }),
    );
    expect(embed.description).toBe('-# ¶ 4\nWhat came first.\n\n-# ¶ 5\n__**Putin** said Russia will pursue its **goals**.__');
  });

  it('shows the paragraph as it is, unmarked, when the passage is no longer in it', () => {
    const embed = firstEmbed(
      buildContextReply(answer(), { previous: undefined, paragraph: 'Putin left. Goals changed.', next: undefined }),
    );
    expect(embed.description).toBe('-# ¶ 5\n**Putin** left. **Goals** changed.');
    expect(embed.footer?.text).toBe('Jul 3, 2025 · paragraph 5 · sentence 9');
  });

  it('keeps the marked passage whole and stays within limits when the neighbours are huge', () => {
    const huge = 'Putin words '.repeat(5000);
    const embed = firstEmbed(
      buildContextReply(answer(), { previous: huge, paragraph: `${huge} Putin said Russia will pursue its goals. ${huge}`, next: huge }),
    );
    expect(embed.description?.length).toBeLessThanOrEqual(4096);
    expect(embed.description).toContain('__**Putin** said Russia will pursue its **goals**.__');
    expect(firstUnclosedMarkup(embed.description ?? '')).toBe(-1);
    expect(embed.description).toMatch(/^-# ¶ 4\n…/u);
  });
});

describe('buildHelpReply', () => {
  it('explains /ask, mentions, follow-ups, the message command, the buttons and /sources, with the rate limit', () => {
    const embed = firstEmbed(buildHelpReply({ questions: 5, windowSeconds: 30 }));
    const text = JSON.stringify(embed);
    for (const topic of [
      '/ask',
      'Mention',
      'Find in articles',
      'More results',
      'Show context',
      'Follow-up questions',
      'new question:',
      '/sources',
      '5 questions every 30 seconds',
    ]) {
      expect(text).toContain(topic);
    }
    expect(embedLength(embed)).toBeLessThanOrEqual(6000);
  });

  it('says in one line what the bot compares: the words of the question and its meaning', () => {
    const embed = firstEmbed(buildHelpReply({ questions: 5, windowSeconds: 30 }));
    const lines = (embed.description ?? '').split('\n');
    expect(lines).toContain(HOW_IT_MATCHES);
    expect(HOW_IT_MATCHES).toMatch(/words.*meaning/);
    expect(HOW_IT_MATCHES).not.toContain('\n');
  });
});

describe('notices', () => {
  it('tells a rate-limited user when to try again as a Discord relative timestamp', () => {
    expect(notices.rateLimitedNotice(1_750_000_000_500).content).toContain('try again <t:1750000001:R>');
  });

  it('escapes what the person typed when echoing it', () => {
    expect(notices.unknownArticleNotice('@everyone **x**').content).toContain('@\u200beveryone \\*\\*x\\*\\*');
  });

  it('all disable mentions', () => {
    const all: ReplyPayload[] = [
      notices.handlerFailedNotice(),
      notices.rateLimitedNotice(0),
      notices.questionTooLongNotice(400, 300),
      notices.emptyQuestionNotice(),
      notices.emptyMessageNotice(),
      notices.buttonsExpiredNotice(),
      notices.unknownArticleNotice('x'),
      notices.noContextNotice(),
      notices.feedbackThanksNotice('up'),
      notices.missingPermissionNotice(),
      notices.reloadNeedsGuildNotice(),
      notices.unknownCommandNotice(),
    ];
    for (const reply of all) {
      expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false });
      expect(reply.content?.length).toBeLessThanOrEqual(2000);
    }
  });
});
