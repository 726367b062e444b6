/**
 * Quality floors: what `npm run eval` reached when these numbers were last raised, less two
 * points, so that a later change cannot quietly lose answer quality. Raise them when quality
 * improves; never lower them to make a change pass.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { evaluateOwnSet, evaluateSquad, type OwnSetQuality, type SquadQuality } from '../../eval/evaluate.js';
import { loadOwnQuestions } from '../../eval/own-questions.js';
import { engineRetriever } from '../../eval/retriever.js';
import { loadSquad } from '../../eval/squad.js';

const MARGIN = 0.02;
const REACHED = {
  own: { precisionAt1: 0.8, meanReciprocalRank: 0.857, unanswerableRejected: 0.45, answerableRejected: 0.015 },
  squadPerArticle: { precisionAt1: 0.715, meanReciprocalRank: 0.784 },
  squadPooled: { precisionAt1: 0.694, meanReciprocalRank: 0.764 },
};
const SQUAD_FILE = 'eval/data/squad-v1.1-dev-public.json';

describe('answer quality on our question set', () => {
  let quality: OwnSetQuality;
  beforeAll(async () => {
    quality = evaluateOwnSet(engineRetriever(await loadCorpus('corpus')), await loadOwnQuestions('eval/questions.json'));
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

describe.skipIf(!existsSync(SQUAD_FILE))('answer quality on SQuAD (shared/eval-data)', () => {
  let quality: SquadQuality;
  beforeAll(async () => {
    const squad = await loadSquad(SQUAD_FILE);
    quality = evaluateSquad(squad.articles, squad.questions, (articles) => engineRetriever({ articles, aliasGroups: [], problems: [] }));
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
