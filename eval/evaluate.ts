import type { Article } from '../src/corpus/types.js';
import { macroAverage, rankOfFirstCorrect, summarise, type Quality, type RankedOutcome } from './metrics.js';
import type { OwnQuestion } from './own-questions.js';
import type { Retriever } from './retriever.js';
import type { SquadQuestion } from './squad.js';

/** How many passages are asked for when scoring; MRR looks this deep. */
export const DEPTH = 10;

export interface OwnSetQuality {
  readonly answerable: Quality;
  /** Share of unanswerable questions answered with nothing (higher is better). */
  readonly unanswerableRejected: number;
  readonly unanswerable: number;
}

export function evaluateOwnSet(retriever: Retriever, questions: readonly OwnQuestion[]): OwnSetQuality {
  const answerable: RankedOutcome[] = [];
  let rejected = 0;
  let unanswerable = 0;
  for (const item of questions) {
    const results = retriever(item.question, DEPTH);
    if (item.answers.length === 0) {
      unanswerable += 1;
      if (results.length === 0) rejected += 1;
      continue;
    }
    answerable.push({
      rank: rankOfFirstCorrect(results, (result) => item.answers.some((answer) => result.text.includes(answer))),
      empty: results.length === 0,
    });
  }
  return { answerable: summarise(answerable), unanswerableRejected: unanswerable === 0 ? 0 : rejected / unanswerable, unanswerable };
}

export interface SquadQuality {
  /** Every question asked of its own article's index, figures over all questions. */
  readonly perArticle: Quality;
  /** The same, averaged per article so every article counts alike. */
  readonly perArticleMacro: Quality;
  readonly byArticle: ReadonlyArray<{ readonly article: string; readonly quality: Quality }>;
  /** Every question asked of one index over all articles. */
  readonly pooled: Quality;
}

/** SQuAD scoring: right at rank r when the r-th sentence is from the question's paragraph and holds an answer text. */
function squadOutcome(question: SquadQuestion, results: ReturnType<Retriever>): RankedOutcome {
  const rank = rankOfFirstCorrect(
    results,
    (result) =>
      result.articleId === question.articleId &&
      result.paragraph === question.paragraph &&
      question.answers.some((answer) => result.text.includes(answer)),
  );
  return { rank, empty: results.length === 0 };
}

export function evaluateSquad(
  articles: readonly Article[],
  questions: readonly SquadQuestion[],
  makeRetriever: (articles: readonly Article[]) => Retriever,
): SquadQuality {
  const allOutcomes: RankedOutcome[] = [];
  const byArticle = articles.map((article) => {
    const retriever = makeRetriever([article]);
    const outcomes = questions
      .filter((question) => question.articleId === article.id)
      .map((question) => squadOutcome(question, retriever(question.question, DEPTH)));
    allOutcomes.push(...outcomes);
    return { article: article.id, quality: summarise(outcomes) };
  });
  const pooledRetriever = makeRetriever(articles);
  const pooled = summarise(questions.map((question) => squadOutcome(question, pooledRetriever(question.question, DEPTH))));
  return { perArticle: summarise(allOutcomes), perArticleMacro: macroAverage(byArticle.map((entry) => entry.quality)), byArticle, pooled };
}
