/**
 * Hostile text for property tests: what people (and files) can put in a question, a passage, a
 * title or a URL. Everything here is a plain fast-check arbitrary.
 */
import fc from 'fast-check';
import type { Answer, ArticleSummary, SourceRef } from '../../src/search/types.js';

/** A Discord id: 17 to 20 digits. */
export const snowflake: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 16, maxLength: 19 }))
  .map(([first, rest]) => `${first}${rest}`);

/** Discord's mention, channel, emoji and command tokens, and the bare pings. */
export const discordToken: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('@everyone', '@here', '@Everyone', '@HERE', '@everyones', '@here_', '@everyone1', 'x@here', '@\u200beveryone'),
  snowflake.map((id) => `<@${id}>`),
  snowflake.map((id) => `<@!${id}>`),
  snowflake.map((id) => `<@&${id}>`),
  snowflake.map((id) => `<#${id}>`),
  snowflake.map((id) => `<:kremlin:${id}>`),
  snowflake.map((id) => `<a:spin:${id}>`),
  snowflake.map((id) => `</ask:${id}>`),
  fc.integer({ min: 0, max: 2 ** 31 }).map((seconds) => `<t:${seconds}:R>`),
);

/** Markdown that Discord renders: every construct a question could open and never close. */
export const markdownToken = fc.constantFrom(
  '**',
  '*',
  '__',
  '_',
  '~~',
  '||',
  '`',
  '```',
  '```js\n',
  '> ',
  '>>> ',
  '# ',
  '## ',
  '-# ',
  '- ',
  '* ',
  '1. ',
  '[label](https://example.com)',
  '[',
  ']',
  '(',
  ')',
  '](',
  '\\',
  '\\\\',
  '\\*',
  '<',
  '>',
  '<>',
  ':',
  '\n',
  '\r\n',
);

/** Right-to-left scripts and the bidi controls that flip what follows. */
export const rtlText = fc.constantFrom(
  'مرحبا بالعالم',
  'ماذا قال بوتين؟',
  'שלום עולם',
  'מה אמר טראמפ?',
  '\u202eevil\u202c',
  '\u202b',
  '\u2067',
  '\u200f',
  'Putin \u202eniťuP',
);

/** Emoji, including sequences that are one grapheme but many code units. */
export const emoji = fc.constantFrom('👍', '👎', '👍🏽', '👨‍👩‍👧‍👦', '🇺🇦', '🏳️‍🌈', '❤️', '🫠', '😀'.repeat(3), '#️⃣');

/** Characters that are not printed: controls, zero-width, BOM, lone surrogates. */
export const invisible = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u00ad',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2028',
  '\u2029',
  '\u2060',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udfff',
  '\udbff',
  'a\u0300\u0301\u0302\u0303',
);

export const whitespace = fc.constantFrom(' ', '\t', '\n', '\r', '\u000b', '\u000c', '\u00a0', '\u1680', '\u2003', '\u3000');

/** Words the shipped corpus uses, so that some hostile questions still find passages. */
export const corpusWord = fc.constantFrom(
  'Trump',
  'Putin',
  'Ukraine',
  'Russia',
  'call',
  'progress',
  'Ushakov',
  'Kremlin',
  'ceasefire',
  'July 3',
  'goals',
  'What did Putin say about his goals?',
  'How many times have Trump and Putin spoken?',
  'Iowa',
  'war',
  'Kyiv',
);

export const url: fc.Arbitrary<string> = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'https://example.com/a_(b)_c',
    'https://example.com/x)](https://evil.example',
    'https://example.com/ space <tag>',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'http://127.0.0.1:1/@everyone',
    'https://exa mple.com',
    'ftp://example.com/file',
    'not a url',
    '',
  ),
);

/** Any code point except lone surrogates (those come from `invisible`). */
const anyUnicode = fc.string({ unit: 'binary', maxLength: 40 });
const graphemes = fc.string({ unit: 'grapheme', maxLength: 30 });

/** One piece of a hostile text. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: anyUnicode, weight: 3 },
  { arbitrary: graphemes, weight: 2 },
  { arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 20 }), weight: 1 },
  { arbitrary: discordToken, weight: 3 },
  { arbitrary: markdownToken, weight: 3 },
  { arbitrary: rtlText, weight: 1 },
  { arbitrary: emoji, weight: 1 },
  { arbitrary: invisible, weight: 1 },
  { arbitrary: whitespace, weight: 2 },
  { arbitrary: corpusWord, weight: 3 },
  { arbitrary: url, weight: 1 },
);

/** Text up to about `maxFragments` pieces long, pieces sometimes glued, sometimes spaced. */
export function mixedText(maxFragments = 12): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(fragment, { maxLength: maxFragments }), fc.constantFrom('', ' ', ' ', '\n'))
    .map(([pieces, glue]) => pieces.join(glue));
}

