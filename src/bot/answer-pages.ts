import type { Answer, AnswerSet, Engine } from '../search/types.js';
import type { AnswerState, ShownPassage } from './bot-context.js';
import { buildAnswerReply, buildNoAnswerReply, PASSAGES_PER_PAGE, type PassagesConfidence } from './replies/answer-reply.js';
import type { ReplyPayload } from './replies/reply-payload.js';
import { searchableQuestion } from './question-text.js';

/** One page of passages (1-based): the passages, whether another page follows, and how the engine read the question. */
export interface PassagesPage {
  readonly answers: readonly Answer[];
  readonly hasMore: boolean;
  readonly confidence: PassagesConfidence;
  /** Whether the question was read as a follow-up of the earlier turns it was asked with. */
  readonly followedUp: boolean;
  /** What the engine said of the question as a whole (for the question log). */
  readonly found: AnswerSet;
}

export async function answersOnPage(engine: Engine, state: AnswerState, page: number): Promise<PassagesPage> {
  // One passage beyond the page tells whether "More results" has anything to show.
  const found = await engine.ask(searchableQuestion(state.question), {
    limit: PASSAGES_PER_PAGE + 1,
    offset: (page - 1) * PASSAGES_PER_PAGE,
    ...(state.article === null ? {} : { article: state.article.id }),
    ...(state.context === undefined ? {} : { context: state.context }),
  });
  return {
    answers: found.answers.slice(0, PASSAGES_PER_PAGE),
    hasMore: found.answers.length > PASSAGES_PER_PAGE,
    // `none` comes without passages; a page that has some is shown as the engine's `high` or `low`.
    confidence: found.confidence === 'high' ? 'high' : 'low',
    followedUp: found.followedUp === true,
    found,
  };
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
 * remember under it, and what the engine found (for the question log). A question asked with
 * earlier turns keeps them only when the engine read it as a follow-up of them; the reply then
 * says which question it followed up.
 */
export async function firstAnswerReply(
  engine: Engine,
  asked: AnswerState,
): Promise<{ reply: ReplyPayload; state: AnswerState; found: AnswerSet }> {
  const first = await answersOnPage(engine, asked, 1);
  const { context, ...alone } = asked;
  const state: AnswerState = first.followedUp && context !== undefined ? { ...alone, context } : alone;
  if (first.answers.length === 0)
    return { reply: buildNoAnswerReply(state.question, state.article, state.context), state, found: first.found };
  return {
    reply: buildAnswerReply({ ...state, ...first, page: 1 }),
    state: { ...state, shown: shownPassages(first.answers) },
    found: first.found,
  };
}
