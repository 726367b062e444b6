import { parseArticle } from '../../../src/corpus/parse-article.js';
import type { Article, Corpus } from '../../../src/corpus/types.js';
import { indexCorpus, type IndexedCorpus } from '../../../src/search/indexed-corpus.js';

/** An article parsed from plain text (paragraphs separated by blank lines), with an optional title. */
export function articleOf(id: string, text: string, title?: string): Article {
  const parsed = parseArticle(`${id}.txt`, id, 'txt', text).article;
  if (parsed === null) throw new Error(`test article ${id} did not parse`);
  return title === undefined ? parsed : { ...parsed, title };
}

export function corpusOf(...articles: Article[]): Corpus {
  return { articles, aliasGroups: [], problems: [] };
}

/** The articles indexed with the built-in aliases, as the engine indexes them. */
export function indexed(...articles: Article[]): IndexedCorpus {
  return indexCorpus(corpusOf(...articles));
}
