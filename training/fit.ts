/**
 * The two small models `npm run train` fits, deterministically (no randomness: the same data
 * always gives the same weights): a linear ranker fitted listwise, and a logistic rule. Both by
 * Newton's method with a backtracking line search: with a few dozen weights the second
 * derivatives cost little, and a dozen steps converge where plain gradient descent took thousands.
 */

/** The candidates of one question: their feature vectors and which of them answer it. */
export interface RankingGroup {
  readonly features: readonly Float64Array[];
  readonly correct: readonly boolean[];
  /** How much this question counts in the loss. */
  readonly weight: number;
}

/** One example for the logistic rule. */
export interface LabelledExample {
  readonly features: Float64Array;
  readonly positive: boolean;
  readonly weight: number;
}

export interface FitSettings {
  /** L2 penalty on the weights (never on a bias), per unit of total example weight. */
  readonly l2: number;
  /** The most Newton steps taken. */
  readonly maxSteps: number;
  /** Stop when a step improves the loss by less than this. */
  readonly tolerance: number;
}

export const RANKER_SETTINGS: FitSettings = { l2: 0.001, maxSteps: 50, tolerance: 1e-9 };
export const LOGISTIC_SETTINGS: FitSettings = { l2: 0.001, maxSteps: 50, tolerance: 1e-9 };

/** A loss at some weights, with its gradient and a positive definite curvature to step by. */
interface Evaluation {
  readonly loss: number;
  readonly gradient: Float64Array;
  readonly curvature: Float64Array;
}

/**
 * Weights for a linear score that puts a correct candidate first: the softmax listwise loss
 * (minus the log of the probability mass the scores give the correct candidates), averaged
 * over questions by their weight. Questions without a correct candidate, or with nothing to
 * choose between, teach nothing and are left out. Curvature: the scores' covariance under the
 * softmax (the Gauss-Newton part of the second derivative, which is never negative).
 */
export function fitRanker(groups: readonly RankingGroup[], dimensions: number, settings: FitSettings = RANKER_SETTINGS): Float64Array {
  const usable = groups
    .filter((group) => group.correct.some(Boolean) && group.features.length > 1)
    .map((group) => ({
      matrix: flatten(group.features, dimensions),
      correct: group.correct,
      weight: group.weight,
      size: group.features.length,
    }));
  const totalWeight = usable.reduce((sum, group) => sum + group.weight, 0) || 1;
  return newton(dimensions, 0, settings, (weights, wanted) => {
    let loss = 0;
    const gradient = new Float64Array(dimensions);
    const curvature = new Float64Array(dimensions * dimensions);
    const mean = new Float64Array(dimensions);
    const correctMean = new Float64Array(dimensions);
    for (const group of usable) {
      const scores = new Float64Array(group.size);
      let max = Number.NEGATIVE_INFINITY;
      for (let row = 0; row < group.size; row += 1) {
        scores[row] = dotAt(weights, group.matrix, row * dimensions, dimensions);
        max = Math.max(max, scores[row] ?? 0);
      }
      let all = 0;
      let correct = 0;
      for (let row = 0; row < group.size; row += 1) {
        const value = Math.exp((scores[row] ?? 0) - max);
        scores[row] = value;
        all += value;
        if (group.correct[row] === true) correct += value;
      }
      const scale = group.weight / totalWeight;
      loss += scale * (Math.log(all) - Math.log(correct));
      if (!wanted) continue;
      mean.fill(0);
      correctMean.fill(0);
      for (let row = 0; row < group.size; row += 1) {
        const p = (scores[row] ?? 0) / all;
        const q = group.correct[row] === true ? (scores[row] ?? 0) / correct : 0;
        const offset = row * dimensions;
        for (let i = 0; i < dimensions; i += 1) {
          const x = group.matrix[offset + i] ?? 0;
          mean[i] = (mean[i] ?? 0) + p * x;
          correctMean[i] = (correctMean[i] ?? 0) + q * x;
          const px = p * x * scale;
          if (px === 0) continue;
          for (let j = 0; j <= i; j += 1)
            curvature[i * dimensions + j] = (curvature[i * dimensions + j] ?? 0) + px * (group.matrix[offset + j] ?? 0);
        }
      }
      for (let i = 0; i < dimensions; i += 1) {
        gradient[i] = (gradient[i] ?? 0) + scale * ((mean[i] ?? 0) - (correctMean[i] ?? 0));
        for (let j = 0; j <= i; j += 1)
          curvature[i * dimensions + j] = (curvature[i * dimensions + j] ?? 0) - scale * (mean[i] ?? 0) * (mean[j] ?? 0);
      }
    }
    return { loss, gradient, curvature };
  });
}

