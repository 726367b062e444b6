import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseArticle } from '../src/corpus/parse-article.js';
import type { Article } from '../src/corpus/types.js';

const squadFile = z.object({
  data: z.array(
    z.object({
      title: z.string(),
      paragraphs: z.array(
        z.object({
          context: z.string(),
          qas: z.array(z.object({ id: z.string(), question: z.string(), answers: z.array(z.object({ text: z.string() })) })),
        }),
      ),
    }),
  ),
});

/** The SQuAD public half, kept in the repo (`eval/data/README.md`). */
export const SQUAD_FILE = 'eval/data/squad-v1.1-dev-public.json';

export interface SquadQuestion {
  readonly id: string;
  readonly question: string;
  readonly articleId: string;
  /** 1-based paragraph the question was written about. */
  readonly paragraph: number;
  readonly answers: readonly string[];
}

export interface SquadSet {
  readonly articles: readonly Article[];
  readonly questions: readonly SquadQuestion[];
}

/**
 * Reads a SQuAD v1.1 file into articles (one paragraph per SQuAD context, split into
 * sentences by our own splitter) and questions.
 */
export async function loadSquad(path: string): Promise<SquadSet> {
  const file = squadFile.parse(JSON.parse(await readFile(path, 'utf8')));
  const articles: Article[] = [];
  const questions: SquadQuestion[] = [];
  for (const entry of file.data) {
    const text = entry.paragraphs.map((paragraph) => paragraph.context.replace(/\s*\n\s*/gu, ' ')).join('\n\n');
    const { article, problems } = parseArticle(`${path}#${entry.title}`, entry.title, 'txt', text);
    if (article === null || article.paragraphs.length !== entry.paragraphs.length) {
      throw new Error(
        `SQuAD article ${entry.title} did not load as ${entry.paragraphs.length} paragraphs: ${problems.map((problem) => problem.message).join('; ')}`,
      );
    }
    articles.push(article);
    entry.paragraphs.forEach((paragraph, index) => {
      for (const qa of paragraph.qas) {
        questions.push({
          id: qa.id,
          question: qa.question,
          articleId: entry.title,
          paragraph: index + 1,
          answers: qa.answers.map((answer) => answer.text),
        });
      }
    });
  }
  return { articles, questions };
}
