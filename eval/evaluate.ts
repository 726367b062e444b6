import type { Article } from '../src/corpus/types.js';
import { macroAverage, rankOfFirstCorrect, summarise, type Quality, type RankedOutcome } from './metrics.js';
import type { OwnQuestion } from './own-questions.js';
import type { NewsQuestion } from './news-set.js';
import type { Confidence } from '../src/search/types.js';
import type { Retrieved, Retriever } from './retriever.js';
import type { SquadQuestion } from './squad.js';

/** How many passages are asked for when scoring; MRR looks this deep. */
export const DEPTH = 10;

export interface OwnSetQuality {
  readonly answerable: Quality;
  /** Share of unanswerable questions answered with nothing (higher is better). */
  readonly unanswerableRejected: number;
  readonly unanswerable: number;
}

export async function evaluateOwnSet(retriever: Retriever, questions: readonly OwnQuestion[]): Promise<OwnSetQuality> {
  const answerable: RankedOutcome[] = [];
  let rejected = 0;
  let unanswerable = 0;
  for (const item of questions) {
    const results = (await retriever(item.question, DEPTH)).passages;
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
function squadOutcome(question: SquadQuestion, results: readonly Retrieved[]): RankedOutcome {
  const rank = rankOfFirstCorrect(
    results,
    (result) =>
      result.articleId === question.articleId &&
      result.paragraph === question.paragraph &&
      question.answers.some((answer) => result.text.includes(answer)),
  );
  return { rank, empty: results.length === 0 };
}

export async function evaluateSquad(
  articles: readonly Article[],
  questions: readonly SquadQuestion[],
  makeRetriever: (articles: readonly Article[]) => Retriever,
): Promise<SquadQuality> {
  const allOutcomes: RankedOutcome[] = [];
  const byArticle: Array<{ article: string; quality: Quality }> = [];
  for (const article of articles) {
    const retriever = makeRetriever([article]);
    const outcomes: RankedOutcome[] = [];
    for (const question of questions.filter((entry) => entry.articleId === article.id)) {
      outcomes.push(squadOutcome(question, (await retriever(question.question, DEPTH)).passages));
    }
    allOutcomes.push(...outcomes);
    byArticle.push({ article: article.id, quality: summarise(outcomes) });
  }
  const pooledRetriever = makeRetriever(articles);
  const pooledOutcomes: RankedOutcome[] = [];
  for (const question of questions) pooledOutcomes.push(squadOutcome(question, (await pooledRetriever(question.question, DEPTH)).passages));
  const pooled = summarise(pooledOutcomes);
  return { perArticle: summarise(allOutcomes), perArticleMacro: macroAverage(byArticle.map((entry) => entry.quality)), byArticle, pooled };
}

export interface NewsQuality {
  /** Answerable questions: the first passage holding a gold text of a gold article counts. */
  readonly answerable: Quality;
  /** Share of answerable questions whose first passage is from an article that answers them. */
  readonly rightArticleFirst: number;
  /** Share of answerable questions given as "not sure" (`low`): shown, but hedged. */
  readonly answerableNotSure: number;
  /** Share of on-topic unanswerable questions answered with nothing (higher is better). */
  readonly unanswerableRefused: number;
  /** Share of them not answered as sure (`low` or `none`; higher is better). */
  readonly unanswerableNotConfident: number;
  readonly unanswerable: number;
  /** Share of off-topic questions answered with nothing (higher is better). */
  readonly offTopicRefused: number;
  readonly offTopicNotConfident: number;
  readonly offTopic: number;
}

/** How a news question was answered, for the report and for finding misses. */
export interface NewsOutcome {
  readonly question: NewsQuestion;
  readonly rank: number | null;
  readonly empty: boolean;
  readonly confidence: Confidence;
  readonly rightArticleFirst: boolean;
}

/** Is this passage an answer to the question: from a gold article, holding that article's gold text. */
export function answersNewsQuestion(question: NewsQuestion, result: Retrieved): boolean {
  return holdsGold(question.gold, result);
}

/** Whether a passage is from one of the gold articles and holds that article's gold text. */
export function holdsGold(
  gold: ReadonlyArray<{ readonly article: string; readonly text: string }>,
  result: Pick<Retrieved, 'articleId' | 'passage'>,
): boolean {
  return gold.some(({ article, text }) => article === result.articleId && result.passage.includes(text));
}

/**
 * Asks every question of `retriever`: pooled (no article filter: the whole news corpus
 * competes), or per article (`scope: 'article'`: each question asked of its gold article, an
 * unanswerable one of the article it is about; off-topic questions are skipped there).
 */
export async function newsOutcomes(
  retriever: Retriever,
  questions: readonly NewsQuestion[],
  scope: 'pooled' | 'article',
): Promise<NewsOutcome[]> {
  const outcomes: NewsOutcome[] = [];
  for (const question of questions) {
    let article: string | undefined;
    if (scope === 'article') {
      if (question.kind === 'off-topic') continue;
      article = question.kind === 'unanswerable' ? question.about : question.gold[0]?.article;
    }
    const { passages: results, confidence } = await retriever(question.question, DEPTH, article);
    const first = results[0];
    outcomes.push({
      question,
      rank: rankOfFirstCorrect(results, (result) => answersNewsQuestion(question, result)),
      empty: results.length === 0,
      confidence,
      rightArticleFirst: first !== undefined && question.gold.some((gold) => gold.article === first.articleId),
    });
  }
  return outcomes;
}

export function summariseNews(outcomes: readonly NewsOutcome[]): NewsQuality {
  const of = (kind: NewsQuestion['kind']) => outcomes.filter((outcome) => outcome.question.kind === kind);
  const share = (list: readonly NewsOutcome[], predicate: (outcome: NewsOutcome) => boolean) =>
    list.length === 0 ? 0 : list.filter(predicate).length / list.length;
  const answerable = of('answerable');
  return {
    answerable: summarise(answerable),
    rightArticleFirst: share(answerable, (outcome) => outcome.rightArticleFirst),
    answerableNotSure: share(answerable, (outcome) => outcome.confidence === 'low'),
    unanswerableRefused: share(of('unanswerable'), (outcome) => outcome.empty),
    unanswerableNotConfident: share(of('unanswerable'), (outcome) => outcome.confidence !== 'high'),
    unanswerable: of('unanswerable').length,
    offTopicRefused: share(of('off-topic'), (outcome) => outcome.empty),
    offTopicNotConfident: share(of('off-topic'), (outcome) => outcome.confidence !== 'high'),
    offTopic: of('off-topic').length,
  };
}
