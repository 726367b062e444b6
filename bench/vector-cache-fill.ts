import { loadCorpus } from '../src/corpus/load-corpus.js';
import type { Corpus } from '../src/corpus/types.js';
import { embedTexts, type VectorPlan } from '../src/search/vectors/corpus-vectors.js';
import { SentenceEmbedding } from '../src/search/vectors/sentence-embedding.js';
import { now } from './measure.js';

/** What filling the cache for one corpus did. */
export interface CacheFill {
  /** Distinct texts of the corpus (sentences and titles). */
  readonly texts: number;
  /** Of those, already in the cache. */
  readonly cached: number;
  /** Of those, embedded now (cold) and added. */
  readonly embedded: number;
  readonly ms: number;
}

/** Every distinct text the engine needs a vector for: the sentences, as the index numbers them, then the titles. */
export function textsToEmbed(corpus: Corpus): string[] {
  const sentences = corpus.articles.flatMap((article) => article.sentences.map((sentence) => sentence.text));
  return [...new Set([...sentences, ...corpus.articles.map((article) => article.title)])];
}

/**
 * Makes sure the vector cache in `cacheDir` holds the model's vector of every sentence and title
 * of the corpus in `corpusDir`, embedding the missing ones with the real model in the embedding
 * pool (its default workers). Run by the bench before its children, so that a child builds an
 * engine with meaning from the cache, as the bot does on every start after its first, and no
 * child's time limit covers a first embedding (about two hours of two cores for 1,000 articles
 * on a busy machine: see bench/README.md).
 */
export async function fillVectorCache(
  corpusDir: string,
  cacheDir: string,
  onProgress: (message: string) => void = () => undefined,
): Promise<CacheFill> {
  const texts = textsToEmbed(await loadCorpus(corpusDir));
  const embedding = await SentenceEmbedding.open({ cacheDir });
  if (embedding.cacheProblem !== null) {
    await embedding.close();
    throw new Error(`the bench's vector cache cannot be used: ${embedding.cacheProblem}`);
  }
  const start = now();
  let plan: VectorPlan = { texts: texts.length, cached: 0, toEmbed: 0 };
  let lastReport = 0;
  try {
    await embedTexts(texts, embedding.embedder, {
      cache: embedding.cache,
      onPlan: (found) => {
        plan = found;
        if (found.toEmbed > 0)
          onProgress(
            `vectors: ${found.cached.toLocaleString('en-US')} of ${found.texts.toLocaleString('en-US')} texts cached, embedding ${found.toEmbed.toLocaleString('en-US')}`,
          );
      },
      onProgress: (done, total) => {
        if (now() - lastReport < 10_000 && done < total) return;
        lastReport = now();
        const perText = (now() - start) / Math.max(done, 1);
        const left = ((total - done) * perText) / 60_000;
        onProgress(
          `vectors: embedded ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} (${perText.toFixed(0)} ms a text, about ${left.toFixed(0)} min left)`,
        );
      },
      onCacheProblem: (problem) => {
        throw problem;
      },
    });
  } finally {
    await embedding.close();
  }
  return { texts: plan.texts, cached: plan.cached, embedded: plan.toEmbed, ms: now() - start };
}
