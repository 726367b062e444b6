import type MiniSearch from 'minisearch';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/corpus/load-corpus.js';
import type { Article } from '../../../src/corpus/types.js';
import { Analyzer } from '../../../src/search/analyzer.js';
import {
  checkMiniSearchVersion,
  loadSentenceMiniSearch,
  MINISEARCH_VERSION,
  miniSearchVersionProblem,
  nearTerms,
  newSentenceMiniSearch,
  sentenceDocument,
  sentenceMiniSearchData,
} from '../../../src/search/index/minisearch-internals.js';
import { SentenceTerms } from '../../../src/search/index/sentence-terms.js';
import { runAtOnce } from '../../../src/search/index/stepwise.js';
import { loadSquad } from '../../../eval/squad.js';

/** The shipped article and the first SQuAD articles: a few thousand real sentences. */
async function realisticSentences(): Promise<string[][]> {
  const seed = await loadCorpus('corpus');
  const squad = await loadSquad('eval/data/squad-v1.1-dev-public.json');
  const articles: Article[] = [...seed.articles, ...squad.articles.slice(0, 12)];
  const analyzer = new Analyzer();
  return articles.flatMap((article) => article.sentences.map((sentence) => analyzer.analyze(sentence.text).map((term) => term.term)));
}

function termsOf(sentences: readonly (readonly string[])[]): SentenceTerms {
  const builder = SentenceTerms.builder();
  for (const terms of sentences) builder.add(terms);
  return builder.finish();
}

type Serialised = ReturnType<MiniSearch['toJSON']>;
const byTerm = (data: Serialised): Serialised => ({ ...data, index: [...data.index].sort(([a], [b]) => (a < b ? -1 : 1)) });

/** Plain edit distance, written out: the oracle for the tree's fuzzy look-ups. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

describe('the MiniSearch index laid out from sentence terms', () => {
  it('equals, field for field, the index MiniSearch builds by adding the same sentences (the shipped article and 12 SQuAD articles)', async () => {
    const sentences = await realisticSentences();
    expect(sentences.length).toBeGreaterThan(2000);
    const terms = termsOf(sentences);
    const added = newSentenceMiniSearch();
    added.addAll(sentences.map((sentenceTerms, id) => sentenceDocument(id, sentenceTerms)));
    const laidOut = runAtOnce(sentenceMiniSearchData(terms));
    expect(JSON.parse(JSON.stringify(byTerm(laidOut)))).toEqual(JSON.parse(JSON.stringify(byTerm(added.toJSON()))));
  });

  it('answers searches exactly as the index built by adding', async () => {
    const sentences = await realisticSentences();
    const added = newSentenceMiniSearch();
    added.addAll(sentences.map((sentenceTerms, id) => sentenceDocument(id, sentenceTerms)));
    const loaded = loadSentenceMiniSearch(runAtOnce(sentenceMiniSearchData(termsOf(sentences))));
    for (const query of ['normandi', 'super bowl', 'putin decis russia', 'warsaw univers']) {
      expect(loaded.search(query)).toEqual(added.search(query));
    }
  });
});

describe('nearTerms', () => {
  it('finds exactly the indexed terms within the edit distance, with their distances', async () => {
    const sentences = await realisticSentences();
    const search = loadSentenceMiniSearch(runAtOnce(sentenceMiniSearchData(termsOf(sentences))));
    const vocabulary = [...new Set(sentences.flat())];
    for (const [term, maxDistance] of [
      ['normandi', 2],
      ['putn', 1],
      ['univers', 1],
      ['zzzzzz', 2],
    ] as const) {
      const expected = vocabulary
        .map((known) => ({ term: known, distance: editDistance(term, known) }))
        .filter((near) => near.distance <= maxDistance)
        .sort((a, b) => (a.term < b.term ? -1 : 1));
      const found = nearTerms(search, term, maxDistance).sort((a, b) => (a.term < b.term ? -1 : 1));
      expect(found).toEqual(expected);
    }
  });
});

describe('the MiniSearch version check', () => {
  it('accepts the pinned version, which is the one package.json names and npm installed', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies.minisearch).toBe(MINISEARCH_VERSION);
    expect(miniSearchVersionProblem(MINISEARCH_VERSION)).toBeNull();
    expect(() => checkMiniSearchVersion()).not.toThrow();
  });

  it('refuses any other version with what to do', () => {
    expect(miniSearchVersionProblem('7.3.0')).toMatch(/written for MiniSearch 7\.2\.0 exactly.*7\.3\.0 is installed.*npm ci/u);
    expect(miniSearchVersionProblem('unknown')).not.toBeNull();
  });
});
