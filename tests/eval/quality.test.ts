/**
 * Quality floors: what `npm run eval` reached when these numbers were last raised, less two
 * points, so that a later change cannot quietly lose answer quality. Raise them when quality
 * improves; never lower them to make a change pass. The news test half is the figure that
 * matters (held out: never tuned or trained on); the others guard against a change that helps
 * news questions by breaking everything else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { parseModel } from '../../src/search/model/model-file.js';
import {
  evaluateOwnSet,
  evaluateSquad,
  newsOutcomes,
  summariseNews,
  type NewsQuality,
  type OwnSetQuality,
  type SquadQuality,
} from '../../eval/evaluate.js';
import { loadNewsSet, NEWS_ARTICLES, NEWS_QUESTIONS } from '../../eval/news-set.js';
import { loadOwnQuestions } from '../../eval/own-questions.js';
import { engineRetriever } from '../../eval/retriever.js';
import { loadSquad, SQUAD_FILE } from '../../eval/squad.js';
import { trainingDataFingerprint } from '../../eval/training-data.js';

const MARGIN = 0.02;
const REACHED = {
  newsTestPooled: {
    precisionAt1: 0.717,
    meanReciprocalRank: 0.765,
    recallAt3: 0.8,
    rightArticleFirst: 0.883,
    answerableRefused: 0.048,
    unanswerableRefused: 0.179,
    offTopicRefused: 0.8,
  },
  own: { precisionAt1: 0.769, meanReciprocalRank: 0.828, unanswerableRejected: 0.55, answerableRejected: 0.031 },
  squadPerArticle: { precisionAt1: 0.733, meanReciprocalRank: 0.805 },
  squadPooled: { precisionAt1: 0.714, meanReciprocalRank: 0.787 },
};
const OWN_QUESTIONS = 'eval/questions.json';

/** Every data file the floors need is in the repo; a missing one is a failure that names it, never a skipped test. */
function requireData(...paths: string[]): void {
  const missing = paths.filter((path) => !existsSync(path));
  if (missing.length > 0)
    throw new Error(`evaluation data missing from the repo: ${missing.join(', ')} (see eval/data/README.md and eval/news/README.md)`);
}

describe('the learned model', () => {
  it('was trained on exactly the data in the repo (run `npm run train` after changing it)', () => {
    requireData(SQUAD_FILE, NEWS_QUESTIONS, NEWS_ARTICLES);
    const model = parseModel(readFileSync('src/search/model/model.json', 'utf8'));
    expect(model.training.dataFingerprint).toBe(trainingDataFingerprint());
  });
});

describe('answer quality on the news test half (held out), whole corpus', () => {
  let quality: NewsQuality;
  beforeAll(async () => {
    requireData(NEWS_QUESTIONS, NEWS_ARTICLES);
    const news = await loadNewsSet();
    quality = summariseNews(
      await newsOutcomes(
        engineRetriever(news.corpus),
        news.questions.filter((question) => question.split === 'test'),
        'pooled',
      ),
    );
  }, 120_000);

  it('keeps P@1, MRR and the answer in the top 3 within two points of what was reached', () => {
    expect(quality.answerable.precisionAt1).toBeGreaterThanOrEqual(REACHED.newsTestPooled.precisionAt1 - MARGIN);
    expect(quality.answerable.meanReciprocalRank).toBeGreaterThanOrEqual(REACHED.newsTestPooled.meanReciprocalRank - MARGIN);
    expect(quality.answerable.recallAt3).toBeGreaterThanOrEqual(REACHED.newsTestPooled.recallAt3 - MARGIN);
  });

  it('keeps putting the right article first', () => {
    expect(quality.rightArticleFirst).toBeGreaterThanOrEqual(REACHED.newsTestPooled.rightArticleFirst - MARGIN);
  });

  it('keeps refusing questions the articles cannot answer, without refusing more answerable ones', () => {
    expect(quality.unanswerableRefused).toBeGreaterThanOrEqual(REACHED.newsTestPooled.unanswerableRefused - MARGIN);
    expect(quality.offTopicRefused).toBeGreaterThanOrEqual(REACHED.newsTestPooled.offTopicRefused - MARGIN);
    expect(quality.answerable.answeredWithNothing).toBeLessThanOrEqual(REACHED.newsTestPooled.answerableRefused + MARGIN);
  });
});

describe("answer quality on the seed article's question set", () => {
  let quality: OwnSetQuality;
  beforeAll(async () => {
    requireData(OWN_QUESTIONS);
    quality = await evaluateOwnSet(engineRetriever(await loadCorpus('corpus')), await loadOwnQuestions(OWN_QUESTIONS));
  });

  it('keeps P@1 and MRR within two points of what was reached', () => {
    expect(quality.answerable.precisionAt1).toBeGreaterThanOrEqual(REACHED.own.precisionAt1 - MARGIN);
    expect(quality.answerable.meanReciprocalRank).toBeGreaterThanOrEqual(REACHED.own.meanReciprocalRank - MARGIN);
  });

  it('keeps answering unanswerable questions with nothing, without refusing answerable ones', () => {
    expect(quality.unanswerableRejected).toBeGreaterThanOrEqual(REACHED.own.unanswerableRejected - MARGIN);
    expect(quality.answerable.answeredWithNothing).toBeLessThanOrEqual(REACHED.own.answerableRejected + MARGIN);
  });
});

describe('answer quality on the SQuAD public half (eval/data)', () => {
  let quality: SquadQuality;
  beforeAll(async () => {
    requireData(SQUAD_FILE);
    const squad = await loadSquad(SQUAD_FILE);
    quality = await evaluateSquad(squad.articles, squad.questions, (articles) =>
      engineRetriever({ articles, aliasGroups: [], problems: [] }),
    );
  }, 600_000);

  it('keeps per-article P@1 and MRR within two points of what was reached', () => {
    expect(quality.perArticle.precisionAt1).toBeGreaterThanOrEqual(REACHED.squadPerArticle.precisionAt1 - MARGIN);
    expect(quality.perArticle.meanReciprocalRank).toBeGreaterThanOrEqual(REACHED.squadPerArticle.meanReciprocalRank - MARGIN);
  });

  it('keeps pooled P@1 and MRR within two points of what was reached', () => {
    expect(quality.pooled.precisionAt1).toBeGreaterThanOrEqual(REACHED.squadPooled.precisionAt1 - MARGIN);
    expect(quality.pooled.meanReciprocalRank).toBeGreaterThanOrEqual(REACHED.squadPooled.meanReciprocalRank - MARGIN);
  });
});
