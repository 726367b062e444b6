import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/sentences.js';

/** Collapses whitespace the way the splitter's contract promises to preserve text. */
function collapse(paragraph: string): string {
  return paragraph.replace(/\s+/g, ' ').trim();
}

describe('splitSentences: abbreviations', () => {
  it('does not split after "U.S." before a capitalised name', () => {
    expect(splitSentences('U.S. President Donald Trump spoke to reporters.')).toEqual(['U.S. President Donald Trump spoke to reporters.']);
    expect(splitSentences('A day after the U.S. Defense Department paused shipments.')).toEqual([
      'A day after the U.S. Defense Department paused shipments.',
    ]);
    expect(splitSentences('The U.S. Army and the U.K. Foreign Office and the U.N. Security Council met.')).toHaveLength(1);
  });

  it('does not split after "U.S." before a lower-case word', () => {
    expect(splitSentences('Two U.S. officials said the E.U. members agreed.')).toHaveLength(1);
  });

  it('splits after "U.S." at the end of a sentence when a typical sentence starter follows', () => {
    expect(splitSentences('Moscow threatened sanctions on the U.S. The Kremlin said talks would go on.')).toEqual([
      'Moscow threatened sanctions on the U.S.',
      'The Kremlin said talks would go on.',
    ]);
    expect(splitSentences('He flew back to the U.S. But the talks failed.')).toHaveLength(2);
    expect(splitSentences('She moved to the U.K. It rained.')).toHaveLength(2);
    expect(splitSentences('He thanked the U.N. They did not reply.')).toHaveLength(2);
  });

  it('splits after an initialism when a capitalised quotation follows', () => {
    expect(splitSentences('Russia blamed the U.S. "This is a provocation," it said.')).toEqual([
      'Russia blamed the U.S.',
      '"This is a provocation," it said.',
    ]);
  });

  it('never splits after a title such as Mr., Dr., Gen. or Sen.', () => {
    const titles = ['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Gen.', 'Lt.', 'Col.', 'Capt.', 'Sgt.', 'Gov.', 'Sen.', 'Rep.', 'Rev.'];
    for (const title of titles) {
      const paragraph = `Yesterday ${title} Smith met ${title} The Rock.`;
      expect(splitSentences(paragraph), title).toEqual([paragraph]);
    }
    expect(splitSentences('Lt. Gen. Keith Kellogg arrived.')).toHaveLength(1);
  });

  it('does not split after "vs.", "e.g." or "i.e."', () => {
    expect(splitSentences('It was Ukraine vs. Russia, e.g. The Hague case, i.e. War crimes.')).toHaveLength(1);
    expect(splitSentences('The case Roe v. Wade was cited.')).toHaveLength(1);
  });

  it('does not split after "St." before a saint\'s name but does before a sentence starter', () => {
    expect(splitSentences('He flew to St. Petersburg and St. Louis.')).toHaveLength(1);
    expect(splitSentences('The office is on Main St. The rent is high.')).toEqual(['The office is on Main St.', 'The rent is high.']);
  });

  it('does not split after a company or name suffix before a capitalised name', () => {
    expect(splitSentences('Martin Luther King Jr. Day and Apple Inc. Chief Executive Tim Cook.')).toHaveLength(1);
    expect(splitSentences('Acme Corp. Vice President Jane Doe and Foo Ltd. Chairman and Bar Co. Director met.')).toHaveLength(1);
  });

  it('splits after a company or name suffix that ends a sentence before a sentence starter', () => {
    expect(splitSentences('Shares fell at Apple Inc. The company declined to comment.')).toEqual([
      'Shares fell at Apple Inc.',
      'The company declined to comment.',
    ]);
    expect(splitSentences('He met Ken Griffey Jr. He was happy.')).toHaveLength(2);
    expect(splitSentences('It was built by Smith & Co. In 1990 it closed.')).toHaveLength(2);
  });

  it('does not split after "No." before a number but does when "No." is the word no', () => {
    expect(splitSentences('He is the No. 2 official in the U.S. No. 1 is Rubio.')).toHaveLength(1);
    expect(splitSentences('Was there progress? He said No. Then he left.')).toEqual([
      'Was there progress?',
      'He said No.',
      'Then he left.',
    ]);
  });

  it('does not split after an abbreviated month before a day', () => {
    for (const month of ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'Aug.', 'Sept.', 'Sep.', 'Oct.', 'Nov.', 'Dec.']) {
      const paragraph = `The attack came on ${month} 11 and ended on ${month} 12.`;
      expect(splitSentences(paragraph), month).toEqual([paragraph]);
    }
  });

  it('splits after an abbreviated month that ends a sentence before a sentence starter', () => {
    expect(splitSentences('The deal was signed in Oct. The talks resumed later.')).toHaveLength(2);
  });

  it('does not split after "a.m." or "p.m." before a word that is not a sentence starter', () => {
    expect(splitSentences('The call began at 9 a.m. Tuesday and ended at 11 a.m. Eastern Time.')).toHaveLength(1);
    expect(splitSentences('Polls close at 8 p.m. ET and results follow.')).toHaveLength(1);
  });

  it('splits after "a.m." or "p.m." before a typical sentence starter', () => {
    expect(splitSentences('He left at 9 p.m. The next day he returned.')).toEqual(['He left at 9 p.m.', 'The next day he returned.']);
    expect(splitSentences('It began at 6 a.m. He was already awake.')).toHaveLength(2);
  });

  it('splits after "etc." before any capital, as after an ordinary word', () => {
    expect(splitSentences('They sent tanks, drones, etc. The shipments were paused.')).toEqual([
      'They sent tanks, drones, etc.',
      'The shipments were paused.',
    ]);
    expect(splitSentences('They sent tanks, drones, etc. Ukraine asked for more.')).toHaveLength(2);
  });

  it('does not split after "etc." before a lower-case word', () => {
    expect(splitSentences('Tanks, drones, etc. were delayed.')).toHaveLength(1);
  });

  it('splits after a state abbreviation only before a sentence starter', () => {
    expect(splitSentences('He spoke in Tampa, Fla. Gov. Ron DeSantis listened.')).toHaveLength(1);
    expect(splitSentences('He spoke in Tampa, Fla. The crowd cheered.')).toHaveLength(2);
  });

  it('treats a hyphenated prefix before an initialism like the initialism', () => {
    expect(splitSentences('The pro-U.S. President of Moldova spoke.')).toHaveLength(1);
  });
});

