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

/** A passage shown in an earlier answer, by where it stands in its article. */
export interface PassageRef {
  readonly article: string;
  /** 1-based paragraph number within the article. */
  readonly paragraph: number;
  /** 1-based sentence number within the article. */
  readonly sentence: number;
}

/** An earlier question of the same conversation, and the passages its answer showed (best first). */
export interface PreviousTurn {
  readonly question: string;
  readonly passages: readonly PassageRef[];
}

export interface AskOptions {
  /** How many passages to return at most. Default 3. */
  readonly limit?: number;
  /** Skip this many passages first, for paging. Default 0. */
  readonly offset?: number;
  /** Only answer from the article with this id. */
  readonly article?: string;
  /**
   * The questions this one follows up, oldest first (a reply to an answer, a question in the
   * same thread, the same person's next question): what "he", "that" or "there" may lean on.
   * Default none: the question is read on its own.
   */
  readonly context?: readonly PreviousTurn[];
}

/**
 * How sure the engine is that the passages answer the question: `high`, an answer; `low`, the
 * closest passages, which may not answer it; `none`, nothing relevant (no passages).
 */
export type Confidence = 'high' | 'low' | 'none';

/** What `ask` finds for one question. */
export interface AnswerSet {
  /** Ranked passages (a page of them, by `limit` and `offset`); empty when `confidence` is `none`. */
  readonly answers: readonly Answer[];
  readonly confidence: Confidence;
  /** The refusal rule's probability (0-1) that the articles answer the question; null when no sentence matched at all. */
  readonly probability: number | null;
  /**
   * For a question asked with `context`: whether it was read as a follow-up of the earlier
   * turns (it leans on them), or on its own (a whole question, or one that says it starts
   * afresh). Absent when no context was given (and when nothing was looked up: a limit of 0, an
   * unknown article).
   */
  readonly followedUp?: boolean;
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
  /** Ranked passages for a question and how sure the engine is of them. Never rejects for any string. */
  ask(question: string, options?: AskOptions): Promise<AnswerSet>;
  /** Every article in the corpus, in a stable order (date descending, then id). */
  readonly articles: readonly ArticleSummary[];
  /** The text of one paragraph (1-based), or undefined when there is no such paragraph. */
  paragraph(articleId: string, paragraph: number): string | undefined;
}
