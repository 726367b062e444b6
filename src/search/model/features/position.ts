import type { CandidateFeatures } from '../feature-context.js';
import { rankingFeature } from '../feature.js';

// A sentence that starts like this leans on the one before it to be understood.
const LEANS_ON_PREVIOUS = new RegExp(
  `^["“‘']?(?:He|She|It|They|This|That|These|Those|His|Her|Its|Their|But|However|The two|Both|The (?:${[
    'company firm group agency government ministry court council team club study report move decision',
    'announcement plan bill deal statement official spokes\\w+ president minister leader',
  ]
    .join(' ')
    .split(' ')
    .join('|')}))\\b`,
  'u',
);

const leans = (candidate: CandidateFeatures): boolean => LEANS_ON_PREVIOUS.test(candidate.text);

export const lede = rankingFeature('lede', 'The sentence opens its article (the lede, which repeats the story’s words).', (candidate) =>
  candidate.sentence?.sentence === 1 ? 1 : 0,
);

export const paragraphStart = rankingFeature('paragraphStart', 'The sentence opens its paragraph.', (candidate) => {
  const { index } = candidate.question;
  const previous = index.sentences[candidate.id - 1];
  return previous?.paragraph !== candidate.sentence?.paragraph || candidate.neighbours[0] !== candidate.id - 1 ? 1 : 0;
});

export const leansOnPrevious = rankingFeature(
  'leansOnPrevious',
  'The sentence leans on the one before it ("He said ...", "The company ...").',
  (candidate) => (leans(candidate) ? 1 : 0),
);

export const referenceGain = rankingFeature(
  'referenceGain',
  '`previousGain` for a sentence that leans on the one before ("He said ..."): who "he" is, found there.',
  (candidate) => (leans(candidate) ? candidate.gainOf(candidate.id - 1) : 0),
);

export const length = rankingFeature('length', 'How many distinct terms the sentence holds, over 40.', (candidate) =>
  Math.min(1, new Set(candidate.question.index.termIdsOf(candidate.id)).size / 40),
);
