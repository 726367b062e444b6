/**
 * What the playground's page shows before anyone types, as Discord shows a channel's beginning:
 * which articles the bot answers from, the corpus files that failed to load and why, what the bot
 * compares, and example questions it answers. Built from the running bot's engine, again after
 * every reload.
 */
import type { EngineHolder } from '../bot/engine-holder.js';
import { corpusCounts } from '../bot/engine-holder.js';
import { HOW_IT_MATCHES } from '../bot/replies/help-reply.js';
import { exampleQuestions } from './example-questions.js';

/** Articles listed by name; the rest are counted (`/sources` lists them all). */
const LISTED_ARTICLES = 10;
/** Problems listed; the rest are counted (the log has them all). */
const LISTED_PROBLEMS = 20;

export interface Welcome {
  readonly articleCount: number;
  readonly sentenceCount: number;
  /** The newest articles, at most `LISTED_ARTICLES`. */
  readonly articles: readonly { readonly title: string; readonly date: string | null; readonly sentences: number }[];
  readonly problemCount: number;
  /** Files that failed (errors first) or loaded with something ignored, at most `LISTED_PROBLEMS`. */
  readonly problems: readonly { readonly severity: 'error' | 'warning'; readonly where: string; readonly message: string }[];
  /** What the bot compares, in the words `/help` uses. */
  readonly howItMatches: string;
  /** Questions drawn from the articles that the bot answers. */
  readonly examples: readonly string[];
}

/** The welcome of the engine in use, rebuilt when the engine changes; listeners hear of each change. */
export class WelcomeBoard {
  #engines: EngineHolder | null = null;
  #built: { readonly engine: unknown; readonly welcome: Promise<Welcome> } | null = null;
  readonly #listeners = new Set<() => void>();

  /** Starts following the bot's engine (the page opens before the bot has started). */
  follow(engines: EngineHolder): void {
    this.#engines = engines;
    engines.onChange(() => {
      for (const listener of this.#listeners) listener();
    });
    for (const listener of this.#listeners) listener();
  }

  /** The welcome for the engine in use, or null while the bot is still starting. */
  current(): Promise<Welcome | null> {
    const engines = this.#engines;
    if (engines === null) return Promise.resolve(null);
    if (this.#built?.engine !== engines.current) this.#built = { engine: engines.current, welcome: build(engines) };
    return this.#built.welcome;
  }

  /** Calls `listener` when the welcome changes (a reload, `/add`, a feed); returns what stops it. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

async function build(engines: EngineHolder): Promise<Welcome> {
  const engine = engines.current;
  const counts = corpusCounts(engine);
  const problems = [...engines.problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return {
    articleCount: counts.articles,
    sentenceCount: counts.sentences,
    articles: engine.articles.slice(0, LISTED_ARTICLES).map(({ title, date, sentences }) => ({ title, date, sentences })),
    problemCount: problems.length,
    problems: problems.slice(0, LISTED_PROBLEMS).map((problem) => ({
      severity: problem.severity,
      where: problem.line === null ? problem.file : `${problem.file}:${problem.line}`,
      message: problem.message,
    })),
    howItMatches: HOW_IT_MATCHES,
    examples: await exampleQuestions(engine),
  };
}
