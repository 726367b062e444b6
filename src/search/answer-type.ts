import { wordOf } from './word-form.js';

/**
 * The kind of answer a question asks for, and whether a sentence could hold one. A sentence
 * that answers "how many" has a number in it; one that answers "when" has a date or time.
 */
export type AnswerType = 'number' | 'duration' | 'time' | 'person' | 'place' | 'reason' | 'any';

const QUESTION_PATTERNS: ReadonlyArray<readonly [AnswerType, RegExp]> = [
  ['duration', /\bhow\s+long\b/iu],
  [
    'number',
    /\bhow\s+(?:many|much|old|far|big|large|often|tall|high)\b|\b(?:what|which)\s+(?:number|percentage|percent|amount|proportion|size)\b/iu,
  ],
  ['time', /\bwhen\b|\b(?:what|which)\s+(?:year|years|date|day|month|time|century|decade|era|period|season)\b/iu],
  [
    'person',
    /\bwho(?:m|se)?\b|\b(?:what|which)\s+(?:person|people|man|woman|leader|president|official|group|team|company|organi[sz]ation)\b/iu,
  ],
  [
    'place',
    /\bwhere\b|\b(?:what|which)\s+(?:country|countries|city|cities|state|place|town|region|area|continent|location)\b|\bin what\b/iu,
  ],
  ['reason', /\bwhy\b|\bwhat\s+(?:reason|caused?|led to)\b/iu],
];

export function answerTypeOf(question: string): AnswerType {
  for (const [type, pattern] of QUESTION_PATTERNS) if (pattern.test(question)) return type;
  if (/^\W*(?:what|which)\b.*\b(?:date|year)\b/iu.test(question)) return 'time';
  return 'any';
}

// "In what country ...", "which year ...": the noun names the kind of answer, and the sentence
// that answers seldom repeats it ("Normandy is in France"), so it should count for less.
const ANSWER_NOUN = /\b(?:what|which|how)\s+(?:(?:kind|type|sort)\s+of\s+)?(\p{L}+)/iu;
const ANSWER_NOUNS = new Set(
  'year years date day month time century decade era period season country countries city cities state place town region area continent location number percentage percent amount proportion size person people man woman group kind type sort name'.split(
    ' ',
  ),
);

/** The noun of a "what/which NOUN" question that only names the kind of answer asked for, if any. */
export function answerNounOf(question: string): string | null {
  const noun = ANSWER_NOUN.exec(question)?.[1]?.toLowerCase();
  return noun !== undefined && ANSWER_NOUNS.has(noun) ? noun : null;
}

const NUMBER_WORDS =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twice|half|several|percent)\b/iu;
const TIME_WORDS =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tomorrow|tonight|ago|spring|summer|autumn|winter|century|centuries|decade|decades|years?|months?|weeks?|days?|hours?|morning|evening|night|[ap]\.m\.|\d{3,4}s?|\d{1,2}(?:st|nd|rd|th))\b/iu;
// "How long ...?" is answered by "an hour-long call" as much as by "90 minutes".
const DURATION_WORDS = /\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)(?:-long)?\b/iu;
const REASON_WORDS =
  /\b(?:because|due to|since|so that|in order to|as a result|reason|caus(?:e|ed|es|ing)|led to|leads to|citing|amid|after|so as to|to (?:avoid|prevent|protect|ensure))\b/iu;
const CAPITALISED_WORD = /(?<=\S\s+|^)(\p{Lu}[\p{L}\p{M}'’.-]*)/gu;
const PLACE_PHRASE = /\b(?:in|at|from|near|to|across|into|outside|inside|of)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{M}'’.-]*)/gu;

/**
 * Whether `sentence` holds something of the kind asked for. `questionWords` are the folded
 * words of the question: a name the question already says is not an answer to "who".
 */
export function hasAnswerOfType(type: AnswerType, sentence: string, questionWords: ReadonlySet<string>): boolean {
  switch (type) {
    case 'number':
      return hasCount(sentence);
    case 'duration':
      return hasCount(sentence) || DURATION_WORDS.test(sentence);
    case 'time':
      return TIME_WORDS.test(sentence);
    case 'reason':
      return REASON_WORDS.test(sentence);
    case 'person':
      return hasNewName(sentence.matchAll(CAPITALISED_WORD), questionWords, true);
    case 'place':
      return hasNewName(sentence.matchAll(PLACE_PHRASE), questionWords, false);
    case 'any':
      return false;
  }
}

// A year ("in 2019") is a date, not a count: it does not answer "how many".
const YEAR = /\b(?:1[5-9]\d\d|20\d\d)\b/gu;

function hasCount(sentence: string): boolean {
  return /\d/u.test(sentence.replace(YEAR, '')) || NUMBER_WORDS.test(sentence);
}

function hasNewName(matches: Iterable<RegExpMatchArray>, questionWords: ReadonlySet<string>, skipFirstWord: boolean): boolean {
  for (const match of matches) {
    if (skipFirstWord && match.index === 0) continue;
    const name = wordOf(match[1] ?? '');
    if (name.length > 1 && !questionWords.has(name)) return true;
  }
  return false;
}
