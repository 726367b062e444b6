import { z } from 'zod';
import type { PreviousTurn } from '../search/types.js';

/** One line of batch input, understood: a question (its article and earlier turns), or why it could not be. */
export interface BatchQuestion {
  readonly question: string;
  readonly article: string | undefined;
  /** The earlier turns of the conversation this question follows up, oldest first. */
  readonly context: readonly PreviousTurn[] | undefined;
  /** Why the line could not be read as asked; the line is still answered, with no passages. */
  readonly error: string | undefined;
}

/** More earlier turns than any conversation the engine reads (it reads the last three). */
export const MAX_CONTEXT_TURNS = 20;
/** More passages than an answer shows. */
const MAX_TURN_PASSAGES = 50;

const placeInArticle = z.number().int().min(1);
const previousTurn = z.object({
  question: z.string(),
  passages: z.array(z.object({ article: z.string(), paragraph: placeInArticle, sentence: placeInArticle })).max(MAX_TURN_PASSAGES),
});
const questionObject = z.object({
  question: z.string(),
  article: z.string().optional(),
  context: z.array(previousTurn).max(MAX_CONTEXT_TURNS).optional(),
});

const OBJECT_SHAPE = '{"question": string, "article"?: string, "context"?: [earlier turns]}';
const TURN_SHAPE = '{"question": string, "passages": [{"article": string, "paragraph": number, "sentence": number}]}';

/**
 * Reads one line of `ask`'s standard input: plain text is the question; a line that starts
 * with `{` must be `{"question": string, "article"?: string, "context"?: [...]}`, `context`
 * being the earlier turns, oldest first. Never throws, so no line can end a batch run or go
 * unanswered.
 */
export function parseBatchLine(line: string): BatchQuestion {
  const text = line.replace(/^\uFEFF/u, '').trim();
  if (!text.startsWith('{')) return { question: text, article: undefined, context: undefined, error: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refused(line, `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = questionObject.safeParse(value);
  if (!parsed.success) return refused(line, problemOf(parsed.error.issues));
  return { question: parsed.data.question, article: parsed.data.article, context: parsed.data.context, error: undefined };
}

function refused(line: string, error: string): BatchQuestion {
  return { question: line, article: undefined, context: undefined, error };
}

/** What is wrong with a JSON line, where: the question and article, or the first bad place in `context`. */
function problemOf(issues: z.ZodError['issues']): string {
  const inContext = issues.find((issue) => issue.path[0] === 'context');
  if (inContext === undefined || issues.some((issue) => issue.path[0] !== 'context')) {
    return `a JSON line must be an object ${OBJECT_SHAPE}`;
  }
  const where = inContext.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
  const what =
    inContext.code === 'too_big' && inContext.path.length === 1
      ? `at most ${MAX_CONTEXT_TURNS} earlier turns`
      : inContext.path.at(-1) === 'paragraph' || inContext.path.at(-1) === 'sentence'
        ? 'a whole number from 1'
        : inContext.message;
  return `"context" must be a list of earlier turns, oldest first, each ${TURN_SHAPE} (${where.slice(1)}: ${what})`;
}
