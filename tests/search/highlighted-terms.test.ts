/**
 * The words of a passage that an answer bolds (`Answer.terms`): the question's own words in any
 * form and their recorded variants (the alias lists' equivalents, name forms, a misspelt word's
 * correction), never a word WordNet only relates in meaning (synonyms, broader or narrower,
 * derived words). Those still help find and rank passages; they are not what the person typed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { createEngine } from '../../src/search/engine.js';
import type { Engine } from '../../src/search/types.js';

let seed: Engine;
beforeAll(async () => {
  seed = createEngine(await loadCorpus('corpus'));
});

/** Every term bolded across a question's answers, folded to lower case. */
async function bolded(question: string): Promise<string[]> {
  const { answers } = await seed.ask(question, { limit: 10 });
  return [...new Set(answers.flatMap((answer) => answer.terms.map((term) => term.toLowerCase())))].sort();
}

describe('the words an answer bolds', () => {
  it('are the question\'s words in any form: "makes" bolds "makes", "make" and "made", not "call", a WordNet synonym of "decision"', async () => {
    const { answers } = await seed.ask('who makes decisions in russia?', { limit: 10 });
    const only = answers.find((answer) => answer.passage.includes('only Putin makes decisions in Russia'));
    expect(only?.terms).toEqual(expect.arrayContaining(['makes', 'decisions', 'Russia']));
    const words = await bolded('who makes decisions in russia?');
    expect(words).toEqual(expect.arrayContaining(['make', 'made']));
    expect(words).not.toContain('call');
    expect(words).not.toContain('calls');
  });

  it('include variants recorded in the alias lists ("talk": "conversation", "phone call"), not words WordNet relates ("call", "continue")', async () => {
    const words = await bolded('how many times did trump talk to putin on the phone?');
    expect(words).toEqual(expect.arrayContaining(['phone', 'talked', 'trump', 'putin', 'conversation']));
    for (const related of ['call', 'calls', 'continue', 'continued']) expect(words).not.toContain(related);
  });

  it('include the corrected spelling of a misspelt name: "Zelenksy" bolds "Zelensky"', async () => {
    expect(await bolded('what did Zelenksy say about peace?')).toContain('zelensky');
  });

  it('include a name form: "the Ukrainian war" bolds "Ukraine"', async () => {
    expect(await bolded('what happened in the ukrainian war?')).toContain('ukraine');
  });
});