describe('splitSentences: initials', () => {
  it('does not split after a middle initial', () => {
    expect(splitSentences('John F. Kennedy was president.')).toHaveLength(1);
    expect(splitSentences('George W. Bush said he agreed.')).toHaveLength(1);
  });

  it('does not split after dotted initials', () => {
    expect(splitSentences('J.R.R. Tolkien wrote it, and H. G. Wells did not.')).toHaveLength(1);
  });

  it('reads a single-letter initial followed by a period as an initial, not the pronoun "I" or article "A"', () => {
    expect(splitSentences('The theologian J. I. Packer and A. A. Milne met.')).toHaveLength(1);
  });

  it('splits after a single capital letter that ends a sentence before a sentence starter', () => {
    expect(splitSentences('They had no Plan B. The talks collapsed.')).toHaveLength(2);
  });
});

describe('splitSentences: numbers', () => {
  it('does not split inside decimals, prices or version numbers', () => {
    expect(splitSentences('Prices rose 3.5 percent, or $1.2 billion, in version 2.0 of the plan.')).toHaveLength(1);
  });

  it('splits after a number that ends a sentence', () => {
    expect(splitSentences('It was version 2.0. The next one is due soon.')).toEqual(['It was version 2.0.', 'The next one is due soon.']);
  });

  it('splits before a sentence that starts with a year', () => {
    expect(splitSentences('He was elected in 2016. 2020 was different.')).toHaveLength(2);
  });
});

