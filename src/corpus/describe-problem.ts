import type { CorpusProblem } from './types.js';

/** One line a person reads in a terminal: `error: corpus/a.md line 3: front matter ...`. */
export function describeProblem(problem: CorpusProblem): string {
  return `${problem.severity}: ${problem.file}${problem.line === null ? '' : ` line ${problem.line}`}: ${problem.message}`;
}
