/**
 * `npm run train`: learns the ranker's and the refusal rule's weights from data in the repo (the
 * SQuAD public half and the news set's dev half; never its test half), cross-validated by
 * article and story, and writes them with the figures to `src/search/model/model.json`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../corpus/parse-article.js';
import type { Article, Corpus } from '../corpus/types.js';
import { answersNewsQuestion } from '../../eval/evaluate.js';
import { loadNewsSet, NEWS_QUESTIONS, type NewsQuestion } from '../../eval/news-set.js';
import { loadSquad, SQUAD_FILE, type SquadQuestion } from '../../eval/squad.js';
import { trainingDataFingerprint } from '../../eval/training-data.js';
import { CandidateFinder, type FoundCandidates } from '../search/candidate-finder.js';
import { indexCorpus } from '../search/indexed-corpus.js';
import { CANDIDATE_FEATURES } from '../search/model/features.js';
import { fitLogistic, fitRanker, LOGISTIC_SETTINGS, RANKER_SETTINGS } from '../search/model/fit.js';
import { MODEL_FILE, type ModelFile, modelFromWeights, type RankingModel } from '../search/model/model-file.js';
import { answerProbability, REFUSAL_FEATURES, type RefusalRule, refusalFeatures } from '../search/model/refusal.js';
import { resolveOptions } from '../search/options.js';
import { passageRange, passageText } from '../search/passage.js';
import { type RankedCandidate, rankCandidates } from '../search/rank.js';
import { sharedWordNet } from '../search/wordnet.js';

const FOLDS = 6;
/** A news question counts this many SQuAD questions: the news set is what the bot is for, and 25 times smaller. */
const NEWS_WEIGHT = 10;
/**
 * The share of the answerable news dev questions it is fitted on that the refusal threshold may
 * refuse: 2.5 %, below the 4 % allowed, because questions it has not seen score lower.
 */
const MAX_ANSWERABLE_REFUSED = 0.025;

type Source = 'squad' | 'news';
type Kind = 'answerable' | 'unanswerable' | 'off-topic';

/** One question asked of one index, with its candidates and which of them answer it. */
interface Asked {
  readonly source: Source;
  readonly kind: Kind;
  /** How the question was asked: of its own article or the whole news corpus, or of a copy with the answer taken out. */
  readonly scope: 'pooled' | 'article' | 'answer removed' | 'other article';
  readonly fold: number;
  readonly found: FoundCandidates;
  readonly correct: readonly boolean[];
  /** Whether each candidate is from an article that answers the question. */
  readonly rightArticle: readonly boolean[];
  readonly weight: number;
}

