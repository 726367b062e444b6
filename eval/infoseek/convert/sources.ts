import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The source files the set is converted from, exactly as the copies named in
 * eval/infoseek/README.md hold them (file name, sha256). They are not kept in the repo: the
 * converted articles and questions are, so nothing is downloaded or needed at run time.
 */
export const SOURCE_FILES = {
  tydi: 'tydiqa-goldp-v1.1-dev-english.json',
  nqSubset: 'nq-dev-subset-v2.json',
  nqFarmDev: 'nq-farm-dev-sample.jsonl',
  nqFarmTrain: 'nq-farm-train-sample.jsonl',
  squad2: 'train-v2.0.json',
} as const;

const squadAnswer = z.object({ text: z.string(), answer_start: z.number() });
const squadQa = z.object({
  question: z.string(),
  answers: z.array(squadAnswer),
  is_impossible: z.boolean().optional(),
});
const squadFile = z.object({
  data: z.array(
    z.object({
      title: z.string(),
      paragraphs: z.array(z.object({ context: z.string(), qas: z.array(squadQa) })),
    }),
  ),
});
export type SquadFile = z.infer<typeof squadFile>;
export type SquadQa = z.infer<typeof squadQa> & { readonly id: string };

const nqSpan = z.object({ start_token: z.number(), end_token: z.number() });
const nqSimplified = z.object({
  question_text: z.string(),
  document_text: z.string(),
  document_url: z.string(),
  long_answer_candidates: z.array(nqSpan.extend({ top_level: z.boolean() })),
  annotations: z.array(
    z.object({
      long_answer: nqSpan.extend({ candidate_index: z.number() }),
      short_answers: z.array(nqSpan),
      yes_no_answer: z.string(),
    }),
  ),
});
export type NqSimplified = z.infer<typeof nqSimplified> & { readonly id: string };

export interface Sources {
  readonly tydi: SquadFile;
  /** Question ids by question text: read from the raw text, since NQ's 64-bit ids do not survive JSON.parse. */
  readonly tydiIds: ReadonlyMap<string, string>;
  readonly nqSubset: SquadFile;
  readonly nqSubsetIds: ReadonlyMap<string, string>;
  readonly nqFarm: readonly NqSimplified[];
  readonly squad2: SquadFile;
  readonly squad2Ids: ReadonlyMap<string, string>;
}

export async function readSources(dir: string): Promise<Sources> {
  const text = (name: string) => readFile(join(dir, name), 'utf8');
  const [tydiText, nqText, farmDev, farmTrain, squad2Text] = await Promise.all([
    text(SOURCE_FILES.tydi),
    text(SOURCE_FILES.nqSubset),
    text(SOURCE_FILES.nqFarmDev),
    text(SOURCE_FILES.nqFarmTrain),
    text(SOURCE_FILES.squad2),
  ]);
  const farm = [...jsonLines(farmDev), ...jsonLines(farmTrain)].map((line) => ({
    ...nqSimplified.parse(JSON.parse(line)),
    id: exactNumber(line, 'example_id'),
  }));
  return {
    tydi: squadFile.parse(JSON.parse(tydiText)),
    tydiIds: questionIds(tydiText),
    nqSubset: squadFile.parse(JSON.parse(nqText)),
    nqSubsetIds: questionIds(nqText),
    nqFarm: farm,
    squad2: squadFile.parse(JSON.parse(squad2Text)),
    squad2Ids: questionIds(squad2Text),
  };
}

function jsonLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

/** A numeric field's digits as written, not as a double. */
function exactNumber(json: string, field: string): string {
  const match = new RegExp(`"${field}":\\s*(-?\\d+)`, 'u').exec(json);
  if (match?.[1] === undefined) throw new Error(`no numeric "${field}" in a source line`);
  return match[1];
}

/** Maps each question to its id as written in the file (string or 64-bit number), whichever field comes first. */
function questionIds(json: string): Map<string, string> {
  const ids = new Map<string, string>();
  const string = '"((?:[^"\\\\]|\\\\.)*)"';
  const id = `(-?\\d+|${string})`;
  const idFirst = new RegExp(`"id":\\s*${id},\\s*"question":\\s*${string}`, 'gu');
  const questionFirst = new RegExp(`"question":\\s*${string},\\s*(?:"answers":\\s*\\[[^\\]]*\\],\\s*)?"id":\\s*${id}`, 'gu');
  const add = (question: string | undefined, raw: string | undefined, quoted: string | undefined) => {
    if (question === undefined || raw === undefined) return;
    const text: string = JSON.parse(`"${question}"`);
    if (!ids.has(text)) ids.set(text, quoted ?? raw);
  };
  for (const [, raw, quoted, question] of json.matchAll(idFirst)) add(question, raw, quoted);
  for (const [, question, raw, quoted] of json.matchAll(questionFirst)) add(question, raw, quoted);
  return ids;
}
