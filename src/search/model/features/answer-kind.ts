import { type AnswerType, hasAnswerOfType } from '../../answer-type.js';
import { fold } from '../../fold.js';
import type { CandidateFeatures } from '../feature-context.js';
import { rankingFeature } from '../feature.js';

const REPORTS_SPEECH = /["“”]|\b(?:said|says|told|stated|added|according to|tweeted|wrote|claimed|described|called)\b/iu;

const holdsAnswer = (candidate: CandidateFeatures): boolean =>
  hasAnswerOfType(candidate.question.question.answerType, candidate.text, candidate.question.question.words);

/** The sentence holds the kind of answer asked for, counted only when the question asks for one of `kinds`. */
const holdsAnswerOf =
  (...kinds: AnswerType[]) =>
  (candidate: CandidateFeatures): number =>
    kinds.includes(candidate.question.question.answerType) && holdsAnswer(candidate) ? 1 : 0;

export const answerType = rankingFeature(
  'answerType',
  'The sentence holds the kind of thing asked for (a number for "how many", ...), whatever the kind.',
  (candidate) => (holdsAnswer(candidate) ? 1 : 0),
);

export const answerNumber = rankingFeature(
  'answerNumber',
  'The same, for questions asking for a number or a duration: each kind weighs what its test is worth.',
  holdsAnswerOf('number', 'duration'),
);
export const answerTime = rankingFeature('answerTime', 'The same, for questions asking when.', holdsAnswerOf('time'));
export const answerPerson = rankingFeature('answerPerson', 'The same, for questions asking who.', holdsAnswerOf('person'));
export const answerPlace = rankingFeature('answerPlace', 'The same, for questions asking where.', holdsAnswerOf('place'));
export const answerReason = rankingFeature('answerReason', 'The same, for questions asking why.', holdsAnswerOf('reason'));

export const definition = rankingFeature(
  'definition',
  'The question asks what something is ("what is X"), and the sentence defines it ("X is a ...").',
  (candidate) => {
    const subject = candidate.question.subjectToDefine;
    return subject !== null && definesSubject(candidate.text, subject) ? 1 : 0;
  },
);

export const reportedSpeech = rankingFeature(
  'reportedSpeech',
  'The question asks what someone said, and the sentence reports speech.',
  (candidate) => (candidate.question.asksWhatWasSaid && REPORTS_SPEECH.test(candidate.text) ? 1 : 0),
);

/** Whether a sentence says what `subject` is: "X is a ...", "X, a ...", "X (...) was the ...". */
function definesSubject(sentence: string, subject: string): boolean {
  const folded = fold(sentence);
  const at = folded.indexOf(subject);
  if (at === -1) return false;
  const after = folded.slice(at + subject.length, at + subject.length + 80);
  return /^(?:\s*\([^)]*\))?(?:\s*,\s*(?:an?|the)\s|\s+(?:is|are|was|were)\s+(?:an?|the|one)\s|\s+(?:is|are|was|were)\s+\p{L}+ly\s)/u.test(
    after,
  );
}
