import { describe, expect, it } from 'vitest';
import { unescapeText } from '../../src/bot/format/escape.js';
import { withMentionNames } from '../../src/bot/mention-names.js';
import { checkQuestion, questionFromMention, questionFromMessageText, searchableQuestion } from '../../src/bot/question-text.js';
import { questionTitle } from '../../src/bot/replies/answer-reply.js';

const BOT = '111111111111111111';

describe('questionFromMention', () => {
  it('answers when the bot is mentioned directly, without the mention', () => {
    expect(questionFromMention(`<@${BOT}> what did Zelensky say?`, BOT, false)).toBe('what did Zelensky say?');
    expect(questionFromMention(`what did <@!${BOT}> say?`, BOT, false)).toBe('what did say?');
  });

  it('ignores @everyone, @here, role mentions and mentions of others', () => {
    expect(questionFromMention('@everyone what happened?', BOT, false)).toBeNull();
    expect(questionFromMention('@here what happened?', BOT, false)).toBeNull();
    expect(questionFromMention('<@&222222222222222222> what happened?', BOT, false)).toBeNull();
    expect(questionFromMention('<@333333333333333333> what happened?', BOT, false)).toBeNull();
  });

  it('answers every DM, with or without a mention', () => {
    expect(questionFromMention('what happened in Kyiv?', BOT, true)).toBe('what happened in Kyiv?');
    expect(questionFromMention(`<@${BOT}> hi`, BOT, true)).toBe('hi');
  });

  it('gives an empty question for a bare mention, so the bot can explain how to ask', () => {
    expect(questionFromMention(`<@${BOT}>`, BOT, false)).toBe('');
  });
});

describe('checkQuestion', () => {
  it('collapses whitespace and refuses empty questions', () => {
    expect(checkQuestion('  what\n\nhappened?  ')).toEqual({ ok: true, question: 'what happened?' });
    expect(checkQuestion(' \n ')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('questionFromMessageText', () => {
  it('shortens a long message to the question limit at a word boundary', () => {
    const question = questionFromMessageText('claim '.repeat(200));
    expect(question?.length).toBeLessThanOrEqual(300);
    expect(question?.endsWith('claim…')).toBe(true);
  });

  it('returns null for a message without text', () => {
    expect(questionFromMessageText('   ')).toBeNull();
  });
});

describe('searchableQuestion', () => {
  it('drops mention, channel and everyone tokens and keeps emoji names, so they do not count as words', () => {
    expect(
      searchableQuestion(
        'What did **Ushakov** say @everyone <@123456789012345678> <@&234567890123456789> <#345678901234567890> <:kremlin:456789012345678901>?',
      ),
    ).toBe('What did **Ushakov** say kremlin ?');
  });

  it('leaves out the names mentions are shown as, also when the question is read back from an answer title', () => {
    const shown = withMentionNames(
      `<@${BOT}> who makes decisions? cc <@123456789012345678> <@&234567890123456789> <#345678901234567890>`,
      BOT,
      null,
    );
    expect(shown.replaceAll('\u200b', '').trim()).toBe('who makes decisions? cc @unknown-user @unknown-role #unknown');
    expect(searchableQuestion(shown)).toBe('who makes decisions? cc');
    expect(searchableQuestion(unescapeText(questionTitle(shown)))).toBe('who makes decisions? cc');
  });
});
