import type { EngineRun, SizeResult } from './results.js';

const COLUMNS = [
  'engine',
  'build s',
  'sentences/s',
  'p50 ms',
  'p99 ms',
  '1st q ms',
  'heap MB (index)',
  'buffers MB',
  'RSS MB: built · after questions',
  'ready cold s',
  'ready from snapshot s',
  'answer in top 3',
  '× MiniSearch: build · p50 · index heap',
];
const BEFORE_COLUMN = '× before: p50 · p99';

/** One size's results as a Markdown table, with a heading that says what was measured. */
export function sizeTable(size: SizeResult, largeCap: string | null, questionBudgetMs: number): string {
  const { corpus } = size;
  const withBefore = size.engines.some((run) => run.engine === 'before');
  const columns = withBefore ? [...COLUMNS, BEFORE_COLUMN] : COLUMNS;
  const heading = `### ${size.articles.toLocaleString('en-US')} article${size.articles === 1 ? '' : 's'} · ${corpus.parsedSentences.toLocaleString('en-US')} sentences · ${size.questions} questions`;
  const notes = [
    `${corpus.copies} cop${corpus.copies === 1 ? 'y' : 'ies'} of the source sentences; sha256 ${corpus.sha256.slice(0, 12)}`,
    ...(size.questionsCapped && largeCap !== null ? [largeCap] : []),
  ];
  const lines = [heading, '', notes.map((note) => `_${note}_`).join(' · '), '', row(columns), row(columns.map(() => '---'))];
  for (const run of size.engines) lines.push(row(withBefore ? [...cells(run), beforeCell(run)] : cells(run)));
  const cut = size.engines.filter((run) => run.questionsAsked !== undefined && run.questionsAsked < run.questions);
  if (cut.length > 0) {
    const who = cut.map((run) => `${run.label} ${run.questionsAsked}`).join(', ');
    lines.push(
      '',
      `_\\* latency and answers over the first questions only, asked within the ${questionBudgetMs / 1000} s question budget: ${who} of ${size.questions}._`,
    );
  }
  return lines.join('\n');
}

