import { z } from 'zod';
import type { Article, Corpus, Sentence } from '../../corpus/types.js';

/**
 * A corpus as a snapshot saves it. Sentences are not saved as text: each is a stretch of its
 * paragraph (the splitter cuts them so), saved as its length. That keeps the text once in the
 * file, and once in memory after loading, as loading the files does.
 */
export const savedCorpus = z.object({
  articles: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        date: z.string().nullable(),
        url: z.string().nullable(),
        source: z.string().nullable(),
        licence: z.string().nullable(),
        added: z.string().nullable(),
        feed: z.string().nullable(),
        file: z.string(),
        paragraphs: z.array(z.string()).readonly(),
        /** For each paragraph, the lengths of its sentences, which stand one space apart. */
        sentenceLengths: z.array(z.array(z.number().int().nonnegative()).readonly()).readonly(),
      }),
    )
    .readonly(),
  aliasGroups: z.array(z.object({ canonical: z.string(), names: z.array(z.string()).readonly() })).readonly(),
  problems: z
    .array(z.object({ severity: z.enum(['error', 'warning']), file: z.string(), line: z.number().nullable(), message: z.string() }))
    .readonly(),
});

export type SavedCorpus = z.infer<typeof savedCorpus>;

export function saveCorpus(corpus: Corpus): SavedCorpus {
  return {
    ...corpus,
    articles: corpus.articles.map(({ sentences, ...article }) => {
      const sentenceLengths = article.paragraphs.map((): number[] => []);
      for (const sentence of sentences) sentenceLengths[sentence.paragraph - 1]?.push(sentence.text.length);
      return { ...article, sentenceLengths };
    }),
  };
}

/** The corpus a `SavedCorpus` describes; throws when the sentence lengths do not fit the paragraphs. */
export function restoreCorpus(saved: SavedCorpus): Corpus {
  return { ...saved, articles: saved.articles.map(restoreArticle) };
}

function restoreArticle({ sentenceLengths, ...article }: SavedCorpus['articles'][number]): Article {
  if (sentenceLengths.length !== article.paragraphs.length)
    throw new Error(`article ${article.id} has ${article.paragraphs.length} paragraphs but sentences for ${sentenceLengths.length}`);
  const sentences: Sentence[] = [];
  article.paragraphs.forEach((paragraph, index) => {
    let start = 0;
    for (const length of sentenceLengths[index] ?? []) {
      sentences.push({
        articleId: article.id,
        paragraph: index + 1,
        sentence: sentences.length + 1,
        text: paragraph.slice(start, start + length),
      });
      start += length + 1;
    }
    if (start !== paragraph.length + 1)
      throw new Error(`the sentences of article ${article.id}, paragraph ${index + 1}, do not add up to the paragraph`);
  });
  return { ...article, sentences };
}