const options = resolveOptions();
const thesaurus = sharedWordNet();
const finderOf = (articles: readonly Article[]): CandidateFinder => {
  const corpus: Corpus = { articles, aliasGroups: [], problems: [] };
  return new CandidateFinder(indexCorpus(corpus), options, thesaurus);
};
const started = performance.now();
const progress = (message: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${message}\n`);

const asked: Asked[] = [];
const squad = await loadSquad(SQUAD_FILE);
progress(`SQuAD: ${squad.articles.length} articles, ${squad.questions.length} questions`);
squad.articles.forEach((article, position) => {
  const fold = position % FOLDS;
  const questions = squad.questions.filter((question) => question.articleId === article.id);
  const finder = finderOf([article]);
  for (const question of questions) asked.push(squadAsked(finder, question, fold, 'article', 'answerable'));
  // On-topic questions the article cannot answer: each asked of the article without the paragraph that answers it.
  for (const paragraph of new Set(questions.map((question) => question.paragraph))) {
    const without = withoutParagraphs(article, new Set([paragraph]));
    if (without === null) continue;
    const variant = finderOf([without]);
    for (const question of questions.filter((entry) => entry.paragraph === paragraph)) {
      asked.push(squadAsked(variant, question, fold, 'answer removed', 'unanswerable'));
    }
  }
});
progress(`SQuAD asked: ${asked.length}`);

const news = await loadNewsSet();
const dev = news.questions.filter((question) => question.split === 'dev');
const devClusters = [...new Set(dev.map((question) => question.cluster))].sort();
const foldOfCluster = (cluster: string) => Math.max(0, devClusters.indexOf(cluster)) % FOLDS;
const pooled = finderOf(news.corpus.articles);
for (const question of dev) {
  const fold = foldOfCluster(question.cluster);
  asked.push(newsAsked(pooled, question, fold, 'pooled', question.kind));
  if (question.kind === 'off-topic') continue;
  if (question.kind === 'unanswerable') {
    asked.push(newsAsked(pooled, question, fold, 'article', 'unanswerable', question.about));
    continue;
  }
  const goldArticles = new Set(question.gold.map((gold) => gold.article));
  asked.push(newsAsked(pooled, question, fold, 'article', 'answerable', question.gold[0]?.article));
  // The whole corpus without the paragraphs that answer it, and each other article of the story.
  const articles = news.corpus.articles.map((article) => {
    const paragraphs = new Set(
      article.sentences
        .filter((sentence) => question.gold.some((gold) => gold.article === article.id && sentence.text.includes(gold.text)))
        .map((sentence) => sentence.paragraph),
    );
    return paragraphs.size === 0 ? article : withoutParagraphs(article, paragraphs);
  });
  asked.push(newsAsked(finderOf(articles.filter((article) => article !== null)), question, fold, 'answer removed', 'unanswerable'));
  for (const other of news.clusters[question.cluster]?.articles ?? []) {
    if (!goldArticles.has(other)) asked.push(newsAsked(pooled, question, fold, 'other article', 'unanswerable', other));
  }
}
progress(`asked in all: ${asked.length} (news dev questions: ${dev.length})`);

// Cross-validation: each fold's questions are ranked and refused by a model fitted on the other folds.
const outOfFold = new Map<Asked, { top: RankedCandidate | undefined; rank: number | null; probability: number; threshold: number }>();
for (let fold = 0; fold < FOLDS; fold += 1) {
  const training = asked.filter((entry) => entry.fold !== fold);
  const model = fitModel(training);
  for (const entry of asked.filter((candidate) => candidate.fold === fold)) {
    const ranked = rankCandidates(entry.found.candidates, model.ranker);
    outOfFold.set(entry, {
      top: ranked[0],
      rank: rankOfCorrect(entry, ranked),
      probability: probabilityOf(entry, ranked, model.refusal),
      threshold: model.refusal.threshold,
    });
  }
  progress(`fold ${fold + 1} of ${FOLDS}`);
}
const model = fitModel(asked);
progress('fitted on everything');

const figures = crossValidatedFigures();
const file: ModelFile = {
  format: 'article-qa-bot ranking model',
  version: 1,
  ranker: Object.fromEntries(CANDIDATE_FEATURES.map((name) => [name, round(model.ranker[name])])),
  refusal: {
    bias: round(model.refusal.bias),
    weights: Object.fromEntries(REFUSAL_FEATURES.map((name) => [name, round(model.refusal.weights[name])])),
    threshold: round(model.refusal.threshold),
  },
  training: {
    dataFingerprint: trainingDataFingerprint(),
    data: `${SQUAD_FILE} (every question, per article) and the dev half of ${NEWS_QUESTIONS} (pooled and per article); never the test half`,
    examples: countExamples(),
    folds: `${FOLDS}, by article for SQuAD and by story cluster for the news dev half`,
    newsWeight: NEWS_WEIGHT,
    ranker: { loss: 'softmax listwise', ...RANKER_SETTINGS },
    refusal: {
      loss: 'weighted logistic, classes balanced',
      ...LOGISTIC_SETTINGS,
      threshold: `largest refusing at most ${MAX_ANSWERABLE_REFUSED * 100} % of answerable news dev questions (pooled)`,
    },
  },
  crossValidated: figures,
};
writeFileSync(MODEL_FILE, `${JSON.stringify(file, null, 2)}\n`);
process.stdout.write(
  `${JSON.stringify(figures, null, 2)}\nWrote ${fileURLToPath(MODEL_FILE)} in ${((performance.now() - started) / 1000).toFixed(0)} s.\n`,
);

// --- what a question asked of an index teaches ---

function squadAsked(finder: CandidateFinder, question: SquadQuestion, fold: number, scope: Asked['scope'], kind: Kind): Asked {
  const found = finder.find(question.question);
  const sentences = finder.index.sentences;
  const correct = found.candidates.map((candidate) => {
    const sentence = sentences[candidate.id];
    return (
      kind === 'answerable' &&
      sentence?.paragraph === question.paragraph &&
      question.answers.some((answer) => sentence.text.includes(answer))
    );
  });
  return { source: 'squad', kind, scope, fold, found, correct, rightArticle: found.candidates.map(() => kind === 'answerable'), weight: 1 };
}

function newsAsked(
  finder: CandidateFinder,
  question: NewsQuestion,
  fold: number,
  scope: Asked['scope'],
  kind: Kind,
  article?: string,
): Asked {
  const found = finder.find(question.question, article);
  const sentences = finder.index.sentences;
  const gold = new Set(question.gold.map((entry) => entry.article));
  const correct = found.candidates.map((candidate) => {
    if (kind !== 'answerable') return false;
    const sentence = sentences[candidate.id];
    if (sentence === undefined) return false;
    const passage = passageText(sentences, passageRange(sentences, candidate.id, options.passageMaxSentences));
    return answersNewsQuestion(question, { articleId: sentence.articleId, paragraph: sentence.paragraph, text: sentence.text, passage });
  });
  const rightArticle = found.candidates.map((candidate) => gold.has(sentences[candidate.id]?.articleId ?? ''));
  return { source: 'news', kind, scope, fold, found, correct, rightArticle, weight: NEWS_WEIGHT };
}

/** The article without some of its paragraphs, or null when none would be left. */
function withoutParagraphs(article: Article, removed: ReadonlySet<number>): Article | null {
  const kept = article.paragraphs.filter((_, at) => !removed.has(at + 1));
  if (kept.length === 0) return null;
  return parseArticle(article.file, article.id, 'txt', kept.join('\n\n')).article;
}

// --- fitting ---

/** The ranker, then the refusal rule over questions ranked by it, fitted on `training`. */
function fitModel(training: readonly Asked[]): RankingModel {
  const ranker = fitRanker(
    training
      .filter((entry) => entry.kind === 'answerable')
      .map((entry) => ({
        features: entry.found.candidates.map((candidate) => candidate.features),
        correct: entry.correct,
        weight: entry.weight,
      })),
    CANDIDATE_FEATURES.length,
  );
  const rankerOnly = modelFromWeights(ranker, { bias: 0, weights: [] }, 0);
  const examples = training.flatMap((entry) => {
    const features = refusalFeatures(rankCandidates(entry.found.candidates, rankerOnly.ranker), entry.found.question);
    return features === null ? [] : [{ entry, features }];
  });
  // Classes balanced, within each source: as much weight on questions to refuse as on questions to answer.
  const classWeight = new Map<string, number>();
  for (const { entry } of examples) {
    const key = `${entry.source}:${entry.kind === 'answerable'}`;
    classWeight.set(key, (classWeight.get(key) ?? 0) + entry.weight);
  }
  const sourceWeight = (entry: Asked) => entry.weight / (classWeight.get(`${entry.source}:${entry.kind === 'answerable'}`) ?? 1);
  const fitted = fitLogistic(
    examples.map(({ entry, features }) => ({
      features,
      positive: entry.kind === 'answerable',
      weight: sourceWeight(entry) * (entry.source === 'news' ? NEWS_WEIGHT : 1),
    })),
    REFUSAL_FEATURES.length,
  );
  const unthresholded = modelFromWeights(ranker, fitted, 0);
  // Refusals of answerable dev questions only happen with no candidate or below the threshold.
  const answerable = examples
    .filter(({ entry }) => entry.source === 'news' && entry.kind === 'answerable' && entry.scope === 'pooled')
    .map(({ features }) => answerProbability(features, unthresholded.refusal))
    .sort((a, b) => a - b);
  const allowed = Math.floor(answerable.length * MAX_ANSWERABLE_REFUSED);
  const threshold = answerable.length === 0 ? 0.5 : Math.min(0.5, answerable[allowed] ?? 0.5);
  return modelFromWeights(ranker, fitted, threshold);
}

function rankOfCorrect(entry: Asked, ranked: readonly RankedCandidate[]): number | null {
  const correct = new Set(entry.found.candidates.filter((_, at) => entry.correct[at] === true).map((candidate) => candidate.id));
  const at = ranked.findIndex((candidate) => correct.has(candidate.id));
  return at === -1 ? null : at + 1;
}

function probabilityOf(entry: Asked, ranked: readonly RankedCandidate[], refusal: RefusalRule): number {
  const features = refusalFeatures(ranked, entry.found.question);
  return features === null ? 0 : answerProbability(features, refusal);
}

// --- reporting ---

function crossValidatedFigures(): Record<string, Record<string, number>> {
  const figuresOf = (source: Source, scope: Asked['scope']) => {
    const entries = asked.filter((entry) => entry.source === source && entry.scope === scope);
    const answerable = entries.filter((entry) => entry.kind === 'answerable');
    const share = (list: readonly Asked[], predicate: (entry: Asked) => boolean) =>
      list.length === 0 ? 0 : round(list.filter(predicate).length / list.length);
    const result = (entry: Asked) => outOfFold.get(entry);
    const answered = (entry: Asked) => {
      const outcome = result(entry);
      return outcome !== undefined && outcome.top !== undefined && outcome.probability >= outcome.threshold;
    };
    const figures: Record<string, number> = {
      answerable: answerable.length,
      precisionAt1: share(answerable, (entry) => answered(entry) && result(entry)?.rank === 1),
      precisionAt1RankingOnly: share(answerable, (entry) => result(entry)?.rank === 1),
      correctInTop3RankingOnly: share(answerable, (entry) => (result(entry)?.rank ?? 99) <= 3),
      answerableRefused: share(answerable, (entry) => !answered(entry)),
      correctAmongCandidates: share(answerable, (entry) => entry.correct.some(Boolean)),
    };
    if (source === 'news') {
      figures.rightArticleFirst = share(answerable, (entry) => {
        const top = result(entry)?.top;
        const position = entry.found.candidates.findIndex((candidate) => candidate.id === top?.id);
        return answered(entry) && entry.rightArticle[position] === true;
      });
    }
    for (const kind of ['unanswerable', 'off-topic'] as const) {
      const refused = entries.filter((entry) => entry.kind === kind);
      if (refused.length > 0) figures[`${kind}Refused`] = share(refused, (entry) => !answered(entry));
    }
    return figures;
  };
  return {
    squadPerArticle: figuresOf('squad', 'article'),
    squadAnswerRemoved: figuresOf('squad', 'answer removed'),
    newsDevPooled: figuresOf('news', 'pooled'),
    newsDevPerArticle: figuresOf('news', 'article'),
    newsDevAnswerRemoved: figuresOf('news', 'answer removed'),
    newsDevOtherArticleOfStory: figuresOf('news', 'other article'),
  };
}

function countExamples(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of asked) {
    const key = `${entry.source} ${entry.scope} ${entry.kind}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