function cells(run: EngineRun): string[] {
  const f = run.figures;
  if (run.status !== 'ok' || f === undefined)
    return [run.label, ...COLUMNS.slice(1).map((_, index) => (index === 0 ? `**${run.status}**: ${firstLine(run.message)}` : ''))];
  const ratios = run.vsMiniSearch;
  const cut = run.questionsAsked !== undefined && run.questionsAsked < run.questions ? ' \\*' : '';
  return [
    `${run.label}${cut}`,
    `${fixed(f.buildS, 3)}${phases(f.phasesS)}`,
    whole(f.sentencesPerS),
    fixed(f.p50Ms, 2),
    fixed(f.p99Ms, 2),
    fixed(f.firstQuestionMs, 1),
    `${whole(f.heapMB)} (${whole(f.indexHeapMB)})`,
    whole(f.arrayBuffersMB),
    `${whole(f.rssMB)} · ${whole(f.rssAfterQuestionsMB)}${f.modelRssMB === null ? '' : ` (model's worker +${whole(f.modelRssMB)})`}`,
    fixed(f.coldReadyS, 2),
    snapshotCell(run),
    `${percent(f.goldInTop3Share)} (answered ${percent(f.answeredShare)})`,
    run.engine === 'minisearch'
      ? '1'
      : ratios === undefined
        ? '–'
        : `${ratio(ratios.build)} · ${ratio(ratios.p50)} · ${ratio(ratios.indexHeap)}`,
  ];
}

function phases(phasesS: Readonly<Record<string, number>>): string {
  const parts = Object.entries(phasesS).map(([phase, s]) => `${phase} ${fixed(s, 2)}`);
  return parts.length === 0 ? '' : ` (${parts.join(' · ')})`;
}

function beforeCell(run: EngineRun): string {
  if (run.engine === 'before') return '1';
  const ratios = run.vsBefore;
  return ratios === undefined ? '–' : `${ratio(ratios.p50)} · ${ratio(ratios.p99)}`;
}

/**
 * The engine before (`--before`) and ours, by words and by words and meaning, size by size: the
 * side-by-side figures of issue 18 ("p99 at 1,000 articles at most 2× the engine before").
 */
export function beforeAfterTable(sizes: readonly SizeResult[], beforeLabel: string): string {
  const rows = sizes.map((size) => {
    const of = (engine: EngineRun['engine']) => size.engines.find((run) => run.engine === engine);
    const before = of('before')?.figures;
    const cellsOf = (engine: EngineRun['engine']): string[] => {
      const run = of(engine);
      const f = run?.figures;
      if (run === undefined) return ['', ''];
      if (f === undefined) return [`**${run.status}**`, ''];
      return [
        `${fixed(f.p50Ms, 2)} / ${fixed(f.p99Ms, 2)}`,
        run.vsBefore === undefined ? '–' : `${ratio(run.vsBefore.p50)} · ${ratio(run.vsBefore.p99)}`,
      ];
    };
    const meaning = of('ours-meaning') ?? of('ours-meaning-stand-in');
    const embedding = meaning?.figures?.questionParts['question embedding'];
    return row([
      `${size.articles.toLocaleString('en-US')} (${size.questions} questions)`,
      before === undefined ? '–' : `${fixed(before.p50Ms, 2)} / ${fixed(before.p99Ms, 2)}`,
      ...cellsOf('ours'),
      ...cellsOf(meaning?.engine ?? 'ours-meaning'),
      embedding === undefined ? '' : `${fixed(embedding.p50Ms, 2)} / ${fixed(embedding.p99Ms, 2)}`,
    ]);
  });
  const header = [
    'articles',
    `${beforeLabel}: p50 / p99 ms`,
    'now, words: p50 / p99 ms',
    '× before: p50 · p99',
    'now, words + meaning: p50 / p99 ms',
    '× before: p50 · p99',
    "of which the question's embedding: p50 / p99 ms",
  ];
  return ['### Side by side: the engine before and now', '', row(header), row(header.map(() => '---')), ...rows].join('\n');
}

function snapshotCell(run: EngineRun): string {
  const snapshot = run.snapshot;
  if (snapshot === null) return 'n/a';
  if (snapshot.status !== 'ok' || snapshot.readyS === undefined) return `**${snapshot.status}**`;
  const warning = snapshot.answersMatch === false ? ' ⚠ answers differ' : '';
  return `${fixed(snapshot.readyS, 2)} (${fixed(snapshot.sizeMB ?? Number.NaN, 1)} MB)${warning}`;
}

/** The legend printed under the tables. */
export const LEGEND = [
  '- **build s**: building the index from sentences already in memory; **sentences/s** = sentences / build s.',
  '- **p50/p99 ms**: latency of `ask(question, limit 3)` (engine search + taking the top 3), after warm-up questions that are not timed; **1st q ms**: the very first question after ready.',
  '- **heap MB (index)**: V8 heap used after build and two forced gcs, in a process of its own; the loaded corpus (the same for every engine) is included, the number in brackets is what building added.',
  "- **buffers MB**: ArrayBuffers outside V8's heap after build (where sentence vectors live); **RSS MB**: the whole process after build and after the timed questions (each after gc), worker threads included, and in brackets what loading the model's worker added, measured around that step.",
  '- **ready cold s**: from spawning a fresh `node --import tsx` process to ready to answer: imports, reading and parsing the .txt files with our loader, building. Disk and tsx caches are warm.',
  '- **ready from snapshot s**: the same, restoring a saved index instead of building (size of the snapshot in brackets); n/a where the adapter has no snapshot. Ours restores with `loadEngine(dir)` as the bot starts, which also fingerprints every article file.',
  '- **answer in top 3**: a sanity check that an engine does real work, not a quality metric (see `npm run eval`): timed questions with a SQuAD gold answer verbatim in the 3 returned sentences; answered = got anything back.',
  '- **× MiniSearch**: this engine / plain MiniSearch in the same run; below 1 is faster or smaller. **× before**: this engine / the engine before (`--before`) in the same run.',
  "- **build s** of an engine with meaning: in brackets its parts: index, the corpus's vectors (from the cache), the model loaded in its worker thread; **p50/p99** then include embedding the question in that worker.",
].join('\n');

function row(values: readonly string[]): string {
  return `| ${values.join(' | ')} |`;
}

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

function whole(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–';
}

function percent(share: number): string {
  return `${(share * 100).toFixed(0)}%`;
}

function ratio(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}×`;
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n')[0]?.slice(0, 120) ?? '';
}
