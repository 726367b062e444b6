import type { Answer, Engine } from '../search/types.js';
import type { AnswerState, ShownPassage } from './bot-context.js';
import { buildAnswerReply, buildNoAnswerReply, PASSAGES_PER_PAGE } from './replies/answer-reply.js';
import type { ReplyPayload } from './replies/reply-payload.js';
import { searchableQuestion } from './question-text.js';

/** The passages of one page (1-based), whether another page follows, and whether the question was read as a follow-up. */
export async function answersOnPage(
  engine: Engine,
  state: AnswerState,
  page: number,
): Promise<{ answers: readonly Answer[]; hasMore: boolean; followedUp: boolean }> {
  // One passage beyond the page tells whether "More results" has anything to show.
  const { answers: found, followedUp } = await engine.ask(searchableQuestion(state.question), {
    limit: PASSAGES_PER_PAGE + 1,
    offset: (page - 1) * PASSAGES_PER_PAGE,
    ...(state.article === null ? {} : { article: state.article.id }),
    ...(state.context === undefined ? {} : { context: state.context }),
  });
  return { answers: found.slice(0, PASSAGES_PER_PAGE), hasMore: found.length > PASSAGES_PER_PAGE, followedUp: followedUp === true };
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
 * The reply for a new question (the first page, or a plain "nothing found"), and the state to
 * remember under it. A question asked with earlier turns keeps them only when the engine read it
 * as a follow-up of them; the reply then says which question it followed up.
 */
export async function firstAnswerReply(engine: Engine, asked: AnswerState): Promise<{ reply: ReplyPayload; state: AnswerState }> {
  const { answers, hasMore, followedUp } = await answersOnPage(engine, asked, 1);
  const { context, ...alone } = asked;
  const state: AnswerState = followedUp && context !== undefined ? { ...alone, context } : alone;
  if (answers.length === 0) return { reply: buildNoAnswerReply(state.question, state.article, state.context), state };
  return { reply: buildAnswerReply({ ...state, page: 1, answers, hasMore }), state: { ...state, shown: shownPassages(answers) } };
}
