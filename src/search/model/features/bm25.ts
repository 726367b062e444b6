import { rankingFeature } from '../feature.js';

export const bm25 = rankingFeature(
  'bm25',
  "BM25 of the sentence (its neighbours adding a share), relative to the best candidate's.",
  (candidate) => (candidate.question.topScore > 0 ? candidate.hit.score / candidate.question.topScore : 0),
);

export const bm25Own = rankingFeature('bm25Own', "BM25 of the sentence alone, relative to the best candidate's.", (candidate) =>
  candidate.question.topOwn > 0 ? candidate.hit.own / candidate.question.topOwn : 0,
);