/** `piece` repeated to exactly `length` code units (the cut may split a pair: that is hostile too). */
export function repeatedTo(piece: string, length: number): string {
  const unit = piece === '' ? 'x' : piece;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** A huge text: one hostile piece repeated to thousands (up to 100,000) of characters. */
export const hugeText: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(mixedText(4), fragment), fc.constantFrom(2_001, 4_097, 6_001, 20_000, 100_000))
  .map(([piece, length]) => repeatedTo(piece, length));

/** Any text a person could send or a file could hold. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constant(''), weight: 1 },
  { arbitrary: fc.array(whitespace, { maxLength: 10 }).map((parts) => parts.join('')), weight: 1 },
  { arbitrary: fragment, weight: 3 },
  { arbitrary: mixedText(), weight: 8 },
  { arbitrary: hugeText, weight: 1 },
);

/** A question about the shipped corpus dressed in hostile tokens: most of these find passages. */
export const decoratedQuestion: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(corpusWord, { minLength: 1, maxLength: 4 }),
    fc.array(fc.oneof(discordToken, markdownToken, emoji, rtlText, invisible, whitespace), { maxLength: 6 }),
    fc.integer({ min: 0, max: 2 ** 16 }),
  )
  .map(([words, decorations, seed]) => {
    const parts: string[] = [...words];
    decorations.forEach((decoration, index) => {
      parts.splice((seed + index * 7) % (parts.length + 1), 0, decoration);
    });
    return parts.join(' ');
  });

/** Questions that every property run tries first: the cases the issue names. */
export const QUESTION_EXAMPLES: readonly string[] = [
  '',
  '   ',
  '\n\t \u00a0\u3000',
  'x'.repeat(100_000),
  'Putin '.repeat(20_000),
  '👨‍👩‍👧‍👦'.repeat(10_000),
  'ماذا قال بوتين عن أهدافه؟',
  '\u202eWhat did Putin say?',
  '\u0000\u0001\u001b[31m\u007f',
  '**What** did __Putin__ ~~say~~ ||about|| `his` goals? > # - [x](https://evil.example)',
  '@everyone @here what did Putin say? <@123456789012345678> <@!123456789012345678> <@&234567890123456789> <#345678901234567890>',
  '@everyones @here_now x@here What did Putin say?',
  'https://example.com/?q=Putin&x=(1) What did Trump say?',
  '\ud800 lone surrogate Putin \udfff',
  'What did Putin say about his goals?',
];

const sourceRef: fc.Arbitrary<SourceRef> = fc.record({
  article: fc.oneof(fc.constant('2025-07-03-trump-putin-call'), hostileText),
  title: hostileText,
  date: fc.oneof(
    fc.constant(null),
    fc.constant('2025-07-03'),
    fc.constant('2025-02-31'),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
    hostileText,
  ),
  url: fc.oneof(fc.constant(null), url, hostileText, fc.constant(`https://example.com/${'a'.repeat(5_000)}`)),
  paragraph: fc.integer({ min: 1, max: 2 ** 31 }),
  sentence: fc.integer({ min: 1, max: 2 ** 31 }),
});

/** An answer as the engine could never make it: every text field hostile, huge or both. */
export const hostileAnswer: fc.Arbitrary<Answer> = fc
  .record({
    text: hostileText,
    passage: hostileText,
    score: fc.double(),
    terms: fc.array(fc.oneof(hostileText, corpusWord, fc.constantFrom('**', 'everyone', 'here', '123456789012345678')), {
      maxLength: 8,
    }),
    source: sourceRef,
  })
  .map((answer) => ({ ...answer, passage: `${answer.passage}${answer.text}` }));

export const hostileArticleSummary: fc.Arbitrary<ArticleSummary> = fc.record({
  id: hostileText,
  title: hostileText,
  date: fc.oneof(fc.constant(null), fc.constant('2025-07-03'), hostileText),
  url: fc.oneof(fc.constant(null), url, hostileText),
  source: fc.oneof(fc.constant(null), hostileText),
  added: fc.oneof(fc.constant(null), fc.constant('2025-07-04T09:30:00Z'), hostileText),
  feed: fc.oneof(fc.constant(null), url, hostileText),
  paragraphs: fc.nat(),
  sentences: fc.nat(),
});
