import type { BenchEngine } from './bench-engine.js';

export const ENGINE_NAMES = [
  'before',
  'ours',
  'ours-meaning',
  'ours-meaning-stand-in',
  'minisearch',
  'flexsearch',
  'orama',
  'lunr',
] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];
/** A run without `--engines`: ours by words and the other libraries (the engine before only with `--before`). */
export const DEFAULT_ENGINES: readonly EngineName[] = ['ours', 'minisearch', 'flexsearch', 'orama', 'lunr'];

/** What some engines need from the command line. */
export interface EngineSettings {
  /** The checkout of the engine before (`--before`), for `before`. */
  readonly beforeDir: string | null;
  /** How the tables name the engine before, e.g. its short commit. */
  readonly beforeName: string | null;
  /** The vector cache `ours-meaning` reads the corpus's vectors from (`--vector-cache`). */
  readonly vectorCacheDir: string;
}

/** How each engine is shown in the tables, with what was changed from its defaults. */
export function engineLabel(name: EngineName, settings: EngineSettings): string {
  switch (name) {
    case 'before':
      return `article-qa-bot at ${settings.beforeName ?? 'the commit before'} (words)`;
    case 'ours':
      return 'article-qa-bot (words)';
    case 'ours-meaning':
      return 'article-qa-bot (words + meaning)';
    case 'ours-meaning-stand-in':
      return 'article-qa-bot (words + meaning, stand-in vectors)';
    case 'minisearch':
      return 'MiniSearch 7 (defaults)';
    case 'flexsearch':
      return 'FlexSearch 0.8 (defaults, suggest)';
    case 'orama':
      return 'Orama 3 (defaults)';
    case 'lunr':
      return 'Lunr 2 (defaults)';
  }
}

// Imported on demand, so a child process loads only the engine it measures.
const LOADERS: Readonly<Record<EngineName, (settings: EngineSettings) => Promise<BenchEngine>>> = {
  before: async ({ beforeDir }) => {
    if (beforeDir === null) throw new Error('the engine before needs --before COMMIT or --before FOLDER');
    return (await import('./before.js')).createBeforeEngine(beforeDir);
  },
  ours: async () => (await import('./ours.js')).createOursEngine(),
  'ours-meaning': async ({ vectorCacheDir }) =>
    (await import('./ours-meaning.js')).createOursMeaningEngine({ kind: 'cache', cacheDir: vectorCacheDir }),
  'ours-meaning-stand-in': async () => (await import('./ours-meaning.js')).createOursMeaningEngine({ kind: 'stand-in' }),
  minisearch: async () => (await import('./minisearch.js')).createMiniSearchEngine(),
  flexsearch: async () => (await import('./flexsearch.js')).createFlexSearchEngine(),
  orama: async () => (await import('./orama.js')).createOramaEngine(),
  lunr: async () => (await import('./lunr.js')).createLunrEngine(),
};

export function loadEngine(name: EngineName, settings: EngineSettings): Promise<BenchEngine> {
  return LOADERS[name](settings);
}

export function isEngineName(name: string): name is EngineName {
  return (ENGINE_NAMES as readonly string[]).includes(name);
}
