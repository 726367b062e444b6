/** The text of a file's bytes, or why they are not UTF-8 text. */
export type DecodedText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly line: number; readonly message: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** Decodes UTF-8 strictly: binary files and other encodings are refused with the line where they go wrong. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      line: lineOfByte(bytes, nul),
      message: 'looks like a binary file (it contains NUL bytes), not UTF-8 text; save the article as a .md or .txt text file',
    };
  }
  try {
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    const lenient = lenientUtf8.decode(bytes);
    const bad = lenient.indexOf('\uFFFD');
    const line = bad === -1 ? 1 : lenient.slice(0, bad).split('\n').length;
    return { ok: false, line, message: 'is not valid UTF-8 text (perhaps Latin-1 or Windows-1252); re-save it as UTF-8' };
  }
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}