describe('splitSentences: ellipses', () => {
  it('does not split at an ellipsis followed by a lower-case word', () => {
    expect(splitSentences('He paused... then spoke.')).toEqual(['He paused... then spoke.']);
    expect(splitSentences('He paused … then spoke.')).toHaveLength(1);
  });

  it('splits at an ellipsis followed by a capital', () => {
    expect(splitSentences("I don't know... We will see.")).toEqual(["I don't know...", 'We will see.']);
    expect(splitSentences('I don’t know… We will see.')).toHaveLength(2);
  });
});

describe('splitSentences: quotations', () => {
  it('splits sentences inside one quotation and keeps the attribution with the last', () => {
    expect(
      splitSentences('"We had a call. It was a pretty long call. We talked about a lot of things," Trump said ahead of his flight.'),
    ).toEqual(['"We had a call.', 'It was a pretty long call.', 'We talked about a lot of things," Trump said ahead of his flight.']);
  });

  it('keeps a closing quote after the period with the sentence it closes', () => {
    expect(splitSentences('He said "no." Then he left.')).toEqual(['He said "no."', 'Then he left.']);
    expect(splitSentences('He said “no.” Then he left.')).toEqual(['He said “no.”', 'Then he left.']);
    expect(splitSentences("He said 'no.' Then he left.")).toEqual(["He said 'no.'", 'Then he left.']);
  });

  it('keeps a closing bracket after the period with the sentence it closes', () => {
    expect(splitSentences('Talks failed. (The Kremlin denied this.) Kyiv disagreed.')).toEqual([
      'Talks failed.',
      '(The Kremlin denied this.)',
      'Kyiv disagreed.',
    ]);
  });

  it('splits before an opening quote that starts the next sentence', () => {
    expect(splitSentences('He was asked about it. “No,” he said.')).toEqual(['He was asked about it.', '“No,” he said.']);
  });

  it('does not split after a quoted question or exclamation followed by a lower-case attribution', () => {
    expect(splitSentences('"Why now?" she asked.')).toEqual(['"Why now?" she asked.']);
    expect(splitSentences('“Stop!” he shouted.')).toHaveLength(1);
    expect(splitSentences('‘Why now?’ the president asked.')).toHaveLength(1);
  });

  it('does not split after a quoted question followed by a named speaker and a speech verb', () => {
    expect(splitSentences('"Why now?" Trump asked.')).toHaveLength(1);
    expect(splitSentences('“Why now?” President Donald Trump asked reporters.')).toHaveLength(1);
  });

  it('splits after a quoted question followed by a new sentence', () => {
    expect(splitSentences('He asked "why?" He got no answer.')).toEqual(['He asked "why?"', 'He got no answer.']);
    expect(splitSentences('"Why now?" The question hung in the air.')).toHaveLength(2);
  });

  it('splits after an unquoted question or exclamation before a capital', () => {
    expect(splitSentences('Why now? Because the talks failed! Nobody knows.')).toEqual([
      'Why now?',
      'Because the talks failed!',
      'Nobody knows.',
    ]);
  });
});

describe('splitSentences: addresses', () => {
  it('never splits inside URLs, e-mail addresses or domain names', () => {
    const paragraph = 'See https://news.example.org/path/a.b?x=1 or example.com, or write to press.office@example.gov.ua for details.';
    expect(splitSentences(paragraph)).toEqual([paragraph]);
  });

  it('splits after a domain name that ends a sentence', () => {
    expect(splitSentences('The story ran on example.com. It was shared widely.')).toEqual([
      'The story ran on example.com.',
      'It was shared widely.',
    ]);
  });
});

describe('splitSentences: whitespace and empty input', () => {
  it('returns no sentences for empty or whitespace-only input', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t\u00a0 ')).toEqual([]);
  });

  it('trims sentences and collapses whitespace runs inside them', () => {
    expect(splitSentences('  One   sentence.\n\nTwo\tsentences.  ')).toEqual(['One sentence.', 'Two sentences.']);
  });
});

