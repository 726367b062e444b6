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
  #running: Promise<ReloadSummary> | null = null;
  #queued: Promise<ReloadSummary> | null = null;

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
    return this.#running !== null;
  }

  /**
   * Builds a new engine and swaps it in once complete. One reload runs at a time and at most one
   * more waits: a request made while one runs is answered by the reload that starts after it
   * (which sees the files as they are then, an article `/add` just wrote included), and every
   * request made while that one waits shares it. So ten `/reload`s at once read the corpus twice,
   * not ten times. On failure the current engine stays and the promise rejects.
   */
  reload(): Promise<ReloadSummary> {
    if (this.#running === null) return this.#start();
    this.#queued ??= this.#running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.#queued = null;
        return this.#start();
      });
    return this.#queued;
  }

  #start(): Promise<ReloadSummary> {
    const run: Promise<ReloadSummary> = this.#swapInNewEngine().finally(() => {
      if (this.#running === run) this.#running = null;
    });
    this.#running = run;
    return run;
  }

  async #swapInNewEngine(): Promise<ReloadSummary> {
    const previous = corpusCounts(this.#current);
    const loaded = await this.#load();
    this.#current = loaded.engine;
    this.#problems = loaded.problems;
    return { ...corpusCounts(loaded.engine), problems: loaded.problems, previous };
  }
}
