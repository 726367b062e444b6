import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corpus-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const write = (name: string, content: string | Uint8Array) => writeFile(join(dir, name), content);
const GOOD =
  '---\ntitle: A good article\ndate: 2025-07-03\nurl: https://example.com/a\nsource: Example News\n---\n\nFirst paragraph. It has two sentences.\n\nSecond paragraph.\n';

describe('loadCorpus', () => {
  it('reads Markdown front matter and numbers paragraphs and sentences from 1', async () => {
    await write('good.md', GOOD);
    const corpus = await loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    const [article] = corpus.articles;
    expect(article).toMatchObject({
      id: 'good',
      title: 'A good article',
      date: '2025-07-03',
      url: 'https://example.com/a',
      source: 'Example News',
    });
    expect(article?.paragraphs).toEqual(['First paragraph. It has two sentences.', 'Second paragraph.']);
    expect(article?.sentences.map((sentence) => [sentence.paragraph, sentence.sentence, sentence.text])).toEqual([
      [1, 1, 'First paragraph.'],
      [1, 2, 'It has two sentences.'],
      [2, 3, 'Second paragraph.'],
    ]);
  });

  it('carries the front matter licence onto the article, and null when there is none', async () => {
    await write('wikinews.md', '---\ntitle: "A \\"quoted\\" title"\nsource: Wikinews\nlicence: CC BY 2.5\n---\n\nText.\n');
    await write('plain.txt', 'Text.\n');
    const corpus = await loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles.map(({ id, title, source, licence }) => ({ id, title, source, licence }))).toEqual([
      { id: 'plain', title: 'Text.', source: null, licence: null },
      { id: 'wikinews', title: 'A "quoted" title', source: 'Wikinews', licence: 'CC BY 2.5' },
    ]);
  });

  it('loads a hand-written article whose unquoted title holds ": ", as such files always loaded', async () => {
    await write(
      'strike.md',
      '---\ntitle: Harbour strike: dockers walk out for a second week\ndate: 2025-03-04\n---\n\nThe dockers stayed out.\n',
    );
    const corpus = await loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles.map(({ title, date }) => ({ title, date }))).toEqual([
      { title: 'Harbour strike: dockers walk out for a second week', date: '2025-03-04' },
    ]);
  });

  it('reads a leading `date` marker on the same line as the text of a .txt article and derives its title', async () => {
    await write('seed.txt', ' date 2025-07-03 U.S. President Donald Trump spoke. Then he left.\n\nMore text.\n\n\n\n');
    const [article] = (await loadCorpus(dir)).articles;
    expect(article?.date).toBe('2025-07-03');
    expect(article?.title).toBe('U.S. President Donald Trump spoke.');
    expect(article?.paragraphs).toEqual(['U.S. President Donald Trump spoke. Then he left.', 'More text.']);
  });

  it('cuts a derived title that is long at a word, with an ellipsis', async () => {
    await write('long.txt', `${'word '.repeat(60)}end.`);
    const [article] = (await loadCorpus(dir)).articles;
    expect(article?.title.length).toBeLessThanOrEqual(100);
    expect(article?.title.endsWith('word…')).toBe(true);
  });

  it('joins the lines of a paragraph and keeps link text and headings of Markdown', async () => {
    await write('md.md', '# A heading\n\nSee [the report](https://example.com) for\n**more** details.\n');
    const [article] = (await loadCorpus(dir)).articles;
    expect(article?.paragraphs).toEqual(['A heading', 'See the report for more details.']);
  });

  it('accepts a byte order mark and CRLF line ends', async () => {
    await write('crlf.md', '\uFEFF---\r\ntitle: Windows\r\n---\r\n\r\nOne.\r\n\r\nTwo.\r\n');
    const corpus = await loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles[0]).toMatchObject({ title: 'Windows', paragraphs: ['One.', 'Two.'] });
  });

  it('reports each bad file with its path and line, and still loads the rest', async () => {
    await write('good.md', GOOD);
    await write('unclosed.md', '---\ntitle: Never closed\n\nBody.\n');
    await write('bad-line.md', '---\ntitle: Fine\nthis is not a field\n---\n\nBody.\n');
    await write('bad-date.md', '---\ntitle: Dated\ndate: July 3rd\n---\n\nBody.\n');
    await write('impossible-date.txt', 'date 2025-02-30 Body text.\n');
    await write('empty.md', '---\ntitle: Nothing here\n---\n\n\n');
    await write('blank.txt', '   \n\n');
    await write('latin1.txt', Uint8Array.from([0x4f, 0x6b, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
    await write('binary.txt', Uint8Array.from([0x41, 0x0a, 0x0a, 0x00, 0x01]));
    await symlink(join(dir, 'missing-target.md'), join(dir, 'dangling.md'));
    const corpus = await loadCorpus(dir);

    expect(corpus.articles.map((article) => article.id)).toEqual(['good']);
    const problem = (name: string) => corpus.problems.find((entry) => entry.file === join(dir, name));
    expect(problem('unclosed.md')).toMatchObject({ severity: 'error', line: 1, message: expect.stringContaining('never closed') });
    expect(problem('bad-line.md')).toMatchObject({ severity: 'error', line: 3, message: expect.stringContaining('"this is not a field"') });
    expect(problem('bad-date.md')).toMatchObject({
      severity: 'error',
      line: 3,
      message: 'front matter field `date` is not a date written YYYY-MM-DD (got "July 3rd")',
    });
    expect(problem('impossible-date.txt')).toMatchObject({ severity: 'error', line: 1, message: expect.stringContaining('"2025-02-30"') });
    expect(problem('empty.md')).toMatchObject({ severity: 'error', line: 4, message: 'the article has no text after its front matter' });
    expect(problem('blank.txt')).toMatchObject({ severity: 'error', message: 'the article has no text' });
    expect(problem('latin1.txt')).toMatchObject({ severity: 'error', line: 2, message: expect.stringContaining('UTF-8') });
    expect(problem('binary.txt')).toMatchObject({ severity: 'error', line: 3, message: expect.stringContaining('binary') });
    expect(problem('dangling.md')).toMatchObject({ severity: 'error', message: expect.stringContaining('cannot be read') });
  });

  it('rejects a front matter url that is not a web address and warns about unknown fields', async () => {
    await write('url.md', '---\nurl: javascript:alert(1)\n---\n\nBody.\n');
    await write('extra.md', '---\ntitle: Fine\nauthor: Someone\n---\n\nBody.\n');
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((article) => article.id)).toEqual(['extra']);
    expect(corpus.problems).toEqual([
      { severity: 'warning', file: join(dir, 'extra.md'), line: 3, message: expect.stringContaining('`author`') },
      { severity: 'error', file: join(dir, 'url.md'), line: 2, message: expect.stringContaining('http(s)') },
    ]);
  });

  it('keeps the first of two files with the same id and reports the second', async () => {
    await write('same.md', GOOD);
    await write('same.txt', 'Other text.');
    const corpus = await loadCorpus(dir);
    expect(corpus.articles).toHaveLength(1);
    expect(corpus.problems).toEqual([
      { severity: 'error', file: join(dir, 'same.txt'), line: null, message: expect.stringContaining('same article id "same"') },
    ]);
  });

  it('reads articles in sub-folders, skips hidden and underscore files, and warns about other file types', async () => {
    await mkdir(join(dir, '2025'));
    await write('2025/nested.md', GOOD);
    await write('.hidden.md', GOOD);
    await write('notes.docx', 'x');
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((article) => article.id)).toEqual(['nested']);
    expect(corpus.problems).toEqual([
      { severity: 'warning', file: join(dir, 'notes.docx'), line: null, message: expect.stringContaining('only .md and .txt') },
    ]);
  });

  it('reads extra alias groups from `_aliases.txt` and reports lines it cannot use', async () => {
    await write('good.md', GOOD);
    await write('_aliases.txt', '# comment\nSpace agency, NASA\nlonely\n');
    const corpus = await loadCorpus(dir);
    expect(corpus.aliasGroups).toEqual([{ canonical: 'Space agency', names: ['Space agency', 'NASA'] }]);
    expect(corpus.problems).toEqual([
      { severity: 'warning', file: join(dir, '_aliases.txt'), line: 3, message: expect.stringContaining('at least two names') },
    ]);
  });

  it('keeps a 100,000-character line as text', async () => {
    const line = `${'Words and more words. '.repeat(4545)}End.`;
    await write('huge.txt', line);
    const [article] = (await loadCorpus(dir)).articles;
    expect(article?.sentences.map((sentence) => sentence.text).join(' ')).toBe(line.trim());
  });

  it('throws a clear error when the folder itself does not exist', async () => {
    await expect(loadCorpus(join(dir, 'nope'))).rejects.toThrow(/corpus folder .* cannot be read \(it does not exist\)/u);
  });
});
