import type { Corpus } from '../corpus/types.js';
import { Analyzer } from './analyzer.js';
import { builtInAliasGroups } from './built-in-aliases.js';
import { definedAcronyms } from './defined-acronyms.js';
import { SentenceIndex } from './index/sentence-index.js';
import type { AnalysisOptions } from './options.js';

/** A corpus with its sentence index: what building an engine costs, and what a snapshot saves. */
export interface IndexedCorpus {
  readonly corpus: Corpus;
  readonly analyzer: Analyzer;
  readonly index: SentenceIndex;
}

/** The analyzer for a corpus: built-in alias groups, the corpus's own, the acronyms its articles define, and any given. */
export function analyzerFor(corpus: Corpus, options: AnalysisOptions = {}): Analyzer {
  return new Analyzer([
    ...(options.builtInAliases === false ? [] : builtInAliasGroups()),
    ...corpus.aliasGroups,
    ...definedAcronyms(corpus.articles),
    ...(options.aliasGroups ?? []),
  ]);
}

/** Analyses and indexes every sentence of a corpus: the slow part of building an engine. */
export function indexCorpus(corpus: Corpus, options: AnalysisOptions = {}): IndexedCorpus {
  const analyzer = analyzerFor(corpus, options);
  return { corpus, analyzer, index: SentenceIndex.build(corpus.articles, analyzer) };
}

/** `indexCorpus` in slices that let the event loop run, for a process that must stay responsive. */
export async function indexCorpusInSlices(corpus: Corpus, options: AnalysisOptions = {}): Promise<IndexedCorpus> {
  const analyzer = analyzerFor(corpus, options);
  return { corpus, analyzer, index: await SentenceIndex.buildInSlices(corpus.articles, analyzer) };
}
