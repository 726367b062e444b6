import type { Answer, AnswerSet, Engine } from '../search/types.js';
import type { AnswerState, ShownPassage } from './bot-context.js';
import { buildAnswerReply, buildNoAnswerReply, PASSAGES_PER_PAGE } from './replies/answer-reply.js';
import type { ReplyPayload } from './replies/reply-payload.js';
import { searchableQuestion } from './question-text.js';

/** The passages of one page (1-based), whether another page follows, and how sure the engine is of them. */
export async function answersOnPage(engine: Engine, state: AnswerState, page: number): Promise<AnswerSet & { hasMore: boolean }> {
  // One passage beyond the page tells whether "More results" has anything to show.
  const found = await engine.ask(searchableQuestion(state.question), {
    limit: PASSAGES_PER_PAGE + 1,
    offset: (page - 1) * PASSAGES_PER_PAGE,
    ...(state.article === null ? {} : { article: state.article.id }),
  });
  return { ...found, answers: found.answers.slice(0, PASSAGES_PER_PAGE), hasMore: found.answers.length > PASSAGES_PER_PAGE };
}

/** The first passage shown on a page: what "Show context" expands. */
export async function topAnswerOnPage(engine: Engine, state: AnswerState, page: number): Promise<Answer | undefined> {
  return (await answersOnPage(engine, state, page)).answers[0];
}

/** What the answer state keeps of the passages a message shows. */
export function shownPassages(answers: readonly Answer[]): ShownPassage[] {
  return answers.map(({ source, passage }) => ({
    article: source.article,
    paragraph: source.paragraph,
    sentence: source.sentence,
    passage,
  }));
}

/**
 * The reply for a new question (the first page, or a plain "nothing found"), the state to
 * remember under it, and what the engine found (for the question log).
 */
export async function firstAnswerReply(
  engine: Engine,
  state: AnswerState,
): Promise<{ reply: ReplyPayload; state: AnswerState; found: AnswerSet }> {
  const found = await answersOnPage(engine, state, 1);
  const { answers, hasMore } = found;
  if (answers.length === 0) return { reply: buildNoAnswerReply(state.question, state.article), state, found };
  return { reply: buildAnswerReply({ ...state, page: 1, answers, hasMore }), state: { ...state, shown: shownPassages(answers) }, found };
}
