import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { TextEmbedder } from './sentence-vectors.js';

/**
 * A fixed linear map from the model's vectors to fewer dimensions: the principal axes of a set of
 * vectors (PCA), learned once and saved as a small file. Vectors are centred on the set's mean,
 * projected on the axes and made unit length again, so that cosines stay cosines. At 256 of 512
 * dimensions the vectors take half the memory; what that costs in quality is measured by the
 * evaluation, not assumed here.
 */
export interface Projection {
  /** Names this projection in model ids (a digest of its numbers): vectors of another never mix. */
  readonly id: string;
  readonly from: number;
  readonly to: number;
  readonly mean: Float32Array;
  /** `to` rows of `from` numbers: the axes, most variance first. */
  readonly axes: Float32Array;
  /** Share of the fitting set's variance the axes keep (0-1). */
  readonly keptVariance: number;
}

/** The principal axes of `vectors` (all `from` long), keeping `to` of them. Deterministic. */
export function fitProjection(vectors: readonly Float32Array[], to: number): Projection {
  const first = vectors[0];
  if (first === undefined) throw new Error('a projection needs vectors to learn from');
  const from = first.length;
  if (!Number.isInteger(to) || to < 1 || to > from) throw new Error(`a projection keeps 1 to ${from} dimensions, not ${to}`);
  const mean = new Float64Array(from);
  for (const vector of vectors) for (let at = 0; at < from; at += 1) mean[at] = (mean[at] ?? 0) + (vector[at] ?? 0) / vectors.length;
  const covariance = new Float64Array(from * from);
  const centred = new Float64Array(from);
  for (const vector of vectors) {
    for (let at = 0; at < from; at += 1) centred[at] = (vector[at] ?? 0) - (mean[at] ?? 0);
    for (let row = 0; row < from; row += 1) {
      const value = centred[row] ?? 0;
      for (let column = row; column < from; column += 1)
        covariance[row * from + column] = (covariance[row * from + column] ?? 0) + value * (centred[column] ?? 0);
    }
  }
  for (let row = 0; row < from; row += 1)
    for (let column = 0; column < row; column += 1) covariance[row * from + column] = covariance[column * from + row] ?? 0;
  const { values, vectors: eigenvectors } = symmetricEigen(covariance, from);
  const order = [...values.keys()].sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0) || a - b);
  const axes = new Float32Array(to * from);
  for (let axis = 0; axis < to; axis += 1) {
    const column = order[axis] ?? 0;
    // A sign fixed by the data, so that the same vectors always give the same file.
    let sign = 0;
    for (let at = 0; at < from && sign === 0; at += 1) sign = Math.sign(eigenvectors[at * from + column] ?? 0);
    for (let at = 0; at < from; at += 1) axes[axis * from + at] = (eigenvectors[at * from + column] ?? 0) * (sign || 1);
  }
  const total = values.reduce((sum, value) => sum + Math.max(0, value), 0);
  const kept = order.slice(0, to).reduce((sum, index) => sum + Math.max(0, values[index] ?? 0), 0);
  return withId({ from, to, mean: Float32Array.from(mean), axes, keptVariance: total === 0 ? 1 : kept / total });
}

/** `vector` centred, projected and made unit length (a zero vector stays zero). */
export function project(projection: Projection, vector: Float32Array): Float32Array {
  const { from, to, mean, axes } = projection;
  if (vector.length !== from) throw new Error(`the projection takes vectors of ${from} numbers, not ${vector.length}`);
  const out = new Float32Array(to);
  let norm = 0;
  for (let axis = 0; axis < to; axis += 1) {
    let dot = 0;
    const start = axis * from;
    for (let at = 0; at < from; at += 1) dot += ((vector[at] ?? 0) - (mean[at] ?? 0)) * (axes[start + at] ?? 0);
    out[axis] = dot;
    norm += dot * dot;
  }
  if (norm > 0) for (let axis = 0; axis < to; axis += 1) out[axis] = (out[axis] ?? 0) / Math.sqrt(norm);
  return out;
}