/** The seed article's paragraphs, each with the sentences it must split into. */
const SEED_ARTICLE: readonly (readonly string[])[] = [
  [
    'U.S. President Donald Trump told reporters on July 3 that he "didn\'t make any progress" on ending the war in Ukraine during his call with Russian President Vladimir Putin earlier in the day.',
  ],
  ['"We had a call.', 'It was a pretty long call.', 'We talked about a lot of things," Trump said ahead of his flight to an Iowa event.'],
  [
    'When asked if he had made any progress with Putin on the call, Trump responded: "No, I didn\'t make any progress with him today at all."',
  ],
  [
    "The two leaders held an hour-long conversation early in the on July 3 focused on Russia's war in Ukraine and the situation in the Middle East.",
    'The call marks the sixth conversation between the two men since Trump took office in January.',
  ],
  [
    'Kremlin aide Yury Ushakov told reporters earlier in the day that Putin said "Russia will continue to pursue its goals" in the war against Ukraine.',
  ],
  [
    '"Our president said that Russia will pursue its goals, specifically addressing the root causes that led to the current situation, and will not back down from these objectives," Ushakov added.',
  ],
  ['The White House did not provide a read out of the meeting, and Trump did not provide further comment on the phone call.'],
  [
    'Since taking office, Trump has attempted to broker a ceasefire between Ukraine and Russia to no avail.',
    'Despite two rounds of negotiations between Kyiv and Moscow, Putin has refused to implement a ceasefire, citing his maximalist demands.',
  ],
  [
    "While Trump has expressed frustration with Russia's continued aggression, his administration has not imposed new sanctions nor taken steps to pressure the Kremlin directly.",
  ],
  [
    "Putin's message came amid a surge of Russian drone and missile attacks across Ukraine that have killed and injured hundreds of civilians in recent weeks.",
  ],
  [
    'The strikes have destroyed numerous infrastructure as Russia intensifies its assault despite repeated calls from Kyiv, Washington, and European leaders for an unconditional ceasefire.',
  ],
  [
    'The phone call also came just a day after the U.S. Defense Department paused shipments of key weapons systems to Ukraine, including Patriot air defense missiles and precision-guided munitions.',
    "Ukraine's Foreign Ministry has warned that the delay undermines defense efforts and risks emboldening Russia to escalate further.",
  ],
  [
    'President Volodymyr Zelensky, speaking from Denmark earlier in the day, said that achieving peace would require direct talks between national leaders.',
  ],
  ['The president described Trump and Putin as "completely different people" but emphasized that only Putin makes decisions in Russia.'],
  [
    '"In Russia, only Putin makes decisions, which is why we need a meeting at the leadership level if we want to have peace," Zelensky said.',
  ],
];

describe('splitSentences: the seed article', () => {
  it('keeps the first paragraph, opening with "U.S. President", as one sentence', () => {
    const raw =
      ' date 2025-07-03 U.S. President Donald Trump told reporters on July 3 that he "didn\'t make any progress" on ending the war in Ukraine during his call with Russian President Vladimir Putin earlier in the day.';
    const paragraph = raw.replace(/^\s*date \d{4}-\d{2}-\d{2}\s+/, '');
    expect(splitSentences(paragraph)).toEqual(SEED_ARTICLE[0]);
    // The marker itself does not start a sentence of its own either.
    expect(splitSentences(raw)).toHaveLength(1);
  });

  it('splits the "We had a call." paragraph into three sentences', () => {
    const paragraph = SEED_ARTICLE[1]?.join(' ') ?? '';
    expect(splitSentences(paragraph)).toHaveLength(3);
  });

  it('splits every paragraph of the seed article into the expected sentences', () => {
    for (const expected of SEED_ARTICLE) {
      expect(splitSentences(expected.join(' '))).toEqual(expected);
    }
  });
});

