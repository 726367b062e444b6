import type { CorpusProblem } from '../corpus/types.js';
import type { Engine } from '../search/types.js';

/**
 * An engine ready to answer, with the problems met while loading its corpus: what the holder swaps
 * in. (The search core's `LoadedEngine` also says where its index came from; the bot only logs that.)
 */
export interface CorpusEngine {
  readonly engine: Engine;
  readonly problems: readonly CorpusProblem[];
}

/** Builds a new engine from the corpus (reading files again); rejects when no engine could be built. */
export type EngineLoader = () => Promise<CorpusEngine>;

export interface CorpusCounts {
  readonly articles: number;
  readonly sentences: number;
}

export interface ReloadSummary extends CorpusCounts {
  readonly problems: readonly CorpusProblem[];
  readonly previous: CorpusCounts;
}

export function corpusCounts(engine: Engine): CorpusCounts {
  return {
    articles: engine.articles.length,
    sentences: engine.articles.reduce((sum, article) => sum + article.sentences, 0),
  };
}

/**
 * Holds the engine that answers questions. Handlers read `current` on every use, so a reload
 * takes effect for the next question; until the new engine is complete, the old one answers.
 */
export class EngineHolder {
  #current: Engine;
  #problems: readonly CorpusProblem[];
  readonly #load: EngineLoader;
  #reloading: Promise<ReloadSummary> | null = null;
  readonly #listeners = new Set<() => void>();

  private constructor(loaded: CorpusEngine, load: EngineLoader) {
    this.#current = loaded.engine;
    this.#problems = loaded.problems;
    this.#load = load;
  }

  /** Loads the first engine; rejects when the corpus cannot be loaded at all. */
  static async create(load: EngineLoader): Promise<EngineHolder> {
    return new EngineHolder(await load(), load);
  }

  get current(): Engine {
    return this.#current;
  }

  /** Problems met while loading the corpus now in use. */
  get problems(): readonly CorpusProblem[] {
    return this.#problems;
  }

  get isReloading(): boolean {
    return this.#reloading !== null;
  }

  /** Calls `listener` after each new engine is swapped in (`/reload`, `/add`, a feed); returns what stops it. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Builds a new engine and swaps it in once complete. Concurrent calls share one reload.
   * On failure the current engine stays and the promise rejects.
   */
  reload(): Promise<ReloadSummary> {
    if (this.#reloading !== null) return this.#reloading;
    const reloading = this.#swapInNewEngine().finally(() => {
      this.#reloading = null;
    });
    this.#reloading = reloading;
    return reloading;
  }

  async #swapInNewEngine(): Promise<ReloadSummary> {
    const previous = corpusCounts(this.#current);
    const loaded = await this.#load();
    this.#current = loaded.engine;
    this.#problems = loaded.problems;
    for (const listener of this.#listeners) listener();
    return { ...corpusCounts(loaded.engine), problems: loaded.problems, previous };
  }
}