/** A bias and weights for the probability that an example is positive, by weighted logistic regression. */
export function fitLogistic(
  examples: readonly LabelledExample[],
  dimensions: number,
  settings: FitSettings = LOGISTIC_SETTINGS,
): { bias: number; weights: Float64Array } {
  const totalWeight = examples.reduce((sum, example) => sum + example.weight, 0) || 1;
  const size = dimensions + 1;
  // The bias is the last coordinate, its feature always 1.
  const rows = examples.map((example) => {
    const row = new Float64Array(size);
    row.set(example.features.subarray(0, dimensions));
    row[dimensions] = 1;
    return row;
  });
  const fitted = newton(size, 1, settings, (parameters, wanted) => {
    let loss = 0;
    const gradient = new Float64Array(size);
    const curvature = new Float64Array(size * size);
    examples.forEach((example, at) => {
      const row = rows[at] ?? new Float64Array(size);
      const margin = dotAt(parameters, row, 0, size);
      const scale = example.weight / totalWeight;
      // log(1 + e^-m) for positives, log(1 + e^m) for negatives, computed without overflow.
      const signed = example.positive ? -margin : margin;
      loss += scale * (signed > 0 ? signed + Math.log1p(Math.exp(-signed)) : Math.log1p(Math.exp(signed)));
      if (!wanted) return;
      const probability = sigmoid(margin);
      const error = scale * (probability - (example.positive ? 1 : 0));
      const weight = scale * probability * (1 - probability);
      for (let i = 0; i < size; i += 1) {
        gradient[i] = (gradient[i] ?? 0) + error * (row[i] ?? 0);
        for (let j = 0; j <= i; j += 1) curvature[i * size + j] = (curvature[i * size + j] ?? 0) + weight * (row[i] ?? 0) * (row[j] ?? 0);
      }
    });
    return { loss, gradient, curvature };
  });
  return { bias: fitted[dimensions] ?? 0, weights: fitted.subarray(0, dimensions) };
}

export function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

export function dot(weights: Float64Array, features: Float64Array): number {
  return dotAt(weights, features, 0, features.length);
}

function dotAt(weights: Float64Array, values: Float64Array, offset: number, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i += 1) sum += (weights[i] ?? 0) * (values[offset + i] ?? 0);
  return sum;
}

function flatten(rows: readonly Float64Array[], dimensions: number): Float64Array {
  const matrix = new Float64Array(rows.length * dimensions);
  rows.forEach((row, at) => {
    matrix.set(row.subarray(0, dimensions), at * dimensions);
  });
  return matrix;
}

/**
 * Minimises `evaluate` from zero by Newton steps (curvature given as its lower triangle), with
 * an L2 penalty on all but the last `unpenalised` coordinates, halving a step until it improves
 * the loss.
 */
function newton(
  size: number,
  unpenalised: number,
  settings: FitSettings,
  evaluate: (weights: Float64Array, wanted: boolean) => Evaluation,
): Float64Array {
  const penalised = size - unpenalised;
  const penalty = (weights: Float64Array) => {
    let sum = 0;
    for (let i = 0; i < penalised; i += 1) sum += (weights[i] ?? 0) ** 2;
    return (settings.l2 / 2) * sum;
  };
  let weights = new Float64Array(size);
  let current = evaluate(weights, true);
  let loss = current.loss + penalty(weights);
  for (let step = 0; step < settings.maxSteps; step += 1) {
    const gradient = Float64Array.from(current.gradient, (value, i) => value + (i < penalised ? settings.l2 * (weights[i] ?? 0) : 0));
    const curvature = Float64Array.from(current.curvature);
    for (let i = 0; i < size; i += 1) {
      curvature[i * size + i] = (curvature[i * size + i] ?? 0) + (i < penalised ? settings.l2 : 0) + 1e-9;
      for (let j = 0; j < i; j += 1) curvature[j * size + i] = curvature[i * size + j] ?? 0;
    }
    const direction = solve(curvature, gradient, size);
    let length = 1;
    let improved = false;
    while (length > 1e-6) {
      const next = Float64Array.from(weights, (value, i) => value - length * (direction[i] ?? 0));
      const nextLoss = evaluate(next, false).loss + penalty(next);
      if (nextLoss < loss) {
        const gain = loss - nextLoss;
        weights = next;
        loss = nextLoss;
        current = evaluate(weights, true);
        improved = gain > settings.tolerance;
        break;
      }
      length /= 2;
    }
    if (!improved) break;
  }
  return weights;
}

/** Solves `matrix` x = `vector` (matrix symmetric positive definite, size x size) by Gaussian elimination with pivoting. */
function solve(matrix: Float64Array, vector: Float64Array, size: number): Float64Array {
  const a = Float64Array.from(matrix);
  const b = Float64Array.from(vector);
  for (let column = 0; column < size; column += 1) {
    let pivot = column;
    for (let row = column + 1; row < size; row += 1)
      if (Math.abs(a[row * size + column] ?? 0) > Math.abs(a[pivot * size + column] ?? 0)) pivot = row;
    if (pivot !== column) {
      for (let k = 0; k < size; k += 1) {
        const swap = a[column * size + k] ?? 0;
        a[column * size + k] = a[pivot * size + k] ?? 0;
        a[pivot * size + k] = swap;
      }
      const swap = b[column] ?? 0;
      b[column] = b[pivot] ?? 0;
      b[pivot] = swap;
    }
    const diagonal = a[column * size + column] ?? 0;
    if (Math.abs(diagonal) < 1e-15) continue;
    for (let row = column + 1; row < size; row += 1) {
      const factor = (a[row * size + column] ?? 0) / diagonal;
      if (factor === 0) continue;
      for (let k = column; k < size; k += 1) a[row * size + k] = (a[row * size + k] ?? 0) - factor * (a[column * size + k] ?? 0);
      b[row] = (b[row] ?? 0) - factor * (b[column] ?? 0);
    }
  }
  const x = new Float64Array(size);
  for (let row = size - 1; row >= 0; row -= 1) {
    let sum = b[row] ?? 0;
    for (let k = row + 1; k < size; k += 1) sum -= (a[row * size + k] ?? 0) * (x[k] ?? 0);
    const diagonal = a[row * size + row] ?? 0;
    x[row] = Math.abs(diagonal) < 1e-15 ? 0 : sum / diagonal;
  }
  return x;
}
