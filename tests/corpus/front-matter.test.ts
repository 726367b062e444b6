import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/corpus/front-matter.js';

/** The front matter of a file whose lines are `---`, then `yaml` lines, then `---` and a body. */
function read(...yaml: string[]) {
  return splitFrontMatter(['---', ...yaml, '---', '', 'Body.']);
}

describe('splitFrontMatter', () => {
  it('reads YAML quoting: escapes in double quotes, doubled single quotes, and a trailing comment', () => {
    const { frontMatter, issues } = read('title: "He said \\"no\\""', "source: 'O''Brien'", 'url: https://example.com/a # the original');
    expect(issues).toEqual([]);
    expect(frontMatter).toMatchObject({ title: 'He said "no"', source: "O'Brien", url: 'https://example.com/a' });
  });

  it('keeps every value as the text written: numbers, yes/no and null words are not converted', () => {
    const { frontMatter } = read('title: 1984', 'source: true', 'licence: null');
    expect(frontMatter).toMatchObject({ title: '1984', source: 'true', licence: 'null' });
  });

  it('reads the licence, also spelled license, as the Wikinews articles of the evaluation set give it', () => {
    expect(read('source: Wikinews', 'licence: CC BY 2.5').frontMatter).toMatchObject({ source: 'Wikinews', licence: 'CC BY 2.5' });
    expect(read('license: CC BY 2.5').frontMatter.licence).toBe('CC BY 2.5');
    expect(read('title: No licence').frontMatter.licence).toBeNull();
  });

  it('treats an empty value as not given, and joins a value written over several lines into one', () => {
    const { frontMatter, issues } = read('title: >', '  A title folded', '  over two lines', 'url:');
    expect(issues).toEqual([]);
    expect(frontMatter).toMatchObject({ title: 'A title folded over two lines', url: null });
  });

  it('accepts field names in any case', () => {
    expect(read('Title: Shouted', 'DATE: 2025-07-03').frontMatter).toMatchObject({ title: 'Shouted', date: '2025-07-03' });
  });

  it('reads a hand-written title holding ": " whole, as the format always read it, and reports nothing', () => {
    const { frontMatter, issues } = read(
      'title: Harbour strike: dockers walk out for a second week',
      'date: 2025-07-03',
      'source: Port News: Evening edition',
    );
    expect(issues).toEqual([]);
    expect(frontMatter).toMatchObject({
      title: 'Harbour strike: dockers walk out for a second week',
      date: '2025-07-03',
      source: 'Port News: Evening edition',
    });
  });

  it('reads the rest of a line that is not YAML as the value, brackets and hashes included', () => {
    const { frontMatter, issues } = read('title: [Update] Harbour strike: day #2', 'url: https://example.com/a');
    expect(issues).toEqual([]);
    expect(frontMatter).toMatchObject({ title: '[Update] Harbour strike: day #2', url: 'https://example.com/a' });
  });

  it('reports a quoted value followed by more text at its file line: the quotes make it ambiguous', () => {
    const { frontMatter, issues } = read('date: 2025-07-03', 'title: "Trump": the call');
    expect(issues).toEqual([
      {
        severity: 'error',
        line: 3,
        message: expect.stringMatching(/^front matter line is not YAML `key: value` \(got "title: \\"Trump\\": the call"\): /u),
      },
    ]);
    expect(frontMatter.title).toBeNull();
  });

  it('reports a line that is not `key: value`, and an unclosed quote, at their lines', () => {
    expect(read('title: Fine', 'this is not a field').issues).toEqual([
      { severity: 'error', line: 3, message: expect.stringContaining('(got "this is not a field")') },
    ]);
    expect(read('title: "Never closed').issues).toEqual([
      { severity: 'error', line: 2, message: expect.stringContaining('Missing closing "quote') },
    ]);
  });

  it('reports a field given twice, in any spelling, at the second one', () => {
    expect(read('title: One', 'url: https://example.com', 'Title: Two').issues).toEqual([
      { severity: 'error', line: 4, message: 'front matter field `title` is given twice' },
    ]);
    expect(read('licence: CC BY 2.5', 'license: CC0').issues).toEqual([
      { severity: 'error', line: 3, message: 'front matter field `license` is given twice (`license` is another spelling of `licence`)' },
    ]);
  });

  it('reports a list or nested fields where text belongs, and front matter that is not `key: value` at all', () => {
    expect(read('title: [a, b]').issues).toEqual([
      { severity: 'error', line: 2, message: 'front matter field `title` must be text (got a list)' },
    ]);
    expect(read('- title', '- date').issues).toEqual([
      { severity: 'error', line: 2, message: 'front matter must be `key: value` lines (got a list)' },
    ]);
  });

  it('keeps the existing messages for a date that is not a date and a url that is not a web address', () => {
    expect(read('title: Dated', 'date: July 3rd').issues).toEqual([
      { severity: 'error', line: 3, message: 'front matter field `date` is not a date written YYYY-MM-DD (got "July 3rd")' },
    ]);
    expect(read('url: "javascript:alert(1)"').issues).toEqual([
      { severity: 'error', line: 2, message: 'front matter field `url` is not an http(s) address (got "javascript:alert(1)")' },
    ]);
  });

  it('warns about a field it does not use, naming the ones it does', () => {
    expect(read('author: Someone').issues).toEqual([
      {
        severity: 'warning',
        line: 2,
        message: 'front matter field `author` is not one we use (title, date, url, source, licence, added, feed); ignored',
      },
    ]);
  });

  it('gives the body and its first file line after the closing `---`', () => {
    expect(read('title: T')).toMatchObject({ bodyLines: ['', 'Body.'], bodyFirstLine: 4 });
    expect(splitFrontMatter(['No front matter.'])).toMatchObject({ bodyLines: ['No front matter.'], bodyFirstLine: 1, issues: [] });
  });
});
