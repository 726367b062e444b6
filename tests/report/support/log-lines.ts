/** Question log lines as the bot writes them, for the report's tests. */
import { writeFile } from 'node:fs/promises';
import type { QuestionLine, VoteLine } from '../../../src/bot/question-log-format.js';

export const GUILD_A = '200000000000000001';
export const GUILD_B = '200000000000000002';
export const ARTICLE = '2025-07-03-trump-putin-call';
let nextAnswer = 500_000_000_000_000_000n;

export function asked(question: string, outcome: QuestionLine['outcome'], overrides: Partial<QuestionLine> = {}): QuestionLine {
  nextAnswer += 1n;
  const answered = outcome === 'answered';
  return {
    kind: 'question',
    time: '2026-11-20T10:00:00.000Z',
    guild: GUILD_A,
    channel: '300000000000000001',
    via: 'ask',
    answer: outcome === 'answered' || outcome === 'nothing-relevant' ? nextAnswer.toString() : null,
    question,
    outcome,
    passages: answered ? [{ article: ARTICLE, paragraph: 14, sentence: 40 }] : [],
    topScore: answered ? 12 : null,
    probability: answered ? 0.9 : outcome === 'nothing-relevant' ? 0.1 : null,
    confidence: answered ? 'high' : outcome === 'nothing-relevant' ? 'none' : null,
    ms: 5,
    asker: 'a'.repeat(32),
    ...overrides,
  };
}

export function voted(on: QuestionLine, vote: 'up' | 'down', overrides: Partial<VoteLine> = {}): VoteLine {
  return {
    kind: 'vote',
    time: on.time,
    guild: on.guild,
    channel: on.channel,
    answer: on.answer ?? '0',
    vote,
    question: on.question,
    passages: on.passages.map((passage) => ({ ...passage, passage: 'Only Putin makes decisions in Russia.' })),
    voter: 'b'.repeat(32),
    ...overrides,
  };
}

export async function writeLines(file: string, lines: readonly (object | string)[]): Promise<void> {
  await writeFile(file, lines.map((line) => `${typeof line === 'string' ? line : JSON.stringify(line)}\n`).join(''));
}
