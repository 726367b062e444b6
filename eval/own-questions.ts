import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const questionFile = z.array(
  z.object({
    question: z.string().min(1),
    /** Verbatim parts of the sentences that answer it; empty when the corpus cannot. */
    answers: z.array(z.string().min(1)),
    kind: z.string(),
    article: z.string().optional(),
  }),
);

export type OwnQuestion = z.infer<typeof questionFile>[number];

export async function loadOwnQuestions(path: string): Promise<OwnQuestion[]> {
  return questionFile.parse(JSON.parse(await readFile(path, 'utf8')));
}
