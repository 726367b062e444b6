import { performance } from 'node:perf_hooks';
import type { AnswerSet } from '../search/types.js';
import type { BotContext } from './bot-context.js';
import type { QuestionOutcome, QuestionVia } from './question-log-format.js';
import { PASSAGES_PER_PAGE } from './replies/answer-reply.js';
import { searchableQuestion } from './question-text.js';

/** Where a question came from and when: taken as it arrives, recorded once its reply is sent. */
export interface QuestionArrival {
  readonly via: QuestionVia;
  readonly guild: string | null;
  readonly channel: string | null;
  readonly user: string;
  /** Epoch milliseconds (the bot's clock). */
  readonly time: number;
  /** `performance.now()` at arrival, for the time taken. */
  readonly started: number;
}

export function questionArrival(
  ctx: BotContext,
  via: QuestionVia,
  where: { readonly guildId: string | null; readonly channelId: string | null },
  user: string,
): QuestionArrival {
  return { via, guild: where.guildId, channel: where.channelId, user, time: ctx.now(), started: performance.now() };
}

/** What the reply was: an answer message (its id and what the engine found), or a refusal or failure. */
export type QuestionResult =
  | { readonly outcome: 'rate-limited' | 'too-long' | 'error' }
  | { readonly outcome: 'answered' | 'nothing-relevant'; readonly answer: string; readonly found: AnswerSet };

/** One line of the question log for a question whose reply has just been sent (or failed). */
export function recordQuestion(ctx: BotContext, arrival: QuestionArrival, question: string, result: QuestionResult): void {
  const found = 'found' in result ? result.found : null;
  const outcome: QuestionOutcome = result.outcome;
  const top = found?.answers[0];
  ctx.questions.record({
    kind: 'question',
    time: new Date(arrival.time).toISOString(),
    guild: arrival.guild,
    channel: arrival.channel,
    user: arrival.user,
    via: arrival.via,
    answer: 'answer' in result ? result.answer : null,
    question: searchableQuestion(question),
    outcome,
    // The engine is asked for one passage beyond the page (to know whether "More results" has
    // any): only the page's passages were shown.
    passages: (found?.answers ?? []).slice(0, PASSAGES_PER_PAGE).map(({ source }) => ({
      article: source.article,
      paragraph: source.paragraph,
      sentence: source.sentence,
    })),
    topScore: top === undefined ? null : top.score,
    probability: found?.probability ?? null,
    confidence: found?.confidence ?? null,
    ms: Math.round((performance.now() - arrival.started) * 1000) / 1000,
  });
}

/** `answered` when the first page showed passages, else `nothing-relevant`. */
export function answeredOutcome(found: AnswerSet): 'answered' | 'nothing-relevant' {
  return found.answers.length > 0 ? 'answered' : 'nothing-relevant';
}
