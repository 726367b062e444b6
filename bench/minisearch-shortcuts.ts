/**
 * `npx tsx --expose-gc bench/minisearch-shortcuts.ts [articles]` (default 10,000): measures, side
 * by side in one process on the bench corpus, each shortcut `src/search/index/minisearch-internals.ts`
 * takes past MiniSearch's documented API against the documented way, so that the reasons for them
 * stay measured. Figures in bench/README.md.
 */
import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { parseArticle } from '../src/corpus/parse-article.js';
import type { Article } from '../src/corpus/types.js';
import {
  loadSentenceMiniSearch,
  nearTerms,
  newSentenceMiniSearch,
  sentenceDocument,
  sentenceMiniSearchData,
} from '../src/search/index/minisearch-internals.js';
import { SentenceTerms } from '../src/search/index/sentence-terms.js';
import { runAtOnce } from '../src/search/index/stepwise.js';
import { analyzerFor } from '../src/search/indexed-corpus.js';
import { loadSquad, SQUAD_FILE } from '../eval/squad.js';
import { articleText, sourceSentences } from './corpus.js';

const count = Number(process.argv[2] ?? 10_000);
const squad = await loadSquad(SQUAD_FILE);
const source = sourceSentences(squad.articles);
const articles: Article[] = [];
for (let index = 0; index < count; index += 1) {
  const { article } = parseArticle(`a${index}.txt`, `a${index}`, 'txt', articleText(source, index));
  if (article !== null) articles.push(article);
}
const analyzer = analyzerFor({ articles, aliasGroups: [], problems: [] });
const builder = SentenceTerms.builder();
for (const sentence of articles.flatMap((article) => article.sentences))
  builder.add(analyzer.analyze(sentence.text).map((term) => term.term));
const terms = builder.finish();
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};
const timed = <T>(label: string, work: () => T): T => {
  const started = performance.now();
  const result = work();
  console.log(`| ${label} | ${((performance.now() - started) / 1000).toFixed(2)} s |`);
  return result;
};
const options = {
  fields: ['text'],
  storeFields: [],
  tokenize: (text: string) => (text === '' ? [] : text.split(' ')),
  processTerm: (term: string) => term,
};

console.log(
  `${terms.size.toLocaleString('en-US')} sentences, ${terms.vocabularySize.toLocaleString('en-US')} terms (${count.toLocaleString('en-US')} bench articles)\n`,
);
console.log('| step | time |\n|---|---|');
const added = timed('build: MiniSearch `addAll` (documented)', () => {
  const search = newSentenceMiniSearch();
  search.addAll(Array.from({ length: terms.size }, (_, id) => sentenceDocument(id, terms.termsOf(id))));
  return search;
});
const laidOut = timed('build: lay out the saved form from term ids, `loadJS` (ours)', () =>
  loadSentenceMiniSearch(runAtOnce(sentenceMiniSearchData(terms))),
);
const json = timed('snapshot: `JSON.stringify(miniSearch)` (documented)', () => JSON.stringify(added));
timed('restore: `MiniSearch.loadJSON` (documented)', () => MiniSearch.loadJSON(json, options));
timed('restore: lay out from saved term ids, `loadJS` (ours)', () => loadSentenceMiniSearch(runAtOnce(sentenceMiniSearchData(terms))));
console.log(
  `\nMiniSearch's JSON: ${(json.length / 1e6).toFixed(0)} MB; our saved term ids: ${((terms.serialize().ids.length + terms.serialize().starts.length) / 1e6).toFixed(0)} MB of base64 plus the vocabulary.\n`,
);

const before = heapMb();
const tree = SearchableMap.from(Array.from({ length: terms.vocabularySize }, (_, id): [string, number] => [terms.termOf(id), id]));
console.log(
  `A second radix tree of the vocabulary (documented \`SearchableMap\`): ${(heapMb() - before).toFixed(0)} MB of heap (${tree.size.toLocaleString('en-US')} terms).\n`,
);

console.log('| typo | near terms | fuzzy `search` (documented) | `_index.fuzzyGet` (ours) |\n|---|---|---|---|');
for (const word of ['goverment', 'univeristy', 'presidnt', 'peple', 'normandi', 'statd']) {
  const [term] = analyzer.analyze(word);
  if (term === undefined) continue;
  const edits = term.term.length >= 8 ? 2 : 1;
  let started = performance.now();
  const found = new Set<string>();
  for (const result of laidOut.search(term.term, { fuzzy: edits, prefix: false })) for (const matched of result.terms) found.add(matched);
  const searchMs = performance.now() - started;
  started = performance.now();
  const near = nearTerms(laidOut, term.term, edits);
  const treeMs = performance.now() - started;
  console.log(`| ${word} | ${near.length} | ${searchMs.toFixed(1)} ms | ${treeMs.toFixed(1)} ms |`);
}
