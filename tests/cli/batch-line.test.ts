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
