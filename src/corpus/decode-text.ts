/** The text of a file's bytes, or why they are not text we can read. */
export type DecodedText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly line: number; readonly message: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');
/** The byte order mark is left out of the text, as UTF-8's is. */
const strictUtf16 = { le: new TextDecoder('utf-16le', { fatal: true }), be: new TextDecoder('utf-16be', { fatal: true }) };

/**
 * Decodes UTF-8 strictly, and UTF-16 that starts with a byte order mark (which makes it
 * unambiguous: Windows tools still save text so). Binary files and other encodings are refused
 * with the line where they go wrong and what to do.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const utf16 = utf16ByteOrder(bytes);
  if (utf16 !== null) {
    try {
      return { ok: true, text: strictUtf16[utf16].decode(bytes) };
    } catch {
      return { ok: false, line: 1, message: 'is UTF-16 text that is cut off or damaged; save it again as UTF-8' };
    }
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    if (looksLikeUtf16WithoutMark(bytes)) {
      return { ok: false, line: 1, message: 'looks like UTF-16 text without a byte order mark; save it as UTF-8' };
    }
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

function utf16ByteOrder(bytes: Uint8Array): 'le' | 'be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'be';
  return null;
}

/** How much of the start is looked at to recognise UTF-16 without a byte order mark. */
const SAMPLE_BYTES = 4096;

/**
 * Mostly Latin text in UTF-16 has a NUL in every other byte (the high byte of each character),
 * and almost none in the bytes between; binary data has no such rhythm.
 */
function looksLikeUtf16WithoutMark(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (length < 4) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenNuls += 1;
    if (bytes[index + 1] === 0) oddNuls += 1;
  }
  const pairs = length / 2;
  const [most, least] = evenNuls > oddNuls ? [evenNuls, oddNuls] : [oddNuls, evenNuls];
  return most >= pairs * 0.7 && least <= pairs * 0.05;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}
