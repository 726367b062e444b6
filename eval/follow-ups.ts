import type { Answer, Engine, PreviousTurn } from '../src/search/types.js';
import { DEPTH, holdsGold } from './evaluate.js';
import type { FollowUpChain, FollowUpTurn } from './followup-set.js';
import type { Split } from './news-set.js';

/** How many passages of an answer the bot shows, and so keeps as the context of the next question. */
const SHOWN_PASSAGES = 3;
/** How many earlier turns the bot passes as context. */
const CONTEXT_TURNS = 3;

/** How one question was answered: its first passage, and whether it holds a gold text. */
export interface TurnAnswer {
  readonly right: boolean;
  readonly empty: boolean;
  /** The article of the first passage, or null when nothing was returned. */
  readonly article: string | null;
}

/** A follow-up turn (the second or third of its chain), answered with the conversation before it and on its own. */
export interface FollowUpOutcome {
  readonly chain: string;
  readonly split: Split;
  /** 1-based position in the chain (2 or 3). */
  readonly position: number;
  readonly turn: FollowUpTurn;
  readonly withContext: TurnAnswer;
  readonly alone: TurnAnswer;
  /** The article the turn before was answered from, with its context (what a shift must not be pulled back to). */
  readonly previousArticle: string | null;
}

function turnAnswer(turn: FollowUpTurn, answers: readonly Answer[]): TurnAnswer {
  const first = answers[0];
  return {
    right: first !== undefined && holdsGold(turn.gold, { articleId: first.source.article, passage: first.passage }),
    empty: first === undefined,
    article: first?.source.article ?? null,
  };
}

/**
 * Asks every chain as the bot would: each turn with the earlier turns' questions and the
 * passages the engine itself showed for them (never the gold) as context, and each follow-up
 * also on its own. Everything is asked of the whole news corpus (pooled).
 */
export async function followUpOutcomes(engine: Engine, chains: readonly FollowUpChain[]): Promise<FollowUpOutcome[]> {
  const outcomes: FollowUpOutcome[] = [];
  for (const chain of chains) {
    const earlier: PreviousTurn[] = [];
    let previousArticle: string | null = null;
    for (const [at, turn] of chain.turns.entries()) {
      const context = earlier.slice(-CONTEXT_TURNS);
      const { answers } = await engine.ask(turn.question, { limit: DEPTH, context });
      const withContext = turnAnswer(turn, answers);
      if (at > 0) {
        const alone = turnAnswer(turn, (await engine.ask(turn.question, { limit: DEPTH })).answers);
        outcomes.push({ chain: chain.id, split: chain.split, position: at + 1, turn, withContext, alone, previousArticle });
      }
      earlier.push({
        question: turn.question,
        passages: answers.slice(0, SHOWN_PASSAGES).map(({ source }) => ({
          article: source.article,
          paragraph: source.paragraph,
          sentence: source.sentence,
        })),
      });
      previousArticle = withContext.article;
    }
  }
  return outcomes;
}

/** A share of some turns, with how many turns it is of. */
export interface Share {
  readonly of: number;
  readonly value: number;
}

export interface FollowUpQuality {
  /** Answerable follow-ups whose first passage is right. */
  readonly rightWithContext: Share;
  readonly rightAlone: Share;
  /** Answerable follow-ups answered with nothing. */
  readonly answerableRefusedWithContext: Share;
  readonly answerableRefusedAlone: Share;
  /** Unanswerable follow-ups answered with nothing. */
  readonly refusedWithContext: Share;
  readonly refusedAlone: Share;
  /** Answerable turns that change subject by their own words: first passage right. */
  readonly shiftRightWithContext: Share;
  readonly shiftRightAlone: Share;
  /**
   * Shifts to another article than the one the turn before was answered from: share whose
   * first passage is not from that article (not pulled back).
   */
  readonly shiftNotPulledBackWithContext: Share;
  readonly shiftNotPulledBackAlone: Share;
}

function shareOf<T>(items: readonly T[], predicate: (item: T) => boolean): Share {
  return { of: items.length, value: items.length === 0 ? 0 : items.filter(predicate).length / items.length };
}

export function summariseFollowUps(outcomes: readonly FollowUpOutcome[]): FollowUpQuality {
  const answerable = outcomes.filter((outcome) => outcome.turn.kind === 'answerable');
  const unanswerable = outcomes.filter((outcome) => outcome.turn.kind === 'unanswerable');
  const shifts = answerable.filter((outcome) => outcome.turn.shift === true);
  const away = shifts.filter(
    (outcome) => outcome.previousArticle !== null && !outcome.turn.gold.some((gold) => gold.article === outcome.previousArticle),
  );
  return {
    rightWithContext: shareOf(answerable, (outcome) => outcome.withContext.right),
    rightAlone: shareOf(answerable, (outcome) => outcome.alone.right),
    answerableRefusedWithContext: shareOf(answerable, (outcome) => outcome.withContext.empty),
    answerableRefusedAlone: shareOf(answerable, (outcome) => outcome.alone.empty),
    refusedWithContext: shareOf(unanswerable, (outcome) => outcome.withContext.empty),
    refusedAlone: shareOf(unanswerable, (outcome) => outcome.alone.empty),
    shiftRightWithContext: shareOf(shifts, (outcome) => outcome.withContext.right),
    shiftRightAlone: shareOf(shifts, (outcome) => outcome.alone.right),
    shiftNotPulledBackWithContext: shareOf(away, (outcome) => outcome.withContext.article !== outcome.previousArticle),
    shiftNotPulledBackAlone: shareOf(away, (outcome) => outcome.alone.article !== outcome.previousArticle),
  };
}