/** A projection as a file: one JSON line (sizes, kept variance), then the mean and the axes as float32, little-endian. */
export function projectionFile(projection: Projection): Buffer {
  const { from, to, keptVariance } = projection;
  const numbers = Buffer.alloc((from + to * from) * 4);
  for (const [at, value] of [...projection.mean, ...projection.axes].entries()) numbers.writeFloatLE(value, at * 4);
  return Buffer.concat([Buffer.from(`${JSON.stringify({ format: FORMAT, from, to, keptVariance })}\n`), numbers]);
}

/** Reads what `projectionFile` wrote; throws, saying what is wrong, on anything else. */
export function readProjection(bytes: Buffer): Projection {
  const lineEnd = bytes.indexOf(0x0a);
  const header = headerData.safeParse(parseJson(bytes.toString('utf8', 0, Math.max(0, lineEnd))));
  if (lineEnd === -1 || !header.success) throw new Error('not a projection file of this bot (its first line does not read)');
  const { from, to, keptVariance } = header.data;
  if (bytes.length - lineEnd - 1 !== (from + to * from) * 4)
    throw new Error(
      `a projection of ${from} to ${to} dimensions has ${(from + to * from) * 4} bytes of numbers, not ${bytes.length - lineEnd - 1}`,
    );
  const number = (at: number) => bytes.readFloatLE(lineEnd + 1 + at * 4);
  const mean = Float32Array.from({ length: from }, (_unused, at) => number(at));
  const axes = Float32Array.from({ length: to * from }, (_unused, at) => number(from + at));
  return withId({ from, to, mean, axes, keptVariance });
}

/** An embedder whose vectors are `inner`'s, projected: its model id names the projection, so its vectors are cached apart. */
export class ProjectedEmbedder implements TextEmbedder {
  readonly model: string;
  readonly dimensions: number;
  readonly #inner: TextEmbedder;
  readonly #projection: Projection;

  constructor(inner: TextEmbedder, projection: Projection) {
    if (inner.dimensions !== projection.from)
      throw new Error(`the projection takes ${projection.from} dimensions, but ${inner.model} gives ${inner.dimensions}`);
    this.#inner = inner;
    this.#projection = projection;
    this.model = `${inner.model}+pca${projection.to}-${projection.id}`;
    this.dimensions = projection.to;
  }

  async embed(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
    return (await this.#inner.embed(texts, onProgress)).map((vector) => project(this.#projection, vector));
  }
}

const FORMAT = 'article-qa-bot vector projection';
const headerData = z.object({
  format: z.literal(FORMAT),
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  keptVariance: z.number().min(0).max(1),
});

function withId(projection: Omit<Projection, 'id'>): Projection {
  const digest = createHash('sha256');
  digest.update(Buffer.from(projection.mean.buffer, projection.mean.byteOffset, projection.mean.byteLength));
  digest.update(Buffer.from(projection.axes.buffer, projection.axes.byteOffset, projection.axes.byteLength));
  return { ...projection, id: digest.digest('hex').slice(0, 12) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Eigenvalues and eigenvectors (as columns) of a symmetric `n` × `n` matrix, by cyclic Jacobi
 * rotations: slower than a library's QR, but exact, short and with no dependency, and a
 * projection is fitted once.
 */
function symmetricEigen(matrix: Float64Array, n: number): { values: number[]; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let at = 0; at < n; at += 1) v[at * n + at] = 1;
  for (let sweep = 0; sweep < 100; sweep += 1) {
    let off = 0;
    for (let p = 0; p < n; p += 1) for (let q = p + 1; q < n; q += 1) off += (a[p * n + q] ?? 0) ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p += 1)
      for (let q = p + 1; q < n; q += 1) {
        const apq = a[p * n + q] ?? 0;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = ((a[q * n + q] ?? 0) - (a[p * n + p] ?? 0)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k += 1) {
          const akp = a[k * n + p] ?? 0;
          const akq = a[k * n + q] ?? 0;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k += 1) {
          const apk = a[p * n + k] ?? 0;
          const aqk = a[q * n + k] ?? 0;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k += 1) {
          const vkp = v[k * n + p] ?? 0;
          const vkq = v[k * n + q] ?? 0;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
  }
  return { values: Array.from({ length: n }, (_unused, at) => a[at * n + at] ?? 0), vectors: v };
}
