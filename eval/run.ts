/**
 * `npm run eval`: retrieval quality of our engine and, in the same run, of plain MiniSearch
 * (default options) over the same sentences, on our question set and on SQuAD.
 */
import { loadCorpus } from '../src/corpus/load-corpus.js';
import type { Article, Corpus } from '../src/corpus/types.js';
import { evaluateOwnSet, evaluateSquad } from './evaluate.js';
import type { Quality } from './metrics.js';
import { loadOwnQuestions } from './own-questions.js';
import { engineRetriever, plainMiniSearchRetriever, plainMiniSearchSegmenterRetriever } from './retriever.js';
import { loadSquad } from './squad.js';

const SQUAD_PATH = process.env.SQUAD_FILE ?? 'eval/data/squad-v1.1-dev-public.json';
const started = performance.now();
const figure = (value: number) => value.toFixed(3);
const row = (name: string, quality: Quality) =>
  `| ${name} | ${figure(quality.precisionAt1)} | ${figure(quality.meanReciprocalRank)} | ${figure(quality.recallAt3)} | ${figure(quality.answeredWithNothing)} |`;
const asCorpus = (articles: readonly Article[]): Corpus => ({ articles, aliasGroups: [], problems: [] });

const corpus = await loadCorpus('corpus');
const questions = await loadOwnQuestions('eval/questions.json');
const ours = evaluateOwnSet(engineRetriever(corpus), questions);
const plain = evaluateOwnSet(plainMiniSearchRetriever(corpus.articles), questions);

console.log(`## Our question set (eval/questions.json: ${ours.answerable.questions} answerable, ${ours.unanswerable} unanswerable)\n`);
console.log('| engine | P@1 | MRR | R@3 | answerable answered with nothing | unanswerable answered with nothing |');
console.log('|---|---|---|---|---|---|');
for (const [name, result] of [
  ['article-qa-bot', ours],
  ['plain MiniSearch', plain],
] as const) {
  console.log(`${row(name, result.answerable)} ${figure(result.unanswerableRejected)} |`);
}

const squad = await loadSquad(SQUAD_PATH);
process.stderr.write(`SQuAD: ${squad.articles.length} articles, ${squad.questions.length} questions\n`);
const squadOurs = evaluateSquad(squad.articles, squad.questions, (articles) => engineRetriever(asCorpus(articles)));
const squadPlain = evaluateSquad(squad.articles, squad.questions, plainMiniSearchRetriever);
const squadReference = evaluateSquad(squad.articles, squad.questions, plainMiniSearchSegmenterRetriever);

console.log(`\n## SQuAD v1.1 dev, public half (${squad.articles.length} articles, ${squad.questions.length} questions)\n`);
console.log('| engine | scope | P@1 | MRR | R@3 | answered with nothing |');
console.log('|---|---|---|---|---|---|');
for (const [name, result] of [
  ['article-qa-bot', squadOurs],
  ['plain MiniSearch, our sentences', squadPlain],
  ['plain MiniSearch, Intl.Segmenter sentences (reference)', squadReference],
] as const) {
  console.log(row(`${name} | per article`, result.perArticle));
  console.log(row(`${name} | per article, mean of articles`, result.perArticleMacro));
  console.log(row(`${name} | pooled`, result.pooled));
}
console.log('\n| article | questions | P@1 ours | P@1 plain | MRR ours | MRR plain |');
console.log('|---|---|---|---|---|---|');
squadOurs.byArticle.forEach((entry, index) => {
  const baseline = squadPlain.byArticle[index]?.quality;
  console.log(
    `| ${entry.article} | ${entry.quality.questions} | ${figure(entry.quality.precisionAt1)} | ${figure(baseline?.precisionAt1 ?? 0)} | ${figure(entry.quality.meanReciprocalRank)} | ${figure(baseline?.meanReciprocalRank ?? 0)} |`,
  );
});

console.log(`\nEvaluated in ${((performance.now() - started) / 1000).toFixed(0)} s on Node ${process.version}.`);
