import { StringDecoder } from 'node:string_decoder';

/**
 * The lines of a text stream, for `ask`'s batch mode: a line ends at `\n` (a `\r\n` pair is one
 * end); a lone `\r` is part of the line, so that every input line gets exactly one output line
 * (readline also ends lines at a lone `\r`). A last line without a line end counts unless empty.
 */
export async function* inputLines(input: AsyncIterable<string | Buffer>): AsyncGenerator<string> {
  // Decoding across reads: a character may be split between two chunks.
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of input) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
      yield withoutCarriageReturn(pending.slice(start, end));
      start = end + 1;
    }
    pending = pending.slice(start);
  }
  pending += decoder.end();
  if (pending !== '') yield pending;
}

/** The line without the `\r` of a `\r\n` end. */
function withoutCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
