import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import type { Corpus } from '../src/corpus/types.js';

export const NEWS_ARTICLES = 'eval/news/articles';
export const NEWS_QUESTIONS = 'eval/news/questions.json';

const split = z.enum(['dev', 'test']);
export type Split = z.infer<typeof split>;

const gold = z.object({ article: z.string().min(1), text: z.string().min(1) });
const question = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    split,
    cluster: z.string(),
    kind: z.literal('answerable'),
    question: z.string().min(1),
    gold: z.array(gold).min(1),
  }),
  z.object({
    id: z.string(),
    split,
    cluster: z.string(),
    kind: z.literal('unanswerable'),
    question: z.string().min(1),
    about: z.string().min(1),
    gold: z.array(gold).length(0),
  }),
  z.object({
    id: z.string(),
    split,
    cluster: z.literal('off-topic'),
    kind: z.literal('off-topic'),
    question: z.string().min(1),
    gold: z.array(gold).length(0),
  }),
]);
const questionsFile = z.object({
  clusters: z.record(z.string(), z.object({ split, story: z.string(), articles: z.array(z.string()).min(1) })),
  questions: z.array(question),
});

export type NewsQuestion = z.infer<typeof question>;
export type Cluster = z.infer<typeof questionsFile>['clusters'][string];

export interface NewsSet {
  readonly corpus: Corpus;
  readonly clusters: Readonly<Record<string, Cluster>>;
  readonly questions: readonly NewsQuestion[];
}

/**
 * The news evaluation set: the articles as the bot loads them, and the questions, checked for
 * consistency (every gold text is in its article, every article of a cluster exists, a
 * question's split is its cluster's) so that a typo in the data cannot quietly lower a figure.
 */
export async function loadNewsSet(articlesDir = NEWS_ARTICLES, questionsPath = NEWS_QUESTIONS): Promise<NewsSet> {
  const corpus = await loadCorpus(articlesDir);
  const errors = corpus.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new Error(`${articlesDir}: ${errors.map((problem) => `${problem.file}: ${problem.message}`).join('; ')}`);
  const file = questionsFile.parse(JSON.parse(await readFile(questionsPath, 'utf8')));
  const articles = new Map(corpus.articles.map((article) => [article.id, article]));
  const mistakes: string[] = [];
  for (const [name, cluster] of Object.entries(file.clusters)) {
    for (const id of cluster.articles) if (!articles.has(id)) mistakes.push(`cluster ${name}: no article ${id}`);
  }
  for (const entry of file.questions) {
    if (entry.kind !== 'off-topic' && file.clusters[entry.cluster]?.split !== entry.split) {
      mistakes.push(`${entry.id}: split ${entry.split} is not its cluster's`);
    }
    if (entry.kind === 'unanswerable' && !articles.has(entry.about)) mistakes.push(`${entry.id}: no article ${entry.about}`);
    for (const { article, text } of entry.gold) {
      const sentences = articles.get(article)?.sentences ?? [];
      if (!sentences.some((sentence) => sentence.text.includes(text)))
        mistakes.push(`${entry.id}: "${text}" is in no sentence of ${article}`);
    }
  }
  if (mistakes.length > 0) throw new Error(`${questionsPath}: ${mistakes.join('; ')}`);
  return { corpus, clusters: file.clusters, questions: file.questions };
}
