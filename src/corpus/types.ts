import type { AliasGroup } from './alias-file.js';

/** What we know about an article, from its front matter or its file name. */
export interface ArticleMeta {
  /** The file name without its extension; unique within a corpus. */
  readonly id: string;
  /** From front matter, else derived from the first sentence. */
  readonly title: string;
  /** ISO date `YYYY-MM-DD`, or null when the article does not say. */
  readonly date: string | null;
  readonly url: string | null;
  /** Publisher or outlet, when the front matter names one. */
  readonly source: string | null;
  /** The licence the article is published under (front matter `licence` or `license`), e.g. `CC BY 2.5`. */
  readonly licence: string | null;
  /** When the article was added to the corpus (ISO 8601), when the front matter says. */
  readonly added: string | null;
  /** The RSS / Atom feed the article came from, when it came from one. */
  readonly feed: string | null;
  /** Path of the file the article was read from, as given to the loader. */
  readonly file: string;
}

/** One sentence of an article, with everything needed to cite it. */
export interface Sentence {
  readonly articleId: string;
  /** 1-based paragraph number within the article. */
  readonly paragraph: number;
  /** 1-based sentence number within the whole article. */
  readonly sentence: number;
  readonly text: string;
}

export interface Article extends ArticleMeta {
  /** Paragraph texts, in order; `paragraphs[0]` is paragraph 1. */
  readonly paragraphs: readonly string[];
  /** Sentences in reading order, across all paragraphs. */
  readonly sentences: readonly Sentence[];
}

/** A file that could not be loaded (`error`), or that loaded with something ignored (`warning`). */
export interface CorpusProblem {
  readonly severity: 'error' | 'warning';
  readonly file: string;
  /** 1-based line the problem was found on, when it has one. */
  readonly line: number | null;
  readonly message: string;
}

export interface Corpus {
  readonly articles: readonly Article[];
  /** Alias groups from the corpus's own alias file, added to the engine's defaults. */
  readonly aliasGroups: readonly AliasGroup[];
  readonly problems: readonly CorpusProblem[];
}
