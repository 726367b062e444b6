import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArticle } from '../src/corpus/parse-article.js';
import type { Article } from '../src/corpus/types.js';
import { RENAME_ONE_IN, varySentence } from './copy-variation.js';

export const SENTENCES_PER_ARTICLE = 30;
export const SENTENCES_PER_PARAGRAPH = 5;

/** A synthetic corpus as written to disk, with what parsing it back gave. */
export interface GeneratedCorpus {
  readonly articles: number;
  /** Sentences dealt out: articles x 30. */
  readonly dealtSentences: number;
  /** Sentences our loader finds in the written files (the number every engine indexes). */
  readonly parsedSentences: number;
  /** Articles whose sentence count after parsing differs from 30. */
  readonly articlesSplitDifferently: number;
  /** Copies of the source sentences used (the last one possibly in part). */
  readonly copies: number;
  /** sha256 of every article text in order, to check two runs indexed the same corpus. */
  readonly sha256: string;
}

/** The source of every corpus: SQuAD's sentences in file order, as our own loader split them. */
export function sourceSentences(articles: readonly Article[]): string[] {
  return articles.flatMap((article) => article.sentences.map((sentence) => sentence.text));
}

/** How corpora are made, in words, for the output and the README. */
export function describeRecipe(sourceCount: number, sourceArticles: number): string {
  return [
    `The ${sourceCount.toLocaleString('en-US')} sentences of the ${sourceArticles} SQuAD v1.1 dev (public) articles, split by our own loader, are taken in file order as one endless sequence`,
    `(position p is source sentence p mod ${sourceCount.toLocaleString('en-US')}, in copy floor(p / ${sourceCount.toLocaleString('en-US')})) and dealt out in order: article k (file a{k}.txt, k from 1) gets positions ${SENTENCES_PER_ARTICLE}(k-1) .. ${SENTENCES_PER_ARTICLE}k-1,`,
    `as ${SENTENCES_PER_ARTICLE / SENTENCES_PER_PARAGRAPH} paragraphs of ${SENTENCES_PER_PARAGRAPH} sentences (sentences joined by a space, paragraphs by a blank line). Copy 0 is verbatim. In copy c >= 1, each word of 5+ ASCII letters`,
    `whose 32-bit FNV-1a hash of "c:lowercased word" is 0 mod ${RENAME_ONE_IN} (about one word in ${RENAME_ONE_IN}) is Caesar-shifted by 1 + (c-1) mod 25 letters keeping case,`,
    `except words the sentence splitter looks up (its abbreviation and sentence-starter lists); so the vocabulary grows with every copy and no sentence repeats exactly.`,
  ].join(' ');
}

/** The text of synthetic article `index` (0-based). */
export function articleText(source: readonly string[], index: number): string {
  const paragraphs: string[] = [];
  for (let first = 0; first < SENTENCES_PER_ARTICLE; first += SENTENCES_PER_PARAGRAPH) {
    const sentences: string[] = [];
    for (let offset = 0; offset < SENTENCES_PER_PARAGRAPH; offset += 1) {
      const position = index * SENTENCES_PER_ARTICLE + first + offset;
      sentences.push(varySentence(source[position % source.length] ?? '', Math.floor(position / source.length)));
    }
    paragraphs.push(sentences.join(' '));
  }
  return `${paragraphs.join('\n\n')}\n`;
}

export function articleFileName(index: number): string {
  return `a${String(index + 1).padStart(6, '0')}.txt`;
}

/**
 * Writes `count` articles as .txt files into `dir`, and parses each back exactly as the
 * loader will, to count the sentences every engine is going to index.
 */
export async function writeCorpus(source: readonly string[], count: number, dir: string): Promise<GeneratedCorpus> {
  await mkdir(dir, { recursive: true });
  const hash = createHash('sha256');
  let parsedSentences = 0;
  let articlesSplitDifferently = 0;
  const BATCH = 200; // bounded parallel writes: enough to keep the disk busy, few open files
  for (let start = 0; start < count; start += BATCH) {
    const writes: Array<Promise<void>> = [];
    for (let index = start; index < Math.min(count, start + BATCH); index += 1) {
      const text = articleText(source, index);
      hash.update(text);
      const file = join(dir, articleFileName(index));
      const { article } = parseArticle(file, articleFileName(index).replace(/\.txt$/u, ''), 'txt', text);
      const sentences = article?.sentences.length ?? 0;
      parsedSentences += sentences;
      if (sentences !== SENTENCES_PER_ARTICLE) articlesSplitDifferently += 1;
      writes.push(writeFile(file, text));
    }
    await Promise.all(writes);
  }
  const dealtSentences = count * SENTENCES_PER_ARTICLE;
  return {
    articles: count,
    dealtSentences,
    parsedSentences,
    articlesSplitDifferently,
    copies: Math.ceil(dealtSentences / source.length),
    sha256: hash.digest('hex'),
  };
}
