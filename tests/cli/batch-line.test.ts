import { describe, expect, it } from 'vitest';
import { parseAskArguments, AskUsageError } from '../../src/cli/ask-arguments.js';
import { parseBatchLine } from '../../src/cli/batch-line.js';

describe('parseBatchLine', () => {
  it('reads a plain line as the question', () => {
    expect(parseBatchLine('  who is Ushakov?  ')).toEqual({ question: 'who is Ushakov?', article: undefined, error: undefined });
  });

  it('reads a JSON object with a question and an article', () => {
    expect(parseBatchLine('{"question": "who?", "article": "a-1"}')).toEqual({ question: 'who?', article: 'a-1', error: undefined });
  });

  it('answers a line that starts with { but is not JSON with the line itself and the reason', () => {
    const parsed = parseBatchLine('{not json');
    expect(parsed.question).toBe('{not json');
    expect(parsed.error).toMatch(/^not valid JSON: /u);
  });

  it('reads the earlier turns of a follow-up from "context"', () => {
    const context = [{ question: 'who stole it?', passages: [{ article: 'a-1', paragraph: 2, sentence: 5 }] }];
    expect(parseBatchLine(JSON.stringify({ question: 'when?', context }))).toEqual({
      question: 'when?',
      article: undefined,
      context,
      error: undefined,
    });
    expect(parseBatchLine('{"question": "when?", "context": []}').context).toEqual([]);
  });

  it('refuses a bad "context" with where it is wrong and the shape it must have', () => {
    const line = (context: unknown) => JSON.stringify({ question: 'when?', context });
    const cases: ReadonlyArray<readonly [unknown, string]> = [
      ['who?', '(context: '],
      [[{ question: 'who?' }], '(context[0].passages: '],
      [
        [{ question: 'who?', passages: [{ article: 'a', paragraph: 1, sentence: 0 }] }],
        '(context[0].passages[0].sentence: a whole number from 1)',
      ],
      [
        [{ question: 'who?', passages: [{ article: 'a', paragraph: 1.5, sentence: 1 }] }],
        '(context[0].passages[0].paragraph: a whole number from 1)',
      ],
      [Array.from({ length: 21 }, () => ({ question: 'q', passages: [] })), '(context: at most 20 earlier turns)'],
    ];
    for (const [context, where] of cases) {
      const parsed = parseBatchLine(line(context));
      expect(parsed.question).toBe(line(context));
      expect(parsed.context).toBeUndefined();
      expect(parsed.error).toContain('"context" must be a list of earlier turns, oldest first, each {"question": string, "passages": [');
      expect(parsed.error).toContain(where);
    }
  });

  it('refuses JSON that is not {"question": string}', () => {
    for (const line of ['{"question": 3}', '{}', '{"q": "x"}', '{"question": "x", "article": 5}']) {
      expect(parseBatchLine(line)).toMatchObject({ question: line, error: expect.stringContaining('"question": string') });
    }
  });
});

describe('parseAskArguments', () => {
  it('takes the defaults, leaves the corpus folder to the one rule, and joins the words of the question', () => {
    expect(parseAskArguments(['how', 'many', 'calls?'])).toEqual({
      corpus: undefined,
      article: undefined,
      limit: 3,
      json: false,
      lexical: false,
      question: 'how many calls?',
      help: false,
    });
  });

  it('reads every option', () => {
    expect(parseAskArguments(['--corpus', 'x', '--article', 'a', '--limit', '7', '--json', '--lexical', 'q'])).toMatchObject({
      corpus: 'x',
      article: 'a',
      limit: 7,
      json: true,
      lexical: true,
      question: 'q',
    });
  });

  it('reads standard input when no question is given', () => {
    expect(parseAskArguments(['--json']).question).toBeNull();
  });

  it('refuses an unknown option or a limit out of range with a usage error', () => {
    expect(() => parseAskArguments(['--nope'])).toThrow(AskUsageError);
    expect(() => parseAskArguments(['--limit', '0', 'q'])).toThrow(/--limit must be a whole number from 1 to 50 \(got "0"\)/u);
    expect(() => parseAskArguments(['--limit', 'many', 'q'])).toThrow(AskUsageError);
  });
});
