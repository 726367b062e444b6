import { describe, expect, it } from 'vitest';
import { escapeText, neutralizeMentions, safeLinkUrl, unescapeText } from '../../src/bot/format/escape.js';
import { highlightTerms } from '../../src/bot/format/highlight.js';
import { rankArticleChoices } from '../../src/bot/article-choices.js';
import { buildAnswerReply, questionTitle } from '../../src/bot/replies/answer-reply.js';
import { unknownArticleNotice } from '../../src/bot/replies/notices.js';
import { answer, article } from './fake-engine.js';

const answerArticle = article('trump-call').summary;

describe('neutralizeMentions', () => {
  it('breaks @everyone and @here so they neither ping nor render', () => {
    expect(neutralizeMentions('hey @everyone and @here')).toBe('hey @\u200beveryone and @\u200bhere');
  });

  it('breaks user, nickname, role and channel mentions', () => {
    expect(neutralizeMentions('<@123> <@!456> <@&789> <#42>')).toBe('<@\u200b123> <@!\u200b456> <@&\u200b789> <#\u200b42>');
  });

  it('leaves email-like text and ordinary angle brackets alone', () => {
    expect(neutralizeMentions('mail me@example.com, 3 < 4 > 2')).toBe('mail me@example.com, 3 < 4 > 2');
  });
});

describe('escapeText', () => {
  it.each([
    ['**bold**', '\\*\\*bold\\*\\*'],
    ['||spoiler||', '\\|\\|spoiler\\|\\|'],
    ['~~strike~~', '\\~\\~strike\\~\\~'],
    ['`code`', '\\`code\\`'],
    ['__underline__', '\\_\\_underline\\_\\_'],
    ['# heading', '\\# heading'],
    ['[click](https://evil.example)', '\\[click](https://evil.example)'],
  ])('escapes %j so it is shown literally', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('neutralizes mentions as well', () => {
    expect(escapeText('@everyone <@&1>')).not.toMatch(/@everyone|<@&1>/);
  });
});

describe('unescapeText', () => {
  it.each([
    'What did Zelensky say?',
    '**bold** and _it_ and \\ backslash \\* star',
    '@everyone <@123> <@&456> ||spoiler|| `code` [a](http://b)',
    '# not a heading\n- not a list\n1. not numbered',
    // discord.js's escapeMarkdown takes the last star here for one already escaped.
    '**\\*****\\****',
  ])('recovers %j exactly from its escaped form', (text) => {
    expect(unescapeText(escapeText(text))).toBe(text);
  });
});

describe('safeLinkUrl', () => {
  it('accepts http(s) and encodes characters that would end a markdown link', () => {
    expect(safeLinkUrl('https://example.com/a_(b)')).toBe('https://example.com/a_%28b%29');
  });

  it('refuses other schemes and garbage', () => {
    expect(safeLinkUrl('javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl('not a url')).toBeNull();
    expect(safeLinkUrl(null)).toBeNull();
  });
});

describe('highlightTerms', () => {
  it('bolds each matched word', () => {
    expect(highlightTerms('Putin said Russia will pursue its goals.', ['Putin', 'goals'])).toBe(
      '**Putin** said Russia will pursue its **goals**.',
    );
  });

  it('bolds whole words only, never inside another word', () => {
    expect(highlightTerms('The war in Warsaw was an award', ['war'])).toBe('The **war** in Warsaw was an award');
  });

  it('matches regardless of case, keeping the passage as written', () => {
    expect(highlightTerms('KYIV and Kyiv', ['kyiv'])).toBe('**KYIV** and **Kyiv**');
  });

  it('escapes the passage before bolding, so passage markdown cannot mix with ours', () => {
    expect(highlightTerms('**Putin** said ||secret||', ['Putin'])).toBe('\\*\\***Putin**\\*\\* said \\|\\|secret\\|\\|');
  });

  it('neutralizes mentions in the passage', () => {
    const shown = highlightTerms('@everyone look, <@123> said hello', ['hello']);
    expect(shown).toContain('@\u200beveryone');
    expect(shown).toContain('<@\u200b123>');
    expect(shown).toContain('**hello**');
  });

  it('does not bold inside links or mention-like tokens', () => {
    expect(highlightTerms('See https://kyiv.example/kyiv for Kyiv', ['kyiv'])).toBe('See https://kyiv.example/kyiv for **Kyiv**');
  });

  it('handles diacritics and apostrophes in words', () => {
    expect(highlightTerms("Zelenskyy's aide met Müller", ["Zelenskyy's", 'Müller'])).toBe("**Zelenskyy's** aide met **Müller**");
  });

  it('prefers the longest term when terms overlap', () => {
    expect(highlightTerms('the U.S. said', ['U', 'U.S.'])).toBe('the **U.S.** said');
  });

  it('ignores terms that are not words', () => {
    expect(highlightTerms('a * b', ['*', '', '  '])).toBe('a \\* b');
  });

  it('leaves the passage as escaped text when no term is given', () => {
    expect(highlightTerms('plain _text_', [])).toBe('plain \\_text\\_');
  });
});

describe('bidirectional control characters (right-to-left override and the like)', () => {
  const RLO = '\u202e';
  const controls = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
  const anyControl = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

  it('are left out of a reply wherever they come from: the question, the passage, the article title, date and id', () => {
    const hostile = answer(
      { passage: `Putin said ${RLO}Russia will pursue its goals.`, terms: ['Putin'] },
      { title: `Trump ${RLO}call`, date: `July ${RLO}3`, article: `call${RLO}` },
    );
    const reply = buildAnswerReply({
      question: `${controls.join('')}What did Putin say?`,
      article: { id: `call${RLO}`, title: `Trump ${RLO}call` },
      page: 1,
      answers: [hostile],
      hasMore: false,
      confidence: 'high',
    });
    expect(JSON.stringify(reply)).not.toMatch(anyControl);
    const [embed] = reply.embeds;
    expect(embed?.title).toBe('What did Putin say?');
    expect(embed?.description).toContain('**Putin** said Russia will pursue its goals.');
  });

  it('are left out of plain notices and of the names autocomplete offers', () => {
    expect(unknownArticleNotice(`x${RLO}y`).content).toContain('"xy"');
    const [choice] = rankArticleChoices('trump', [{ ...answerArticle, title: `Trump ${RLO}call` }]);
    expect(choice?.name).not.toMatch(anyControl);
  });

  it('do not leave a question that was nothing else as a blank title', () => {
    expect(questionTitle(controls.join(''))).toBe('');
  });
});
