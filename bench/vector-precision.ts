/**
 * `npx tsx bench/vector-precision.ts`: what keeping sentence vectors as int8 rows costs against
 * float32, measured where it matters to the engine: finding the answering sentence by meaning.
 * The dev halves of the out-of-domain sets (never a test half) are embedded afresh by the real
 * model (the vector cache keeps int8 rows only); every answerable question then ranks all the
 * sentences of its half by cosine, once with the float vectors and once with the int8 rows the
 * engine keeps, and the two are compared: P@1 and top 20 of the answering sentence, how often
 * the 20 nearest are the same sentences, and the largest difference in a cosine.
 */
import { EmbeddingPool } from '../src/search/vectors/embedding-pool.js';
import { TextVectors } from '../src/search/vectors/sentence-vectors.js';
import { halfOf, loadQaSet, type QaSetName } from '../training/sets.js';

const SETS: readonly QaSetName[] = ['news2', 'infoseek'];
const NEAREST = 20;

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, at) => sum + value * (b[at] ?? 0), 0);

const pool = new EmbeddingPool({});
const lines = [
  '| set (dev half) | questions | sentences | P@1 by cosine: float32 / int8 | answer in the nearest 20: float32 / int8 | the nearest 20 the same sentences | largest cosine difference |',
  '|---|---|---|---|---|---|---|',
];
try {
  for (const name of SETS) {
    const half = halfOf(await loadQaSet(name), name, 'dev');
    const sentences = half.corpus.articles.flatMap((article) =>
      article.sentences.map((sentence) => ({ article: article.id, text: sentence.text })),
    );
    const asked = half.questions.flatMap((question) => (question.kind === 'answerable' ? [question] : []));
    process.stderr.write(`${name}: embedding ${sentences.length} sentences and ${asked.length} questions\n`);
    const floats = await pool.embed(sentences.map((sentence) => sentence.text));
    const questions = await pool.embed(asked.map((question) => question.question));
    const int8 = TextVectors.fromFloats(floats, pool.dimensions);
    let [firstFloat, firstInt8, nearFloat, nearInt8, sameNearest, largest] = [0, 0, 0, 0, 0, 0];
    asked.forEach((question, at) => {
      const vector = questions[at];
      if (vector === undefined) return;
      const answers = new Set(
        sentences.flatMap((sentence, row) =>
          question.gold.some((gold) => gold.article === sentence.article && sentence.text.includes(gold.text)) ? [row] : [],
        ),
      );
      const byFloat = floats.map((sentence, row) => ({ row, cosine: dot(vector, sentence) })).sort((a, b) => b.cosine - a.cosine);
      const byInt8 = int8.nearest(vector, sentences.length);
      for (const { row, cosine } of byFloat) largest = Math.max(largest, Math.abs(cosine - int8.cosine(vector, row)));
      const nearestFloat = byFloat.slice(0, NEAREST).map(({ row }) => row);
      const nearestInt8 = byInt8.slice(0, NEAREST).map(({ row }) => row);
      if (answers.has(nearestFloat[0] ?? -1)) firstFloat += 1;
      if (answers.has(nearestInt8[0] ?? -1)) firstInt8 += 1;
      if (nearestFloat.some((row) => answers.has(row))) nearFloat += 1;
      if (nearestInt8.some((row) => answers.has(row))) nearInt8 += 1;
      sameNearest += nearestInt8.filter((row) => nearestFloat.includes(row)).length / NEAREST;
    });
    const share = (count: number) => (count / asked.length).toFixed(3);
    lines.push(
      `| ${name} | ${asked.length} | ${sentences.length} | ${share(firstFloat)} / ${share(firstInt8)} | ${share(nearFloat)} / ${share(nearInt8)} | ${share(sameNearest)} | ${largest.toFixed(4)} |`,
    );
  }
} finally {
  await pool.close();
}
process.stdout.write(`${lines.join('\n')}\n`);
