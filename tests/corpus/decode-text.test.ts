import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/corpus/decode-text.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';

const TEXT = '---\ntitle: Zelenskÿy in Kyiv\n---\n\nThe president spoke in Kyiv. “We need peace,” he said. 🙂\n';

function utf16le(text: string, bom = true): Buffer {
  return Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
}

function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  bytes.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), bytes]);
}

describe('decodeText', () => {
  it('reads UTF-16 text with a byte order mark, little- or big-endian, since the mark makes it unambiguous', () => {
    expect(decodeText(utf16le(TEXT))).toEqual({ ok: true, text: TEXT });
    expect(decodeText(utf16be(TEXT))).toEqual({ ok: true, text: TEXT });
  });

  it('says what UTF-16 text without a byte order mark is, and how to fix it, instead of calling it binary', () => {
    expect(decodeText(utf16le(TEXT, false))).toEqual({
      ok: false,
      line: 1,
      message: 'looks like UTF-16 text without a byte order mark; save it as UTF-8',
    });
  });

  it('says so when a UTF-16 file is cut off in the middle of a character', () => {
    const cut = utf16le(TEXT).subarray(0, 41);
    expect(decodeText(cut)).toMatchObject({ ok: false, message: 'is UTF-16 text that is cut off or damaged; save it again as UTF-8' });
  });

  it('still calls a file with NUL bytes and no sign of UTF-16 binary', () => {
    expect(decodeText(Uint8Array.from([0x41, 0x0a, 0x0a, 0x00, 0x01, 0x89, 0x50]))).toMatchObject({
      ok: false,
      line: 3,
      message: expect.stringContaining('binary'),
    });
  });
});

describe('a UTF-16 article in the corpus', () => {
  it('loads with its front matter and text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'utf16-'));
    try {
      await writeFile(join(dir, 'kyiv.md'), utf16le(TEXT));
      const corpus = await loadCorpus(dir);
      expect(corpus.problems).toEqual([]);
      expect(corpus.articles[0]).toMatchObject({
        title: 'Zelenskÿy in Kyiv',
        paragraphs: ['The president spoke in Kyiv. “We need peace,” he said. 🙂'],
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
