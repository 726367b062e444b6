/** Where a passage came from, as shown to the person who asked. */
export interface SourceRef {
  readonly article: string;
  readonly title: string;
  readonly date: string | null;
  readonly url: string | null;
  /** 1-based paragraph number within the article. */
  readonly paragraph: number;
  /** 1-based sentence number within the article. */
  readonly sentence: number;
}

export interface Answer {
  /** The one sentence that matched. */
  readonly text: string;
  /** What to show: the sentence plus the neighbours needed to read it. */
  readonly passage: string;
  /** Higher is better; only comparable within one question. */
  readonly score: number;
  /** Words of `passage` (as they appear in it) that matched the question, for highlighting. */
  readonly terms: readonly string[];
  readonly source: SourceRef;
}

export interface AskOptions {
  /** How many passages to return at most. Default 3. */
  readonly limit?: number;
  /** Skip this many passages first, for paging. Default 0. */
  readonly offset?: number;
  /** Only answer from the article with this id. */
  readonly article?: string;
}

/** An article as listed by `/sources` and offered by autocomplete. */
export interface ArticleSummary {
  readonly id: string;
  readonly title: string;
  readonly date: string | null;
  readonly url: string | null;
  readonly source: string | null;
  /** When the article was added to the corpus (ISO 8601), if known. */
  readonly added: string | null;
  /** The feed it came from, if it came from one. */
  readonly feed: string | null;
  readonly paragraphs: number;
  readonly sentences: number;
}

/** Answers questions over one loaded corpus. Immutable: reloading builds a new engine. */
export interface Engine {
  /** Ranked passages for a question; empty when nothing in the corpus is relevant. Never throws for any string. */
  ask(question: string, options?: AskOptions): Answer[];
  /** Every article in the corpus, in a stable order (date descending, then id). */
  readonly articles: readonly ArticleSummary[];
  /** The text of one paragraph (1-based), or undefined when there is no such paragraph. */
  paragraph(articleId: string, paragraph: number): string | undefined;
}
