/**
 * What `npm run train` prints: the figures it stored, and whether the change it was run for may
 * be kept: pooled cross-validated P@1 up on the sets trained on, and no out-of-domain dev set
 * worse by more than one question in a hundred.
 */
import type { ModelFile, Variant } from '../src/search/model/model-file.js';

type FigureTable = Record<string, Record<string, number>>;

const COLUMNS = [
  'answerable',
  'precisionAt1',
  'meanReciprocalRank',
  'top3RankingOnly',
  'rightArticleFirst',
  'answerableRefused',
  'answerableNotSure',
  'unanswerableRefused',
  'unanswerableNotConfident',
  'off-topicRefused',
  'off-topicNotConfident',
] as const;

function tableOf(file: ModelFile, part: 'crossValidated' | 'outOfDomainDev', variant: Variant): FigureTable {
  return (file[part][variant] ?? {}) as FigureTable;
}

/** The stored figures as Markdown tables, one per variant and kind of figure. */
export function formatFigures(file: ModelFile): string {
  const lines: string[] = [];
  for (const variant of ['lexical', 'hybrid'] as const) {
    for (const [part, title] of [
      ['crossValidated', 'cross-validated (out of fold) on what it learns from'],
      ['outOfDomainDev', 'out-of-domain dev halves (never learned from; thresholds chosen on them)'],
    ] as const) {
      lines.push(`\n### ${variant}: ${title}\n`, `| set | ${COLUMNS.join(' | ')} |`, `|---|${COLUMNS.map(() => '---').join('|')}|`);
      for (const [name, figures] of Object.entries(tableOf(file, part, variant))) {
        lines.push(`| ${name} | ${COLUMNS.map((column) => (figures[column] === undefined ? '–' : String(figures[column]))).join(' | ')} |`);
      }
    }
  }
  const thresholds = (['lexical', 'hybrid'] as const).map(
    (variant) =>
      `${variant}: high at ${file[variant].refusal.threshold}, low at ${file[variant].refusal.lowThreshold}, off-topic below ${file[variant].topic.threshold}`,
  );
  return `${lines.join('\n')}\n\nThresholds: ${thresholds.join('; ')}.\n`;
}

/** The keep rule, applied to the hybrid model against the one trained before. */
export function compareWithPrevious(previous: ModelFile, next: ModelFile): string {
  const lines = ['\n### Against the model trained before (hybrid)\n', '| figure | before | now | change |', '|---|---|---|---|'];
  const verdicts: string[] = [];
  const compare = (part: 'crossValidated' | 'outOfDomainDev', set: string, figure: string, kind: 'must improve' | 'may not fall') => {
    const before = tableOf(previous, part, 'hybrid')[set]?.[figure];
    const now = tableOf(next, part, 'hybrid')[set]?.[figure];
    if (before === undefined || now === undefined) return;
    const change = Math.round((now - before) * 1000) / 1000;
    lines.push(`| ${part} ${set} ${figure} | ${before} | ${now} | ${change >= 0 ? '+' : ''}${change} |`);
    if (kind === 'may not fall' && change < -0.01) verdicts.push(`${set} ${figure} fell by ${-change}`);
    if (kind === 'must improve' && change <= 0) verdicts.push(`${set} ${figure} did not improve`);
  };
  for (const set of Object.keys(tableOf(next, 'crossValidated', 'hybrid')).filter((name) => name.endsWith(' pooled')))
    compare('crossValidated', set, 'precisionAt1', 'must improve');
  compare('crossValidated', 'squadPerArticle', 'precisionAt1', 'may not fall');
  for (const set of Object.keys(tableOf(next, 'outOfDomainDev', 'hybrid'))) {
    for (const figure of ['precisionAt1', 'top3RankingOnly', 'unanswerableRefused', 'off-topicRefused'])
      compare('outOfDomainDev', set, figure, 'may not fall');
  }
  lines.push(
    '',
    verdicts.length === 0
      ? 'Keep rule: met (pooled cross-validated P@1 up, no out-of-domain dev figure down by more than 0.01).'
      : `Keep rule: NOT met: ${verdicts.join('; ')}. Keep the change only if this is expected and said.`,
  );
  return `${lines.join('\n')}\n`;
}
