import { rankingFeature } from '../feature.js';

export const articleCoverage = rankingFeature(
  'articleCoverage',
  "Share of the question's concepts, weighted, found anywhere in the article (title and body).",
  (candidate) => candidate.articleCoverage,
);

export const articleRank = rankingFeature(
  'articleRank',
  "`articleCoverage` relative to the best candidate article's: 1 for the article most about the question.",
  (candidate) => {
    const best = candidate.question.bestArticleCoverage;
    return best > 0 ? candidate.articleCoverage / best : 0;
  },
);

export const titleCoverage = rankingFeature(
  'titleCoverage',
  "Share of the question's concepts, weighted, in the article's title.",
  (candidate) => candidate.question.share(candidate.question.articleStrengthsOf(candidate.id).title),
);
