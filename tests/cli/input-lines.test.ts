import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { inputLines } from '../../src/cli/input-lines.js';

async function linesOf(chunks: readonly (string | Buffer)[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of inputLines(Readable.from(chunks))) lines.push(line);
  return lines;
}

describe('inputLines', () => {
  it('ends a line at \\n only: a lone \\r stays inside the line', async () => {
    expect(await linesOf(['first\rstill first\nsecond\n'])).toEqual(['first\rstill first', 'second']);
  });

  it('counts \\r\\n as one line end, even when the pair is split between two reads', async () => {
    expect(await linesOf(['one\r\ntwo\r', '\nthree\r\n'])).toEqual(['one', 'two', 'three']);
  });

  it('keeps empty lines, and a last line without a line end', async () => {
    expect(await linesOf(['a\n\n', 'b'])).toEqual(['a', '', 'b']);
    expect(await linesOf(['a\n'])).toEqual(['a']);
    expect(await linesOf([''])).toEqual([]);
  });

  it('decodes UTF-8 characters split between two reads', async () => {
    const bytes = Buffer.from('Zelenskÿy 🙂\n');
    expect(await linesOf([bytes.subarray(0, 8), bytes.subarray(8, 13), bytes.subarray(13)])).toEqual(['Zelenskÿy 🙂']);
  });
});
