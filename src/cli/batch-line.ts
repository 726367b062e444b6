import { z } from 'zod';

/** One line of batch input, understood: a question (and article), or why it could not be. */
export interface BatchQuestion {
  readonly question: string;
  readonly article: string | undefined;
  /** Why the line could not be read as asked; the line is still answered, with no passages. */
  readonly error: string | undefined;
}

const questionObject = z.object({ question: z.string(), article: z.string().optional() });

/**
 * Reads one line of `ask`'s standard input: plain text is the question; a line that starts
 * with `{` must be `{"question": string, "article"?: string}`. Never throws, so no line can
 * end a batch run or go unanswered.
 */
export function parseBatchLine(line: string): BatchQuestion {
  const text = line.replace(/^\uFEFF/u, '').trim();
  if (!text.startsWith('{')) return { question: text, article: undefined, error: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { question: line, article: undefined, error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = questionObject.safeParse(value);
  if (!parsed.success) {
    return { question: line, article: undefined, error: 'a JSON line must be an object {"question": string, "article"?: string}' };
  }
  return { question: parsed.data.question, article: parsed.data.article, error: undefined };
}
