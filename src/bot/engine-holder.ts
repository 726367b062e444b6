import type { CorpusProblem } from '../corpus/types.js';
import type { Engine } from '../search/types.js';

/**
 * An engine ready to answer, with the problems met while loading its corpus: what the holder swaps
 * in. (The search core's `LoadedEngine` also says where its index came from; the bot only logs that.)
 */
export interface CorpusEngine {
  /** An engine that answers by words, at once. */
  readonly engine: Engine;
  readonly problems: readonly CorpusProblem[];
  /**
   * An engine over the same index that compares meaning as well, once its sentence vectors are
   * ready; rejects when they cannot be had. Absent when vectors are off.
   */
  readonly withVectors?: () => Promise<Engine>;
}

/** What the holder tells about sentence vectors (the bot logs it). */
export interface VectorEvents {
  /** An engine that compares meaning is answering now. */
  readonly onVectorsReady?: () => void;
  /** Vectors could not be had: the engine answers by words. */
  readonly onVectorsFailed?: (error: unknown) => void;
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
 * Engines are immutable: sentence vectors arrive as a new engine over the same index, swapped in
 * when ready. At start the engine answers by words at once and by meaning once vectors are
 * ready; a reload keeps an engine that compares meaning answering until the new one can too.
 */
export class EngineHolder {
  #current: Engine;
  #problems: readonly CorpusProblem[];
  #comparesMeaning = false;
  /** Counts loads, so that vectors finished for an older load are never swapped in. */
  #generation = 0;
  #upgrading: Promise<void> = Promise.resolve();
  readonly #load: EngineLoader;
  readonly #events: VectorEvents;
  #reloading: Promise<ReloadSummary> | null = null;

  private constructor(loaded: CorpusEngine, load: EngineLoader, events: VectorEvents) {
    this.#current = loaded.engine;
    this.#problems = loaded.problems;
    this.#load = load;
    this.#events = events;
    this.#upgradeInBackground(loaded);
  }

  /** Loads the first engine; rejects when the corpus cannot be loaded at all. Vectors follow in the background. */
  static async create(load: EngineLoader, events: VectorEvents = {}): Promise<EngineHolder> {
    return new EngineHolder(await load(), load, events);
  }

  get current(): Engine {
    return this.#current;
  }

  /** Whether the engine answering now compares meaning (has its sentence vectors). */
  get comparesMeaning(): boolean {
    return this.#comparesMeaning;
  }

  /** Resolves when the vectors of the last load are swapped in or have failed. */
  vectorsSettled(): Promise<void> {
    return this.#upgrading;
  }

  /** Problems met while loading the corpus now in use. */
  get problems(): readonly CorpusProblem[] {
    return this.#problems;
  }

  get isReloading(): boolean {
    return this.#reloading !== null;
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
    if (this.#comparesMeaning && loaded.withVectors !== undefined) {
      // The engine answering now compares meaning: it goes on until the new one can too.
      const generation = ++this.#generation;
      const withVectors = await loaded.withVectors().catch((error: unknown) => {
        this.#events.onVectorsFailed?.(error);
        return null;
      });
      if (generation === this.#generation) this.#swap(withVectors ?? loaded.engine, withVectors !== null, loaded.problems);
    } else {
      this.#swap(loaded.engine, false, loaded.problems);
      this.#upgradeInBackground(loaded);
    }
    return { ...corpusCounts(loaded.engine), problems: loaded.problems, previous };
  }

  #swap(engine: Engine, comparesMeaning: boolean, problems: readonly CorpusProblem[]): void {
    this.#current = engine;
    this.#comparesMeaning = comparesMeaning;
    this.#problems = problems;
  }

  #upgradeInBackground(loaded: CorpusEngine): void {
    const generation = ++this.#generation;
    if (loaded.withVectors === undefined) {
      this.#upgrading = Promise.resolve();
      return;
    }
    this.#upgrading = loaded.withVectors().then(
      (engine) => {
        if (generation !== this.#generation) return;
        this.#swap(engine, true, loaded.problems);
        this.#events.onVectorsReady?.();
      },
      (error: unknown) => {
        if (generation === this.#generation) this.#events.onVectorsFailed?.(error);
      },
    );
  }
}
