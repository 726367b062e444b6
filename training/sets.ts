/**
 * What training may see. The model learns from the SQuAD public half and the news set's dev
 * half; its choices (thresholds, which features stay) are checked on the dev halves of the
 * out-of-domain sets, which it never learns from. A dev half holds the dev questions and only the
 * articles of dev clusters: a test-half question or article never reaches training.
 */
import type { Corpus } from '../src/corpus/types.js';
import { type Cluster, loadNewsSet, type NewsQuestion, type NewsSet } from '../eval/news-set.js';
import { loadSquad, SQUAD_FILE, type SquadSet } from '../eval/squad.js';

/** The question sets in the repo's evaluation format: a folder of articles and a questions file. */
export const QA_SETS = {
  /** Wikinews, questions written by readers, the set the bot was tuned on: trained on (dev half). */
  news: { articles: 'eval/news/articles', questions: 'eval/news/questions.json' },
  /** The same articles, questions written before reading (from the headline and first paragraph): trained on (dev half). */
  newsBlind: { articles: 'eval/news/articles', questions: 'eval/news/questions-blind.json' },
  /** Information-seeking questions over Wikipedia (TyDi QA, Natural Questions, SQuAD 2.0): validation only. */
  infoseek: { articles: 'eval/infoseek/articles', questions: 'eval/infoseek/questions.json' },
  /** Another publisher (Global Voices, VOA, NASA, State Department), questions written before reading: validation only. */
  news2: { articles: 'eval/news2/articles', questions: 'eval/news2/questions.json' },
} as const;

export type QaSetName = keyof typeof QA_SETS;

/** The sets training learns from, and those it is only checked against. */
export const TRAINED_ON: readonly QaSetName[] = ['news', 'newsBlind'];
export const VALIDATED_ON: readonly QaSetName[] = ['infoseek', 'news2'];

/** One half of a question set: its questions, and the articles of its clusters only. */
export interface SetHalf {
  readonly name: QaSetName;
  readonly split: 'dev' | 'test';
  readonly corpus: Corpus;
  readonly clusters: Readonly<Record<string, Cluster>>;
  readonly questions: readonly NewsQuestion[];
}

export async function loadQaSet(name: QaSetName): Promise<NewsSet> {
  const { articles, questions } = QA_SETS[name];
  return loadNewsSet(articles, questions);
}

/** The half of a set with `split`: its questions, and only its clusters' articles. */
export function halfOf(set: NewsSet, name: QaSetName, split: 'dev' | 'test'): SetHalf {
  const clusters = Object.fromEntries(Object.entries(set.clusters).filter(([, cluster]) => cluster.split === split));
  const articleIds = new Set(Object.values(clusters).flatMap((cluster) => cluster.articles));
  return {
    name,
    split,
    corpus: { ...set.corpus, articles: set.corpus.articles.filter((article) => articleIds.has(article.id)) },
    clusters,
    questions: set.questions.filter((question) => question.split === split),
  };
}

/** Everything `npm run train` reads: the SQuAD public half and the dev halves, never a test half. */
export interface TrainingData {
  readonly squad: SquadSet;
  readonly trained: readonly SetHalf[];
  readonly validation: readonly SetHalf[];
}

export async function loadTrainingData(): Promise<TrainingData> {
  const devHalf = async (name: QaSetName) => halfOf(await loadQaSet(name), name, 'dev');
  return {
    squad: await loadSquad(SQUAD_FILE),
    trained: await Promise.all(TRAINED_ON.map(devHalf)),
    validation: await Promise.all(VALIDATED_ON.map(devHalf)),
  };
}
