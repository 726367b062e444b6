import { describe, expect, it } from 'vitest';
import { TextVectors } from '../../../src/search/vectors/sentence-vectors.js';

const unit = (values: number[]) => {
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0));
  return Float32Array.from(values, (value) => value / norm);
};
const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, at) => sum + value * (b[at] ?? 0), 0);

describe('TextVectors', () => {
  const rows = [unit([1, 0.2, 0, 0.1]), unit([0, 1, 0.5, 0]), unit([0.7, 0.7, 0, 0]), unit([-1, 0, 0.3, 0.2])];
  const vectors = TextVectors.fromFloats(rows, 4);

  it('keeps each cosine within 0.01 of the float vectors once quantised to int8', () => {
    const query = unit([0.9, 0.3, 0.1, 0]);
    rows.forEach((row, at) => {
      expect(vectors.cosine(query, at)).toBeCloseTo(cosine(query, row), 2);
    });
  });

  it('finds the nearest rows, best first, within a range of rows when asked', () => {
    const query = unit([1, 0.1, 0, 0]);
    expect(vectors.nearest(query, 2).map((near) => near.row)).toEqual([0, 2]);
    expect(vectors.nearest(query, 2, 1, 4).map((near) => near.row)).toEqual([2, 1]);
    expect(vectors.nearest(query, 0)).toEqual([]);
  });

  it('gives 0 for a row out of range or a zero vector, and round-trips through its rows and factors', () => {
    const withZero = TextVectors.fromFloats([new Float32Array(4), unit([0, 0, 1, 0])], 4);
    expect(withZero.cosine(unit([0, 0, 1, 0]), 0)).toBe(0);
    expect(withZero.cosine(unit([0, 0, 1, 0]), 5)).toBe(0);
    const copy = TextVectors.fromRows(4, vectors.rows, vectors.factors);
    expect(copy.cosine(unit([1, 1, 1, 1]), 3)).toBe(vectors.cosine(unit([1, 1, 1, 1]), 3));
    expect(() => TextVectors.fromRows(4, new Int8Array(7), new Float32Array(2))).toThrow(/not 2 rows of 4/u);
  });
});
