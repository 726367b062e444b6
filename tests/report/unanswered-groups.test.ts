import { describe, expect, it } from 'vitest';
import { UnansweredGrouper } from '../../src/report/unanswered-groups.js';

function grouped(unanswered: readonly string[], answered: readonly string[] = []) {
  const grouper = new UnansweredGrouper();
  for (const question of answered) grouper.addAnswered(question);
  for (const question of unanswered) grouper.addUnanswered(question);
  return grouper.groups();
}

describe('UnansweredGrouper', () => {
  it('groups questions that share a name, however it is inflected, and labels the group as people typed it', () => {
    const groups = grouped([
      'how many goals did Messi score',
      "what is Messi's transfer fee",
      'is messi moving to another club',
      'when is the next election in france',
      'french election results',
      'who won the elections in france',
    ]);
    expect(groups.map((group) => [group.label[0], group.count])).toEqual([
      ['election', 3],
      ['Messi', 3],
    ]);
    expect(groups[1]?.examples.map((example) => example.question)).toEqual([
      'is messi moving to another club',
      "what is Messi's transfer fee",
      'how many goals did Messi score',
    ]);
  });

  it('puts the names of one alias group together (Zelensky, Zelenskyy)', () => {
    const groups = grouped(['what did zelensky eat for breakfast', 'zelenskyy favourite film', 'how old is Zelenskyy']);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.count).toBe(3);
  });

  it('does not group by words that answered questions use just as much ("say")', () => {
    const answered = Array.from({ length: 20 }, (_, index) => `what did putin say about topic ${index}`);
    const groups = grouped(
      [
        'what did macron say about bitcoin',
        'what did scholz say about bitcoin',
        'what did sunak say about pizza',
        'what did meloni say about pizza',
      ],
      answered,
    );
    expect(groups.map((group) => group.label[0]).sort()).toEqual(['bitcoin', 'pizza']);
  });

  it('counts a question asked again in its group, with how often, and puts questions sharing nothing in "asked once"', () => {
    const groups = grouped([
      'bitcoin price',
      'bitcoin price',
      'bitcoin price',
      'bitcoin crash',
      'capital of australia',
      'tallest mountain',
    ]);
    expect(groups[0]).toEqual({
      label: ['bitcoin', 'price'],
      count: 4,
      examples: [
        { question: 'bitcoin price', times: 3 },
        { question: 'bitcoin crash', times: 1 },
      ],
    });
    expect(groups.at(-1)).toMatchObject({ label: [], count: 2 });
  });
});
