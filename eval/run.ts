/**
 * `npm run eval`: retrieval quality of our engine, with sentence vectors (words and meaning) and
 * without (words only), and in the same run of plain MiniSearch (default options) over the same
 * sentences: on the question sets' dev halves (news, newsBlind, infoseek, news2), on SQuAD and on
 * the seed article's set; and how it answers follow-up questions with the conversation before them
 * and without it. `-- --only news|newsBlind|infoseek|news2|followups|squad|own` runs one part;
 * `-- --test` adds the test halves: the held-out run, made once, at the end of a piece of work;
 * `-- --before REF` adds, on the question sets, the engine at another commit (or checkout) asked
 * the same questions in the same run (`before-retriever.ts`).
 */
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import type { Article, Corpus } from '../src/corpus/types.js';
import { engineOver } from '../src/search/engine.js';
import { indexCorpus, type IndexedCorpus } from '../src/search/indexed-corpus.js';
import type { CorpusVectors } from '../src/search/vectors/sentence-vectors.js';
import { VectorTable } from '../training/meaning.js';
import { halfOf, loadQaSet, QA_SETS, type QaSetName, type SetHalf, TRAINED_ON } from '../training/sets.js';
import { beforeCheckout } from '../bench/before-checkout.js';
import { beforeRetrievers } from './before-retriever.js';
import { evaluateOwnSet, evaluateSquad, newsOutcomes, summariseNews, type NewsQuality } from './evaluate.js';
import { followUpOutcomes, summariseFollowUps, type Share } from './follow-ups.js';
import { loadFollowUpSet } from './followup-set.js';
import type { Quality } from './metrics.js';
import { loadOwnQuestions } from './own-questions.js';
import { engineRetriever, plainMiniSearchRetriever, plainMiniSearchSegmenterRetriever, type Retriever } from './retriever.js';
import { loadSquad, SQUAD_FILE } from './squad.js';

const SQUAD_PATH = process.env.SQUAD_FILE ?? SQUAD_FILE;
const { values } = parseArgs({
  options: { only: { type: 'string' }, test: { type: 'boolean', default: false }, before: { type: 'string' } },
});
const runs = (part: string) => values.only === undefined || values.only === part;
const started = performance.now();
const figure = (value: number) => value.toFixed(3);
const row = (name: string, quality: Quality) =>
  `| ${name} | ${figure(quality.precisionAt1)} | ${figure(quality.meanReciprocalRank)} | ${figure(quality.recallAt3)} | ${figure(quality.answeredWithNothing)} |`;
const asCorpus = (articles: readonly Article[]): Corpus => ({ articles, aliasGroups: [], problems: [] });

const squad = runs('squad') ? await loadSquad(SQUAD_PATH) : null;
const seed = runs('own') ? await loadCorpus('corpus') : null;
const sets = (Object.keys(QA_SETS) as QaSetName[]).filter(runs);
const followUps = runs('followups') ? await loadFollowUpSet() : null;
const halves: SetHalf[] = [];
for (const name of sets) {
  const set = await loadQaSet(name);
  halves.push(halfOf(set, name, 'dev'));
  if (values.test) halves.push(halfOf(set, name, 'test'));
}
const vectors = await VectorTable.cached(
  [
    ...[
      ...(squad?.articles ?? []),
      ...(seed?.articles ?? []),
      ...(followUps?.news.corpus.articles ?? []),
      ...halves.flatMap((half) => half.corpus.articles),
    ].flatMap((article) => [article.title, ...article.sentences.map((sentence) => sentence.text)]),
    ...[...(squad?.questions ?? []), ...halves.flatMap((half) => half.questions)].map((question) => question.question),
    ...(seed === null ? [] : (await loadOwnQuestions('eval/questions.json')).map((question) => question.question)),
    ...(followUps?.chains ?? []).flatMap((chain) => chain.turns.map((turn) => turn.question)),
  ],
  (done, total) => process.stderr.write(`\rvectors: embedded ${done} of ${total} texts the cache lacked${done === total ? '\n' : ''}`),
);
const withMeaning = (indexed: IndexedCorpus): CorpusVectors => vectors.corpusVectors(indexed);
const before =
  values.before === undefined
    ? null
    : await (async (ref: string) => {
        const checkout = beforeCheckout(ref, process.cwd());
        return { name: `article-qa-bot at ${checkout.name} (words)`, retriever: await beforeRetrievers(checkout.dir) };
      })(values.before);
const engines = (articles: readonly Article[]): ReadonlyArray<readonly [string, Retriever]> => [
  ...(before === null ? [] : [[before.name, before.retriever(asCorpus(articles))] as const]),
  ['article-qa-bot, words and meaning', engineRetriever(asCorpus(articles), {}, withMeaning)],
  ['article-qa-bot, words only', engineRetriever(asCorpus(articles))],
  ['plain MiniSearch', plainMiniSearchRetriever(articles)],
];