/** Varied paragraphs, with awkward whitespace, for the round-trip property. */
const VARIED_PARAGRAPHS: readonly string[] = [
  ...SEED_ARTICLE.map((sentences) => sentences.join('\n')),
  'U.S.   President Donald Trump\tspoke.  The Kremlin\n listened.',
  '\u00a0Leading and trailing spaces. \u2003',
  'He left at 9 p.m.\u00a0The next day...   he came back.',
  '"Why now?"\r\nshe asked.  “Stop!” he shouted.',
  'Visit https://example.com/a.b. Or write to a@b.co.uk. Done.',
  'No. 1 and No. 2 and Fig. 3 and pp. 4-5 and 6 ft. 2 in. tall.',
  'J.R.R. Tolkien, C.S. Lewis and George W. Bush.',
  '... starts with an ellipsis. And ends with one...',
  '?!? Strange punctuation!!! Really?! Yes.',
  '(Parenthetical sentence.) [Bracketed one.] {Braced one.}',
  'A single word',
  '.',
  '. . . spaced ellipsis . . . Then more.',
  '"Unclosed quotation. It goes on. And on.',
  'Closing quotes only." Then text.” More’ Text.',
  'Tanks, drones, etc. were sent. Tanks, drones, etc. The end.',
  'The U.S.-Russia talks and the pro-U.S. camp and the U.S.’s allies.',
  'Ms. Smith vs. Mr. Jones, e.g. Today, i.e. Now.',
  'Élan vital. Über alles. Ωmega. Ничего. 東京 is a city.',
  'Numbers 3.5 and 1,000.00 and $1.2bn. 2025 was a year.',
  'Emoji 🎉 ends here. 🎉 Starts here.',
  'Tabs\tand\nnewlines\r\nand\u2028separators\u2029everywhere.',
  'Mixed ‘single’ and “double” quotes. ‘Then,’ he said, ‘stop.’ Okay.',
  'Apple Inc. The company. Acme Corp. Chief said. Jr. Sr. Ltd. Co.',
  'Washington, D.C. The capital. Washington, D.C. Mayor Bowser.',
  'x',
  'One. Two. Three. Four. Five. Six. Seven. Eight.',
  'Trailing abbreviation at the very end: U.S.',
  'A question? a lower-case continuation. An exclamation! and another.',
];

describe('splitSentences: round trip', () => {
  it('joins back to the input with whitespace collapsed, for varied paragraphs', () => {
    for (const paragraph of VARIED_PARAGRAPHS) {
      expect(splitSentences(paragraph).join(' '), paragraph).toBe(collapse(paragraph));
    }
  });

  it('never returns empty or untrimmed sentences, for varied paragraphs', () => {
    for (const paragraph of VARIED_PARAGRAPHS) {
      for (const sentence of splitSentences(paragraph)) {
        expect(sentence).not.toBe('');
        expect(sentence).toBe(sentence.trim());
      }
    }
  });

  it('joins back to the input with whitespace collapsed, for random token sequences', () => {
    const word = fc.constantFrom(
      'U.S.',
      'The',
      'he',
      'said.',
      '"No."',
      '“Why?”',
      'etc.',
      'Mr.',
      'p.m.',
      '3.5',
      '...',
      '…',
      'example.com.',
      'F.',
      'I',
      'No.',
      '1',
      '(',
      ')',
      '?',
      '!',
      '.',
      '"',
      '’',
      'Kremlin',
      'a',
    );
    const gap = fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '\r\n', '\u2003');
    const paragraph = fc.array(fc.tuple(gap, word), { maxLength: 40 }).map((parts) => parts.map(([space, text]) => space + text).join(''));
    fc.assert(
      fc.property(paragraph, (text) => {
        const sentences = splitSentences(text);
        return sentences.join(' ') === collapse(text) && sentences.every((s) => s !== '' && s === s.trim());
      }),
    );
  });
});

describe('splitSentences: speed', () => {
  it('splits a very long paragraph and adversarial tokens in linear time', () => {
    const article = SEED_ARTICLE.map((sentences) => sentences.join(' ')).join(' ');
    const inputs = [
      Array.from({ length: 500 }, () => article).join(' '), // about 10,000 sentences
      '.'.repeat(200_000) + 'x',
      'U.S.'.repeat(50_000) + ' The end.',
      '"?'.repeat(50_000) + ' Trump said.',
      `"Why?" ${'Name '.repeat(50_000)}asked.`,
      'a.'.repeat(100_000),
    ];
    const started = performance.now();
    for (const input of inputs) expect(splitSentences(input).join(' ')).toBe(collapse(input));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
