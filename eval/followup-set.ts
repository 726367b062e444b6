import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { loadNewsSet, NEWS_ARTICLES, NEWS_QUESTIONS, type NewsSet } from './news-set.js';

export const NEWS_FOLLOW_UPS = 'eval/news/followups.json';

const split = z.enum(['dev', 'test']);
const gold = z.object({ article: z.string().min(1), text: z.string().min(1) });
const turn = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('answerable'),
    question: z.string().min(1),
    gold: z.array(gold).min(1),
    shift: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('unanswerable'),
    question: z.string().min(1),
    about: z.string().min(1),
    gold: z.array(gold).length(0),
    shift: z.boolean().optional(),
  }),
]);
const chain = z.object({ id: z.string().min(1), split, cluster: z.string().min(1), turns: z.array(turn).min(2) });
const followUpsFile = z.object({ about: z.string().optional(), chains: z.array(chain) });

export type FollowUpTurn = z.infer<typeof turn>;
export type FollowUpChain = z.infer<typeof chain>;

export interface FollowUpSet {
  /** The news set the chains are asked of: its articles and clusters. */
  readonly news: NewsSet;
  readonly chains: readonly FollowUpChain[];
}

/**
 * The follow-up chains of the news set, checked against it as `loadNewsSet` checks its
 * questions (every gold text is in a sentence of its article, a chain's split is its
 * cluster's, the first turn is answerable), so that a typo cannot quietly lower a figure.
 */
export async function loadFollowUpSet(
  path = NEWS_FOLLOW_UPS,
  articlesDir = NEWS_ARTICLES,
  questionsPath = NEWS_QUESTIONS,
): Promise<FollowUpSet> {
  const news = await loadNewsSet(articlesDir, questionsPath);
  const parsed = followUpsFile.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${path}: ${issues.slice(0, 5).join('; ')}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`);
  }
  const articles = new Map(news.corpus.articles.map((article) => [article.id, article]));
  const mistakes: string[] = [];
  const ids = new Set<string>();
  for (const entry of parsed.data.chains) {
    if (ids.has(entry.id)) mistakes.push(`${entry.id}: the id is used twice`);
    ids.add(entry.id);
    const cluster = news.clusters[entry.cluster];
    if (cluster === undefined) mistakes.push(`${entry.id}: no cluster ${entry.cluster} in ${questionsPath}`);
    else if (cluster.split !== entry.split) mistakes.push(`${entry.id}: split ${entry.split} is not its cluster's (${cluster.split})`);
    entry.turns.forEach((step, at) => {
      const where = `${entry.id} turn ${at + 1}`;
      if (at === 0 && step.kind !== 'answerable') mistakes.push(`${where}: a chain's first question must be answerable`);
      if (at === 0 && step.shift === true) mistakes.push(`${where}: a chain's first question cannot shift`);
      if (step.kind === 'unanswerable' && !articles.has(step.about)) mistakes.push(`${where}: no article ${step.about}`);
      for (const { article, text } of step.gold) {
        const sentences = articles.get(article)?.sentences;
        if (sentences === undefined) mistakes.push(`${where}: no article ${article}`);
        else if (!sentences.some((sentence) => sentence.text.includes(text)))
          mistakes.push(`${where}: "${text}" is in no sentence of ${article}`);
      }
    });
  }
  if (mistakes.length > 0) throw new Error(`${path}: ${mistakes.join('; ')}`);
  return { news, chains: parsed.data.chains };
}
