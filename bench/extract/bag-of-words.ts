/**
 * Bag-of-words agreement between an extracted text and the true article body, as the issue that
 * asked for this benchmark measured it: the words (runs of letters, digits and `_`, lower-cased;
 * Python's `\w+`, as the Scrapinghub benchmark's own tokenizer) counted with multiplicity.
 */
export interface WordScores {
  /** Share of the extracted words that are in the true body. 0 for an empty extraction. */
  readonly precision: number;
  /** Share of the true body's words that were extracted. */
  readonly recall: number;
  /** Harmonic mean of the two; 0 when either is 0. */
  readonly f1: number;
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

export function bagOfWordsScores(truth: string, extracted: string): WordScores {
  const expected = new Map<string, number>();
  const truthWords = words(truth);
  for (const word of truthWords) expected.set(word, (expected.get(word) ?? 0) + 1);
  const extractedWords = words(extracted);
  let matched = 0;
  for (const word of extractedWords) {
    const left = expected.get(word) ?? 0;
    if (left === 0) continue;
    matched += 1;
    expected.set(word, left - 1);
  }
  const precision = extractedWords.length === 0 ? 0 : matched / extractedWords.length;
  const recall = truthWords.length === 0 ? 0 : matched / truthWords.length;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
