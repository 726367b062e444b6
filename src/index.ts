/**
 * article-qa-bot's core, free of Discord: load a corpus of articles, build an engine over
 * it, ask it questions.
 *
 * ```ts
 * const corpus = await loadCorpus('corpus');
 * for (const problem of corpus.problems) console.error(`${problem.file}:${problem.line ?? ''} ${problem.message}`);
 * const engine = createEngine(corpus);
 * const { answers, confidence } = await engine.ask('How many times have Trump and Putin spoken?', { limit: 3 });
 * ```
 */
export { CorpusFolderError } from './corpus/corpus-folder-error.js';
export { loadCorpus } from './corpus/load-corpus.js';
export { parseAliasFile, type AliasGroup } from './corpus/alias-file.js';
export type { Article, ArticleMeta, Corpus, CorpusProblem, Sentence } from './corpus/types.js';
export { MAX_QUESTION_LENGTH } from './search/candidate-finder.js';
export { createEngine } from './search/engine.js';
export { DEFAULT_OPTIONS, type EngineOptions, type FollowUpOptions } from './search/options.js';
export { DEFAULT_WEIGHTS } from './search/model/learned-model.js';
export type { RankingWeights } from './search/rank.js';
export type {
  Answer,
  AnswerSet,
  ArticleSummary,
  AskOptions,
  Confidence,
  Engine,
  PassageRef,
  PreviousTurn,
  SourceRef,
} from './search/types.js';
