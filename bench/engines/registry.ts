import type { BenchEngine } from './bench-engine.js';

export const ENGINE_NAMES = ['ours', 'minisearch', 'flexsearch', 'orama', 'lunr'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** How each engine is shown in the tables, with what was changed from its defaults. */
export const ENGINE_LABELS: Readonly<Record<EngineName, string>> = {
  ours: 'article-qa-bot',
  minisearch: 'MiniSearch 7 (defaults)',
  flexsearch: 'FlexSearch 0.8 (defaults, suggest)',
  orama: 'Orama 3 (defaults)',
  lunr: 'Lunr 2 (defaults)',
};

// Imported on demand, so a child process loads only the engine it measures.
const LOADERS: Readonly<Record<EngineName, () => Promise<BenchEngine>>> = {
  ours: async () => (await import('./ours.js')).createOursEngine(),
  minisearch: async () => (await import('./minisearch.js')).createMiniSearchEngine(),
  flexsearch: async () => (await import('./flexsearch.js')).createFlexSearchEngine(),
  orama: async () => (await import('./orama.js')).createOramaEngine(),
  lunr: async () => (await import('./lunr.js')).createLunrEngine(),
};

export function loadEngine(name: EngineName): Promise<BenchEngine> {
  return LOADERS[name]();
}

export function isEngineName(name: string): name is EngineName {
  return (ENGINE_NAMES as readonly string[]).includes(name);
}
