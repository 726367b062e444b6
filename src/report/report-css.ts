/**
 * The report's style, inline in its page. Readable from a 420 px phone to a 1280 px screen: one
 * column, figures that wrap, tables that scroll sideways inside their box rather than the page,
 * and each chart drawn for its width (`.chart-wide` above 700 px, `.chart-narrow` below).
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --answered: #4269d0; --unanswered: #b07d00; --refused: #6e7781; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 40px; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 6px; }
h2 { font-size: 1.25rem; margin: 0 0 12px; }
h3 { font-size: 1rem; margin: 0; }
.lede, .section-note, figcaption, .empty, footer { color: var(--muted); }
.lede { margin: 0; }
section { margin-top: 36px; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(136px, 1fr)); gap: 12px; margin-top: 24px; }
.figure { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.figure p { margin: 0; }
.figure-value { font-size: 1.6rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.figure-label { font-weight: 600; }
.figure-note { color: var(--muted); font-size: 0.85rem; }
.figure.answered .figure-value { color: var(--answered); }
.figure.unanswered .figure-value { color: var(--unanswered); }
.figure.refused .figure-value { color: var(--refused); }
.chart, .chart figure { margin: 0; }
.chart svg { max-width: 100%; height: auto; }
.chart-narrow { display: none; }
@media (max-width: 700px) { .chart-wide { display: none; } .chart-narrow { display: block; } main { padding: 16px 12px 32px; } h1 { font-size: 1.4rem; } }
figcaption { font-size: 0.9rem; margin-top: 4px; }
details { margin-top: 10px; }
summary { cursor: default; color: var(--muted); }
.table-scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; margin-top: 10px; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
tbody tr:last-child td { border-bottom: 0; }
th { background: var(--panel); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.groups { list-style: none; padding: 0; margin: 0; display: grid; gap: 12px; }
.group { border: 1px solid var(--line); border-left: 4px solid #efb118; border-radius: 8px; padding: 10px 14px; }
.group-head { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; justify-content: space-between; }
.group h3 { overflow-wrap: anywhere; }
.count { color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
.examples { margin: 6px 0 0; padding-left: 20px; overflow-wrap: anywhere; }
.times { color: var(--muted); font-size: 0.9rem; }
.down-votes { padding-left: 20px; }
.down-votes > li { margin-bottom: 14px; overflow-wrap: anywhere; }
.asked { margin: 0; font-weight: 600; }
.when { color: var(--muted); font-weight: 400; font-size: 0.9rem; }
.shown { list-style: none; padding: 0; margin: 6px 0 0; }
.shown blockquote { margin: 0; padding: 4px 10px; border-left: 3px solid #ff725c; background: #fff5f3; }
.source { margin: 2px 0 8px; color: var(--muted); font-size: 0.9rem; }
.never { columns: 2 260px; padding-left: 20px; overflow-wrap: anywhere; }
footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line); font-size: 0.9rem; overflow-wrap: anywhere; }
.skipped { color: var(--ink); }
`;
