/**
 * `npm run eval`: retrieval quality of our engine and, in the same run, of plain MiniSearch
 * (default options) over the same sentences: on the news set (dev and test halves), on SQuAD,
 * and on the seed article's question set; and how the engine answers follow-up questions with
 * the conversation before them and without it. `-- --only news|followups|squad|own` runs one part; `--split dev` runs only the follow-ups' dev half.
 */
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/load-corpus.js';
import type { Article, Corpus } from '../src/corpus/types.js';
import { createEngine } from '../src/search/engine.js';
import { evaluateOwnSet, evaluateSquad, newsOutcomes, summariseNews, type NewsQuality } from './evaluate.js';
import { followUpOutcomes, summariseFollowUps, type Share } from './follow-ups.js';
import { loadFollowUpSet } from './followup-set.js';
import type { Quality } from './metrics.js';
import { loadNewsSet, type Split } from './news-set.js';
import { loadOwnQuestions } from './own-questions.js';
import { engineRetriever, plainMiniSearchRetriever, plainMiniSearchSegmenterRetriever, type Retriever } from './retriever.js';
import { loadSquad, SQUAD_FILE } from './squad.js';

const SQUAD_PATH = process.env.SQUAD_FILE ?? SQUAD_FILE;
const { values } = parseArgs({ options: { only: { type: 'string' }, split: { type: 'string' } } });
const runs = (part: string) => values.only === undefined || values.only === part;
const started = performance.now();
const figure = (value: number) => value.toFixed(3);
const row = (name: string, quality: Quality) =>
  `| ${name} | ${figure(quality.precisionAt1)} | ${figure(quality.meanReciprocalRank)} | ${figure(quality.recallAt3)} | ${figure(quality.answeredWithNothing)} |`;
const asCorpus = (articles: readonly Article[]): Corpus => ({ articles, aliasGroups: [], problems: [] });

if (runs('news')) {
  const news = await loadNewsSet();
  const engines: ReadonlyArray<readonly [string, Retriever]> = [
    ['article-qa-bot', engineRetriever(news.corpus)],
    ['plain MiniSearch', plainMiniSearchRetriever(news.corpus.articles)],
  ];
  const count = (split: Split, kind: string) => news.questions.filter((entry) => entry.split === split && entry.kind === kind).length;
  console.log(`## News set (eval/news: ${news.corpus.articles.length} Wikinews articles, ${news.questions.length} questions)\n`);
  console.log('Dev is what the engine was tuned and trained on (in-sample); test was never tuned on (held out).');
  console.log('Pooled: every question asked of the whole news corpus. Per article: asked of its own article only.\n');
  console.log(
    '| split | engine | scope | P@1 | MRR | top 3 | right article first | answerable refused | on-topic unanswerable refused | off-topic refused |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const split of ['dev', 'test'] as const) {
    const questions = news.questions.filter((entry) => entry.split === split);
    for (const [name, retriever] of engines) {
      for (const scope of ['pooled', 'article'] as const) {
        const quality = summariseNews(await newsOutcomes(retriever, questions, scope));
        console.log(
          newsRow(
            `${split === 'dev' ? 'dev (in-sample)' : 'test (held out)'} | ${name} | ${scope === 'pooled' ? 'pooled' : 'per article'}`,
            quality,
            scope,
          ),
        );
      }
    }
  }
  console.log(
    `\nDev: ${count('dev', 'answerable')} answerable, ${count('dev', 'unanswerable')} on-topic unanswerable, ${count('dev', 'off-topic')} off-topic. ` +
      `Test: ${count('test', 'answerable')}, ${count('test', 'unanswerable')}, ${count('test', 'off-topic')}.`,
  );
}

if (runs('followups')) {
  const set = await loadFollowUpSet();
  const engine = createEngine(set.news.corpus);
  const turns = set.chains.reduce((sum, chain) => sum + chain.turns.length - 1, 0);
  console.log(`\n## Follow-up questions (eval/news/followups.json: ${set.chains.length} chains, ${turns} follow-up turns)\n`);
  console.log(
    'Each turn after the first asked with the earlier turns of its chain as context (their questions and the passages the engine',
  );
  console.log('itself returned for them, as the bot passes them; never the gold), and on its own. Pooled: the whole news corpus.');
  console.log('Dev is what the follow-up options were tuned on (in-sample); test was run once, at the end (held out).\n');
  console.log(
    '| split | answerable follow-ups | first passage right, with context | without | answerable refused, with / without | unanswerable refused, with / without | shifts: right, with / without | shifts to another article: not pulled back, with / without |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  const pair = (a: Share, b: Share) => `${figure(a.value)} / ${figure(b.value)} (of ${a.of})`;
  // `--split dev` while tuning: the test half is run once, at the end.
  for (const split of (['dev', 'test'] as const).filter((name) => values.split === undefined || values.split === name)) {
    const quality = summariseFollowUps(
      await followUpOutcomes(
        engine,
        set.chains.filter((chain) => chain.split === split),
      ),
    );
    console.log(
      `| ${split === 'dev' ? 'dev (in-sample)' : 'test (held out)'} | ${quality.rightWithContext.of} | **${figure(quality.rightWithContext.value)}** | ${figure(quality.rightAlone.value)} | ${pair(quality.answerableRefusedWithContext, quality.answerableRefusedAlone)} | ${pair(quality.refusedWithContext, quality.refusedAlone)} | ${pair(quality.shiftRightWithContext, quality.shiftRightAlone)} | ${pair(quality.shiftNotPulledBackWithContext, quality.shiftNotPulledBackAlone)} |`,
    );
  }
}

if (runs('squad')) {
  const squad = await loadSquad(SQUAD_PATH);
  process.stderr.write(`SQuAD: ${squad.articles.length} articles, ${squad.questions.length} questions\n`);
  const squadOurs = await evaluateSquad(squad.articles, squad.questions, (articles) => engineRetriever(asCorpus(articles)));
  const squadPlain = await evaluateSquad(squad.articles, squad.questions, plainMiniSearchRetriever);
  const squadReference = await evaluateSquad(squad.articles, squad.questions, plainMiniSearchSegmenterRetriever);

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
}

if (runs('own')) {
  const corpus = await loadCorpus('corpus');
  const questions = await loadOwnQuestions('eval/questions.json');
  const ours = await evaluateOwnSet(engineRetriever(corpus), questions);
  const plain = await evaluateOwnSet(plainMiniSearchRetriever(corpus.articles), questions);
  console.log(
    `\n## The seed article's question set (eval/questions.json: ${ours.answerable.questions} answerable, ${ours.unanswerable} unanswerable)\n`,
  );
  console.log('| engine | P@1 | MRR | R@3 | answerable answered with nothing | unanswerable answered with nothing |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, result] of [
    ['article-qa-bot', ours],
    ['plain MiniSearch', plain],
  ] as const) {
    console.log(`${row(name, result.answerable)} ${figure(result.unanswerableRejected)} |`);
  }
}

console.log(`\nEvaluated in ${((performance.now() - started) / 1000).toFixed(0)} s on Node ${process.version}.`);

function newsRow(name: string, quality: NewsQuality, scope: 'pooled' | 'article'): string {
  const answerable = quality.answerable;
  const offTopic = scope === 'pooled' ? figure(quality.offTopicRefused) : '–';
  return `| ${name} | ${figure(answerable.precisionAt1)} | ${figure(answerable.meanReciprocalRank)} | ${figure(answerable.recallAt3)} | ${figure(quality.rightArticleFirst)} | ${figure(answerable.answeredWithNothing)} | ${figure(quality.unanswerableRefused)} | ${offTopic} |`;
}
