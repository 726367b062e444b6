import { describe, expect, it } from 'vitest';
import { answerNounOf, answerTypeOf, hasAnswerOfType } from '../../src/search/answer-type.js';

const none = new Set<string>();

describe('answerTypeOf', () => {
  it('reads the kind of answer a question asks for', () => {
    expect(answerTypeOf('How many people died?')).toBe('number');
    expect(answerTypeOf('how long did the call last')).toBe('duration');
    expect(answerTypeOf('When did they speak?')).toBe('time');
    expect(answerTypeOf('what year was it built')).toBe('time');
    expect(answerTypeOf('Who makes decisions in Russia?')).toBe('person');
    expect(answerTypeOf('where was trump heading')).toBe('place');
    expect(answerTypeOf('in what country is it')).toBe('place');
    expect(answerTypeOf('why is ukraine worried')).toBe('reason');
    expect(answerTypeOf('did they talk about the middle east')).toBe('any');
  });

  it('reads a question in capitals the same way', () => {
    expect(answerTypeOf('HOW MANY PEOPLE DIED')).toBe('number');
  });
});

describe('answerNounOf', () => {
  it('finds the noun that only names the kind of answer', () => {
    expect(answerNounOf('In what country is Normandy?')).toBe('country');
    expect(answerNounOf('which year did it open')).toBe('year');
    expect(answerNounOf('what weapons were paused')).toBeNull();
  });
});

describe('hasAnswerOfType', () => {
  it('takes a number or a number word for a count, but not a year or "once"', () => {
    expect(hasAnswerOfType('number', 'Twenty people were arrested.', none)).toBe(true);
    expect(hasAnswerOfType('number', 'It killed 813 people.', none)).toBe(true);
    expect(hasAnswerOfType('number', 'The law was passed in 2019.', none)).toBe(false);
    expect(hasAnswerOfType('number', 'He left at once.', none)).toBe(false);
  });

  it('takes a date, a day or a season for "when", but not "later"', () => {
    expect(hasAnswerOfType('time', 'They met on July 3.', none)).toBe(true);
    expect(hasAnswerOfType('time', 'The talks resume in the spring.', none)).toBe(true);
    expect(hasAnswerOfType('time', 'He said more would follow later.', none)).toBe(false);
  });

  it('takes a name the question does not already say for "who", whatever its accents', () => {
    expect(hasAnswerOfType('person', 'The motion was moved by Councillor Tony Crook.', none)).toBe(true);
    expect(hasAnswerOfType('person', 'It was said by Zelenskyy.', new Set(['zelenskyy']))).toBe(false);
    expect(hasAnswerOfType('person', 'It was said by Zelenskÿy.', new Set(['zelenskyy']))).toBe(false);
    expect(hasAnswerOfType('person', 'Nobody said anything.', none)).toBe(false);
  });

  it('takes a capitalised name after a place word, "of" included, for "where"', () => {
    expect(hasAnswerOfType('place', 'He flew to Iowa.', none)).toBe(true);
    expect(hasAnswerOfType('place', 'the north of England', none)).toBe(true);
    expect(hasAnswerOfType('place', 'He flew home.', none)).toBe(false);
  });

  it('takes a stated cause for "why"', () => {
    expect(hasAnswerOfType('reason', 'The game was delayed because of rain.', none)).toBe(true);
    expect(hasAnswerOfType('reason', 'The game was delayed.', none)).toBe(false);
  });
});
