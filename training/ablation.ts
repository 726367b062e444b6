/**
 * `npm run train -- --ablate`: what each feature of the hybrid model adds. For every ranking and
 * refusal feature, the model is trained again without it, and the drop in the main figures is
 * reported, cross-validated and on every out-of-domain dev half: a feature whose removal helps
 * somewhere is a feature that learned the data rather than the task.
 */
import { RANKING_FEATURES } from '../src/search/model/features.js';
import { REFUSAL_FEATURE_LIST } from '../src/search/model/refusal.js';
import type { Figures } from './figures.js';

interface Measured {
  readonly crossValidated: Record<string, Figures>;
  readonly outOfDomain: Record<string, Figures>;
}

const FIGURES: ReadonlyArray<readonly ['crossValidated' | 'outOfDomain', string, string]> = [
  ['crossValidated', 'squadPerArticle', 'precisionAt1'],
  ['crossValidated', 'newsDev pooled', 'precisionAt1'],
  ['crossValidated', 'newsDev pooled', 'unanswerableRefused'],
  ['crossValidated', 'newsBlindDev pooled', 'precisionAt1'],
  ['outOfDomain', 'infoseekDev pooled', 'precisionAt1'],
  ['outOfDomain', 'news2Dev pooled', 'precisionAt1'],
  ['outOfDomain', 'news2Dev pooled', 'unanswerableRefused'],
];

export function ablationReport(
  base: Measured,
  retrain: (without: ReadonlySet<string>) => Measured,
  progress: (message: string) => void,
): string {
  const value = (measured: Measured, [part, set, figure]: (typeof FIGURES)[number]) => measured[part][set]?.[figure];
  const lines = [
    '\n### Ablation (hybrid): each figure with the feature, less the figure without it (positive: the feature helps)\n',
    `| feature | ${FIGURES.map(([, set, figure]) => `${set} ${figure}`).join(' | ')} |`,
    `|---|${FIGURES.map(() => '---').join('|')}|`,
    `| (all, absolute) | ${FIGURES.map((entry) => String(value(base, entry) ?? '–')).join(' | ')} |`,
  ];
  const features = [...new Set([...RANKING_FEATURES, ...REFUSAL_FEATURE_LIST].map((feature) => feature.name))];
  for (const name of features) {
    const without = retrain(new Set([name]));
    const cells = FIGURES.map((entry) => {
      const [withIt, withoutIt] = [value(base, entry), value(without, entry)];
      if (withIt === undefined || withoutIt === undefined) return '–';
      const change = Math.round((withIt - withoutIt) * 1000) / 1000;
      return `${change > 0 ? '+' : ''}${change}`;
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
    // Each row as it comes: a long run stopped early still tells what it measured.
    progress(`ablation: ${lines.at(-1)}`);
  }
  return `${lines.join('\n')}\n`;
}
