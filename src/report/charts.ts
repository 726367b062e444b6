/**
 * The report's charts, drawn to SVG when the report is built, with Observable Plot over
 * linkedom's document (no browser, no script in the page). Each chart is drawn twice, for a wide
 * and a narrow screen, so that its text stays readable at 420 px instead of being scaled down.
 */
import * as Plot from '@observablehq/plot';
import type { DayCounts, ArticleVotes } from './report-data.js';

/** linkedom's document, which Plot draws into. */
type ReportDocument = NonNullable<Plot.PlotOptions['document']>;
type Chart = ReturnType<typeof Plot.plot>;

/** What a chart is drawn for: a screen at least 700 px wide, or a phone. */
export type ChartSize = 'wide' | 'narrow';
const WIDTH: Readonly<Record<ChartSize, number>> = { wide: 760, narrow: 380 };

/** Colours told apart by people with the common colour blindnesses (Observable's palette). */
export const COLORS = { answered: '#4269d0', unanswered: '#efb118', refused: '#9498a0', up: '#3ca951', down: '#ff725c' } as const;
const OUTCOMES = ['answered', 'unanswered', 'refused'] as const;
const OUTCOME_NAMES: Readonly<Record<(typeof OUTCOMES)[number], string>> = {
  answered: 'answered',
  unanswered: 'nothing relevant',
  refused: 'refused or failed',
};

const BASE = { style: { fontSize: '12px', fontFamily: 'system-ui, sans-serif', overflow: 'visible' } } as const;

function dayDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** Questions per day, answered / nothing relevant / refused stacked. */
export function questionsPerDayChart(document: ReportDocument, days: readonly DayCounts[], size: ChartSize): Chart {
  const rows = days.flatMap((day) =>
    OUTCOMES.map((outcome) => ({ date: dayDate(day.day), outcome: OUTCOME_NAMES[outcome], count: day[outcome] })),
  );
  return Plot.plot({
    ...BASE,
    document,
    width: WIDTH[size],
    height: size === 'wide' ? 260 : 220,
    marginLeft: 44,
    ariaLabel: 'Questions per day, answered and unanswered stacked',
    x: { type: 'utc', label: null, ticks: size === 'wide' ? 8 : 4 },
    y: { grid: true, label: 'questions', tickFormat: 'd' },
    color: { domain: OUTCOMES.map((outcome) => OUTCOME_NAMES[outcome]), range: OUTCOMES.map((outcome) => COLORS[outcome]), legend: true },
    marks: [Plot.rectY(rows, { x: 'date', y: 'count', fill: 'outcome', interval: 'day', inset: 0.5 }), Plot.ruleY([0])],
  });
}

/** The share of the questions the articles were asked that they could not answer, per day. */
export function unansweredShareChart(document: ReportDocument, days: readonly DayCounts[], size: ChartSize): Chart {
  const rows = days
    .filter((day) => day.answered + day.unanswered > 0)
    .map((day) => ({ date: dayDate(day.day), share: day.unanswered / (day.answered + day.unanswered) }));
  return Plot.plot({
    ...BASE,
    document,
    width: WIDTH[size],
    height: size === 'wide' ? 220 : 190,
    marginLeft: 44,
    ariaLabel: 'Share of questions with nothing relevant, per day',
    x: { type: 'utc', label: null, ticks: size === 'wide' ? 8 : 4 },
    y: { domain: [0, 1], grid: true, label: 'nothing relevant', tickFormat: '.0%' },
    marks: [
      Plot.areaY(rows, { x: 'date', y: 'share', fill: COLORS.unanswered, fillOpacity: 0.15, curve: 'monotone-x' }),
      Plot.lineY(rows, { x: 'date', y: 'share', stroke: '#b07d00', strokeWidth: 2, curve: 'monotone-x' }),
      Plot.dot(rows, { x: 'date', y: 'share', fill: '#b07d00', r: 2.5 }),
      Plot.ruleY([0]),
    ],
  });
}

/** 👍 to the right and 👎 to the left of each article voted on (the most 👎 first). */
export function votesChart(document: ReportDocument, votes: readonly ArticleVotes[], size: ChartSize): Chart {
  const shown = votes.slice(0, 10);
  const room = size === 'wide' ? 42 : 24;
  const label = (title: string) => (title.length > room ? `${title.slice(0, room - 1)}…` : title);
  const rows = shown.flatMap((article) => [
    { title: label(article.title), vote: 'up', count: article.up },
    { title: label(article.title), vote: 'down', count: -article.down },
  ]);
  return Plot.plot({
    ...BASE,
    document,
    width: WIDTH[size],
    height: 40 + shown.length * 28,
    marginLeft: size === 'wide' ? 290 : 170,
    ariaLabel: 'Votes per article',
    x: {
      grid: true,
      label: '← 👎 votes down · votes up 👍 →',
      labelAnchor: 'center',
      tickFormat: (value: number) => String(Math.abs(value)),
    },
    y: { domain: shown.map((article) => label(article.title)), label: null },
    color: { domain: ['up', 'down'], range: [COLORS.up, COLORS.down] },
    marks: [Plot.barX(rows, { x: 'count', y: 'title', fill: 'vote' }), Plot.ruleX([0])],
  });
}