for (const name of sets) {
  console.log(`\n## ${name} (${QA_SETS[name].questions})\n`);
  console.log(
    'Pooled: every question asked of all the articles of its half. Per article: of its own article only. ' +
      `${TRAINED_ON.includes(name) ? 'The dev half is trained on (in-sample).' : 'Never trained on: the dev half chose the thresholds (out of domain).'} ` +
      'The test half is held out.\n',
  );
  console.log(
    '| half | engine | scope | P@1 | MRR | top 3 | right article first | answerable refused | answerable "not sure" | on-topic unanswerable refused | … not answered as sure | off-topic refused | … not answered as sure |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const half of halves.filter((entry) => entry.name === name)) {
    const counts = (['answerable', 'unanswerable', 'off-topic'] as const).map(
      (kind) => `${half.questions.filter((question) => question.kind === kind).length} ${kind}`,
    );
    for (const [engine, retriever] of engines(half.corpus.articles)) {
      for (const scope of ['pooled', 'article'] as const) {
        const quality = summariseNews(await newsOutcomes(retriever, half.questions, scope));
        console.log(
          newsRow(
            `${half.split === 'dev' ? 'dev' : 'test (held out)'} | ${engine} | ${scope === 'pooled' ? 'pooled' : 'per article'}`,
            quality,
            scope,
          ),
        );
      }
    }
    console.log(`\n${half.split}: ${half.corpus.articles.length} articles; ${counts.join(', ')}.\n`);
  }
}

if (followUps !== null) {
  const indexed = indexCorpus(followUps.news.corpus);
  const engine = engineOver(indexed, {}, withMeaning(indexed));
  const turns = followUps.chains.reduce((sum, chain) => sum + chain.turns.length - 1, 0);
  console.log(`\n## Follow-up questions (eval/news/followups.json: ${followUps.chains.length} chains, ${turns} follow-up turns)\n`);
  console.log(
    'Each turn after the first asked with the earlier turns of its chain as context (their questions and the passages the engine',
  );
  console.log('itself returned for them, as the bot passes them; never the gold), and on its own. Pooled: the whole news corpus.');
  console.log('Dev is what the follow-up options were tuned on (in-sample); test is held out (with --test).\n');
  console.log(
    '| split | answerable follow-ups | first passage right, with context | without | answerable refused, with / without | unanswerable refused, with / without | shifts: right, with / without | shifts to another article: not pulled back, with / without |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  const pair = (a: Share, b: Share) => `${figure(a.value)} / ${figure(b.value)} (of ${a.of})`;
  for (const split of (['dev', 'test'] as const).filter((name) => name === 'dev' || values.test)) {
    const quality = summariseFollowUps(
      await followUpOutcomes(
        engine,
        followUps.chains.filter((chain) => chain.split === split),
      ),
    );
    console.log(
      `| ${split === 'dev' ? 'dev (in-sample)' : 'test (held out)'} | ${quality.rightWithContext.of} | **${figure(quality.rightWithContext.value)}** | ${figure(quality.rightAlone.value)} | ${pair(quality.answerableRefusedWithContext, quality.answerableRefusedAlone)} | ${pair(quality.refusedWithContext, quality.refusedAlone)} | ${pair(quality.shiftRightWithContext, quality.shiftRightAlone)} | ${pair(quality.shiftNotPulledBackWithContext, quality.shiftNotPulledBackAlone)} |`,
    );
  }
}

if (squad !== null) {
  process.stderr.write(`SQuAD: ${squad.articles.length} articles, ${squad.questions.length} questions\n`);
  const squadOurs = await evaluateSquad(squad.articles, squad.questions, (articles) =>
    engineRetriever(asCorpus(articles), {}, withMeaning),
  );
  const squadLexical = await evaluateSquad(squad.articles, squad.questions, (articles) => engineRetriever(asCorpus(articles)));
  const squadPlain = await evaluateSquad(squad.articles, squad.questions, plainMiniSearchRetriever);
  const squadReference = await evaluateSquad(squad.articles, squad.questions, plainMiniSearchSegmenterRetriever);

  console.log(
    `\n## SQuAD v1.1 dev, public half (${squad.articles.length} articles, ${squad.questions.length} questions; trained on: in-sample)\n`,
  );
  console.log('| engine | scope | P@1 | MRR | R@3 | answered with nothing |');
  console.log('|---|---|---|---|---|---|');
  for (const [engine, result] of [
    ['article-qa-bot, words and meaning', squadOurs],
    ['article-qa-bot, words only', squadLexical],
    ['plain MiniSearch, our sentences', squadPlain],
    ['plain MiniSearch, Intl.Segmenter sentences (reference)', squadReference],
  ] as const) {
    console.log(row(`${engine} | per article`, result.perArticle));
    console.log(row(`${engine} | per article, mean of articles`, result.perArticleMacro));
    console.log(row(`${engine} | pooled`, result.pooled));
  }
}

if (seed !== null) {
  const questions = await loadOwnQuestions('eval/questions.json');
  console.log(`\n## The seed article's question set (eval/questions.json)\n`);
  console.log('| engine | P@1 | MRR | R@3 | answerable answered with nothing | unanswerable answered with nothing |');
  console.log('|---|---|---|---|---|---|');
  for (const [engine, retriever] of engines(seed.articles)) {
    const result = await evaluateOwnSet(retriever, questions);
    console.log(`${row(engine, result.answerable)} ${figure(result.unanswerableRejected)} |`);
  }
}

console.log(`\nEvaluated in ${((performance.now() - started) / 1000).toFixed(0)} s on Node ${process.version}.`);

function newsRow(name: string, quality: NewsQuality, scope: 'pooled' | 'article'): string {
  const answerable = quality.answerable;
  const offTopic = scope === 'pooled' ? `${figure(quality.offTopicRefused)} | ${figure(quality.offTopicNotConfident)}` : '– | –';
  return `| ${name} | ${figure(answerable.precisionAt1)} | ${figure(answerable.meanReciprocalRank)} | ${figure(answerable.recallAt3)} | ${figure(quality.rightArticleFirst)} | ${figure(answerable.answeredWithNothing)} | ${figure(quality.answerableNotSure)} | ${figure(quality.unanswerableRefused)} | ${figure(quality.unanswerableNotConfident)} | ${offTopic} |`;
}
