import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';

/** One page of an extraction set: its HTML, the address it was saved from, and its true article body. */
export interface BenchPage {
  readonly id: string;
  readonly url: string | null;
  readonly html: string;
  readonly truth: string;
}

export interface PageSet {
  readonly pages: readonly BenchPage[];
  /** Another extractor's stored output on the same pages, by page id, when the set has one (the Scrapinghub set's Readability.js run). */
  readonly storedReadability: ReadonlyMap<string, string> | null;
}

const groundTruth = z.record(z.string(), z.object({ articleBody: z.string(), url: z.string().optional() }));
const storedBodies = z.record(z.string(), z.object({ articleBody: z.string().nullable().optional() }));
const wrappedOutput = z.object({ output: storedBodies });

/**
 * Reads a set laid out as the Scrapinghub article-extraction benchmark is: `ground-truth.json`
 * (`{ id: { articleBody, url } }`) and `html/<id>.html.gz` or `html/<id>.html` (UTF-8), and, when
 * present, `output/readability_js.json` (the stored output of Readability.js over jsdom).
 */
export async function readPageSet(dir: string): Promise<PageSet> {
  const truth = groundTruth.parse(JSON.parse(await readFile(join(dir, 'ground-truth.json'), 'utf8')));
  const files = new Set(await readdir(join(dir, 'html')));
  const pages: BenchPage[] = [];
  for (const [id, { articleBody, url }] of Object.entries(truth)) {
    const gzipped = `${id}.html.gz`;
    const plain = `${id}.html`;
    let html: string;
    if (files.has(gzipped)) html = gunzipSync(await readFile(join(dir, 'html', gzipped))).toString('utf8');
    else if (files.has(plain)) html = await readFile(join(dir, 'html', plain), 'utf8');
    else throw new Error(`${dir}: ground-truth.json lists ${id} but html/ has neither ${gzipped} nor ${plain}`);
    pages.push({ id, url: url ?? null, html, truth: articleBody });
  }
  return { pages, storedReadability: await readStoredReadability(join(dir, 'output', 'readability_js.json')) };
}

async function readStoredReadability(file: string): Promise<ReadonlyMap<string, string> | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const json: unknown = JSON.parse(text);
  // The benchmark stores an output either bare or as `{ version, output }`.
  const wrapped = wrappedOutput.safeParse(json);
  const bodies = wrapped.success ? wrapped.data.output : storedBodies.parse(json);
  return new Map(Object.entries(bodies).map(([id, value]) => [id, value.articleBody ?? '']));
}
