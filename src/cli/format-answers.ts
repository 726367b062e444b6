import type { AnswerSet } from '../search/types.js';

/**
 * The `--json` output line for one question: `confidence` (`high`, `low`, `none`) when it was
 * asked, `error` instead when the line could not be read as asked, and `followedUp` for a line
 * with `context` (whether it was read as a follow-up). New fields come after the old ones:
 * readers of the older lines find every field where it was.
 */
export function answersToJson(question: string, { answers, confidence, followedUp }: AnswerSet, error?: string): string {
  return JSON.stringify({
    question,
    answers: answers.map((answer) => ({ text: answer.text, passage: answer.passage, score: answer.score, source: answer.source })),
    ...(error === undefined ? { confidence } : { error }),
    ...(error === undefined && followedUp !== undefined ? { followedUp } : {}),
  });
}

/** Answers as a person reads them in a terminal, each with where it came from. */
export function answersToText(question: string, { answers, confidence }: AnswerSet): string {
  const lines = [`Q: ${question}`];
  if (answers.length === 0) lines.push('   Nothing relevant in the articles.');
  else if (confidence === 'low') lines.push('   Not sure the articles answer this; the closest passages:');
  answers.forEach((answer, index) => {
    const { title, date, paragraph, sentence, url, article } = answer.source;
    lines.push(`${index + 1}. ${answer.passage}`);
    lines.push(
      `   — ${title}${date === null ? '' : ` (${date})`}, paragraph ${paragraph}, sentence ${sentence} [${article}]${url === null ? '' : ` ${url}`}`,
    );
  });
  return `${lines.join('\n')}\n`;
}
