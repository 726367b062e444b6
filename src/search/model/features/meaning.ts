import { rankingFeature } from '../feature.js';

export const cosine = rankingFeature(
  'cosine',
  'Cosine of the question with the sentence, by their sentence vectors: alike in meaning, whatever the words.',
  (candidate) => candidate.cosine,
  true,
);

export const contextCosine = rankingFeature(
  'contextCosine',
  'The best cosine of the question with the sentence or one of its neighbours ("He said ..." after the sentence that names him).',
  (candidate) => candidate.contextCosine,
  true,
);

export const titleCosine = rankingFeature(
  'titleCosine',
  "Cosine of the question with the article's title.",
  (candidate) => candidate.titleCosine,
  true,
);

export const articleBestCosine = rankingFeature(
  'articleBestCosine',
  'The best cosine of the question with any sentence of the article: how close in meaning the article comes.',
  (candidate) => candidate.question.articleCosineOf(candidate.id),
  true,
);

export const articleCosine = rankingFeature(
  'articleCosine',
  "The best cosine of the question with any sentence of the article, relative to the best article's: the article closest in meaning.",
  (candidate) => candidate.articleCosineRank,
  true,
);
