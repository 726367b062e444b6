/**
 * The two small models `npm run train` fits, deterministically (no randomness: every run on the
 * same data gives the same weights): a linear ranker fitted listwise, and a logistic rule.
 * Plain full-batch gradient descent with Adam steps and an L2 penalty; a few thousand examples
 * of a few dozen features need nothing more.
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
  /** L2 penalty on the weights (not the bias). */
  readonly l2: number;
  readonly iterations: number;
  readonly learningRate: number;
}

export const RANKER_SETTINGS: FitSettings = { l2: 0.001, iterations: 600, learningRate: 0.05 };
export const LOGISTIC_SETTINGS: FitSettings = { l2: 0.001, iterations: 1500, learningRate: 0.05 };

/**
 * Weights for a linear score that puts a correct candidate first: the softmax listwise loss
 * (minus the log of the probability mass the scores give the correct candidates), averaged
 * over questions by their weight. Questions without a correct candidate teach nothing and are
 * left out.
 */
export function fitRanker(groups: readonly RankingGroup[], dimensions: number, settings: FitSettings = RANKER_SETTINGS): Float64Array {
  const usable = groups.filter((group) => group.correct.some(Boolean) && group.features.length > 1);
  const totalWeight = usable.reduce((sum, group) => sum + group.weight, 0) || 1;
  return adam(dimensions, settings, (weights, gradient) => {
    for (const group of usable) {
      const scores = group.features.map((features) => dot(weights, features));
      const max = Math.max(...scores);
      const exps = scores.map((score) => Math.exp(score - max));
      const all = exps.reduce((sum, value) => sum + value, 0);
      const correct = exps.reduce((sum, value, at) => sum + (group.correct[at] === true ? value : 0), 0);
      const scale = group.weight / totalWeight;
      group.features.forEach((features, at) => {
        const coefficient = scale * ((exps[at] ?? 0) / all - (group.correct[at] === true ? (exps[at] ?? 0) / correct : 0));
        for (let dimension = 0; dimension < dimensions; dimension += 1)
          gradient[dimension] = (gradient[dimension] ?? 0) + coefficient * (features[dimension] ?? 0);
      });
    }
    for (let dimension = 0; dimension < dimensions; dimension += 1)
      gradient[dimension] = (gradient[dimension] ?? 0) + settings.l2 * (weights[dimension] ?? 0);
  });
}

/** A bias and weights for the probability that an example is positive, by weighted logistic regression. */
export function fitLogistic(
  examples: readonly LabelledExample[],
  dimensions: number,
  settings: FitSettings = LOGISTIC_SETTINGS,
): { bias: number; weights: Float64Array } {
  const totalWeight = examples.reduce((sum, example) => sum + example.weight, 0) || 1;
  // The bias is the last coordinate; it is not penalised.
  const fitted = adam(dimensions + 1, settings, (parameters, gradient) => {
    for (const example of examples) {
      const probability = sigmoid(dot(parameters, example.features) + (parameters[dimensions] ?? 0));
      const error = (example.weight / totalWeight) * (probability - (example.positive ? 1 : 0));
      for (let dimension = 0; dimension < dimensions; dimension += 1)
        gradient[dimension] = (gradient[dimension] ?? 0) + error * (example.features[dimension] ?? 0);
      gradient[dimensions] = (gradient[dimensions] ?? 0) + error;
    }
    for (let dimension = 0; dimension < dimensions; dimension += 1)
      gradient[dimension] = (gradient[dimension] ?? 0) + settings.l2 * (parameters[dimension] ?? 0);
  });
  return { bias: fitted[dimensions] ?? 0, weights: fitted.subarray(0, dimensions) };
}

export function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

export function dot(weights: Float64Array, features: Float64Array): number {
  let sum = 0;
  for (let dimension = 0; dimension < features.length; dimension += 1) sum += (weights[dimension] ?? 0) * (features[dimension] ?? 0);
  return sum;
}

/** Minimises a loss by Adam steps from zero, given a function that adds the loss's gradient at some weights into `gradient`. */
function adam(
  dimensions: number,
  settings: FitSettings,
  addGradient: (weights: Float64Array, gradient: Float64Array) => void,
): Float64Array {
  const weights = new Float64Array(dimensions);
  const first = new Float64Array(dimensions);
  const second = new Float64Array(dimensions);
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8];
  for (let step = 1; step <= settings.iterations; step += 1) {
    const gradient = new Float64Array(dimensions);
    addGradient(weights, gradient);
    for (let dimension = 0; dimension < dimensions; dimension += 1) {
      const g = gradient[dimension] ?? 0;
      first[dimension] = beta1 * (first[dimension] ?? 0) + (1 - beta1) * g;
      second[dimension] = beta2 * (second[dimension] ?? 0) + (1 - beta2) * g * g;
      const corrected1 = (first[dimension] ?? 0) / (1 - beta1 ** step);
      const corrected2 = (second[dimension] ?? 0) / (1 - beta2 ** step);
      weights[dimension] = (weights[dimension] ?? 0) - (settings.learningRate * corrected1) / (Math.sqrt(corrected2) + epsilon);
    }
  }
  return weights;
}
