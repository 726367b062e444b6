import { readFile, writeFile } from 'node:fs/promises';
import type { SquadQuestion } from '../eval/squad.js';

/** A question as the child processes get it: the text and SQuAD's gold answers. */
export interface BenchQuestion {
  readonly question: string;
  readonly answers: readonly string[];
}

/** Every SQuAD question in file order, written once so each child reads the same pool. */
export async function writeQuestionPool(questions: readonly SquadQuestion[], file: string): Promise<void> {
  const pool: BenchQuestion[] = questions.map(({ question, answers }) => ({ question, answers }));
  await writeFile(file, JSON.stringify(pool));
}

export async function readQuestionPool(file: string): Promise<BenchQuestion[]> {
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!Array.isArray(parsed) || !parsed.every(isBenchQuestion)) throw new Error(`${file} is not a question pool`);
  return parsed;
}

/**
 * The `count` timed questions: evenly spaced through the pool in file order (index
 * floor(i * pool / count)), so they cover all SQuAD articles rather than only the first.
 */
export function timedQuestions<T>(pool: readonly T[], count: number): T[] {
  return spaced(pool, count, 0);
}

/** Warm-up questions: the ones right after the first few timed ones, never timed themselves. */
export function warmupQuestions<T>(pool: readonly T[], count: number, warmups: number): T[] {
  return spaced(pool, count, 1).slice(0, warmups);
}

function spaced<T>(pool: readonly T[], count: number, offset: number): T[] {
  const picked: T[] = [];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i += 1) {
    const question = pool[(Math.floor((i * pool.length) / n) + offset) % pool.length];
    if (question !== undefined) picked.push(question);
  }
  return picked;
}

/** Whether one of the returned sentences holds a gold answer verbatim (case aside): a sanity check, not a quality metric. */
export function holdsAnswer(texts: readonly string[], answers: readonly string[]): boolean {
  const lowered = texts.map((text) => text.toLowerCase());
  return answers.some((answer) => lowered.some((text) => text.includes(answer.toLowerCase())));
}

function isBenchQuestion(value: unknown): value is BenchQuestion {
  if (typeof value !== 'object' || value === null || !('question' in value) || !('answers' in value)) return false;
  return typeof value.question === 'string' && Array.isArray(value.answers) && value.answers.every((answer) => typeof answer === 'string');
}
