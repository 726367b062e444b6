/**
 * The report as one self-contained HTML page: its style inline, its charts inline SVG, no
 * script, nothing loaded from anywhere (its content security policy forbids it). Every piece of
 * text from the log (questions, passages, titles) is set as text through the DOM, never as markup.
 */
import { basename } from 'node:path';
import { parseHTML } from 'linkedom';
import { questionsPerDayChart, unansweredShareChart, votesChart, type ChartSize } from './charts.js';
import type { ReportData } from './report-data.js';
import { REPORT_CSS } from './report-css.js';

type Doc = ReturnType<typeof parseHTML>['document'];
type Node = ReturnType<Doc['createElement']>;
type Child = Node | string | null;

const NEVER_CITED_LISTED = 60;

export interface RenderOptions {
  /** The server's name, for the title (`/stats`); else its id is shown. */
  readonly guildName?: string | null;
}

export function renderReportHtml(data: ReportData, options: RenderOptions = {}): string {
  const { document } = parseHTML('<!doctype html><html lang="en"><head></head><body></body></html>');
  const h = (tag: string, attributes: Readonly<Record<string, string>> = {}, ...children: Child[]): Node => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    for (const child of children) if (child !== null) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
    return element;
  };
  const where = data.guild === null ? 'every server and DMs' : `server ${options.guildName ?? data.guild}`;

  document.head.append(
    h('meta', { charset: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { 'http-equiv': 'Content-Security-Policy', content: "default-src 'none'; style-src 'unsafe-inline'; img-src data:" }),
    h('meta', { name: 'generator', content: 'article-qa-bot npm run report' }),
    h('title', {}, `What members asked · ${where}`),
    h('style', {}, REPORT_CSS),
  );

  const share = (part: number, whole: number): string => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)} %`);
  const { totals } = data;
  const asked = totals.answered + totals.unanswered;
  const figure = (label: string, value: string, note: string | null = null, tone = ''): Node =>
    h(
      'div',
      { class: `figure ${tone}`.trim() },
      h('p', { class: 'figure-value' }, value),
      h('p', { class: 'figure-label' }, label),
      note === null ? null : h('p', { class: 'figure-note' }, note),
    );
  const charts = (draw: (size: ChartSize) => Node, caption: string): Node =>
    h(
      'figure',
      { class: 'chart' },
      h('div', { class: 'chart-wide' }, draw('wide')),
      h('div', { class: 'chart-narrow' }, draw('narrow')),
      h('figcaption', {}, caption),
    );
  const section = (id: string, title: string, ...children: Child[]): Node =>
    h('section', { id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, title), ...children);
  const empty = (text: string): Node => h('p', { class: 'empty' }, text);
  const table = (head: readonly string[], rows: readonly (readonly Child[])[], numeric: readonly number[] = []): Node =>
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, ...head.map((cell, index) => h('th', numeric.includes(index) ? { class: 'num' } : {}, cell)))),
        h(
          'tbody',
          {},
          ...rows.map((row) => h('tr', {}, ...row.map((cell, index) => h('td', numeric.includes(index) ? { class: 'num' } : {}, cell)))),
        ),
      ),
    );
  const when = (iso: string): string => iso.replace('T', ' ').slice(0, 16);
  const period =
    data.since === null
      ? `the whole log${data.perDay.length > 0 ? ` (${data.perDay[0]?.day} to ${data.perDay.at(-1)?.day})` : ''}`
      : `the last ${data.days === 1 ? 'day' : `${data.days} days`} (since ${when(data.since)} UTC)`;

  const body = h(
    'main',
    {},
    h(
      'header',
      {},
      h('h1', {}, 'What members asked, and what went unanswered'),
      h('p', { class: 'lede' }, `${where[0]?.toUpperCase()}${where.slice(1)} · ${period} · made ${when(data.generated)} UTC`),
    ),
    h(
      'section',
      { class: 'figures', 'aria-label': 'Headline figures' },
      figure(
        'questions',
        totals.questions.toLocaleString('en'),
        `from ${totals.askers.toLocaleString('en')} ${totals.askers === 1 ? 'person' : 'people'}`,
      ),
      figure(
        'answered',
        share(totals.answered, asked),
        `${totals.answered.toLocaleString('en')} of ${asked.toLocaleString('en')} the articles were asked` +
          (totals.notSure > 0 ? `; ${totals.notSure.toLocaleString('en')} of them hedged as "not sure"` : ''),
        'answered',
      ),
      figure('nothing relevant', share(totals.unanswered, asked), `${totals.unanswered.toLocaleString('en')} questions`, 'unanswered'),
      figure(
        'refused or failed',
        (totals.rateLimited + totals.tooLong + totals.errors).toLocaleString('en'),
        `${totals.rateLimited} rate-limited · ${totals.tooLong} too long · ${totals.errors} errors`,
        'refused',
      ),
      figure('👍 / 👎', `${totals.up} / ${totals.down}`, 'votes on answers'),
      figure(
        'time to answer, median',
        data.answerTimes === null ? '–' : `${formatMs(data.answerTimes.p50)}`,
        data.answerTimes === null ? null : `p95 ${formatMs(data.answerTimes.p95)} · p99 ${formatMs(data.answerTimes.p99)}`,
      ),
    ),
    section(
      'per-day',
      'Questions per day',
      data.perDay.length === 0
        ? empty('No questions in this period.')
        : charts(
            (size) => questionsPerDayChart(document, data.perDay, size),
            'Each day’s questions (UTC): answered, nothing relevant, and refused (rate limit, too long) or failed.',
          ),
      data.perDay.length === 0
        ? null
        : h(
            'details',
            {},
            h('summary', {}, 'The figures, day by day'),
            table(
              ['day', 'answered', 'nothing relevant', 'refused or failed'],
              data.perDay.map((day) => [day.day, String(day.answered), String(day.unanswered), String(day.refused)]),
              [1, 2, 3],
            ),
          ),
    ),
    section(
      'unanswered-share',
      'Unanswered share over time',
      data.perDay.some((day) => day.answered + day.unanswered > 0)
        ? charts(
            (size) => unansweredShareChart(document, data.perDay, size),
            'Of the questions the articles were asked each day, the share they had nothing relevant for.',
          )
        : empty('No question reached the articles in this period.'),
    ),
    section(
      'unanswered',
      'What went unanswered: what to add to the articles',
      h(
        'p',
        { class: 'section-note' },
        'Questions the articles had nothing relevant for, grouped by the names and key terms they share; the largest groups first.',
      ),
      data.unansweredGroups.length === 0
        ? empty('Every question the articles were asked found something relevant.')
        : h(
            'ol',
            { class: 'groups' },
            ...data.unansweredGroups.map((group) =>
              h(
                'li',
                { class: 'group' },
                h(
                  'div',
                  { class: 'group-head' },
                  h('h3', {}, group.label.length === 0 ? 'Asked once, about other things' : group.label.join(' · ')),
                  h('span', { class: 'count' }, `${group.count.toLocaleString('en')} ${group.count === 1 ? 'question' : 'questions'}`),
                ),
                h(
                  'ul',
                  { class: 'examples' },
                  ...group.examples.map((example) =>
                    h('li', {}, `“${example.question}”`, example.times > 1 ? h('span', { class: 'times' }, ` ×${example.times}`) : null),
                  ),
                ),
              ),
            ),
          ),
    ),
    section(
      'votes',
      '👍 and 👎 per article',
      data.votesPerArticle.length === 0
        ? empty('No votes in this period.')
        : charts(
            (size) => votesChart(document, data.votesPerArticle, size),
            'Votes on answers that quoted each article (a vote counts for every article on the page voted on); the most 👎 first.',
          ),
      data.votesPerArticle.length === 0
        ? null
        : table(
            ['article', '👍', '👎'],
            data.votesPerArticle.map((votes) => [votes.title, String(votes.up), String(votes.down)]),
            [1, 2],
          ),
    ),
    section(
      'down-votes',
      'Answers voted 👎: the question beside what was shown',
      data.downVotes.length === 0
        ? empty('No 👎 in this period.')
        : h(
            'ol',
            { class: 'down-votes' },
            ...data.downVotes.map((vote) =>
              h(
                'li',
                {},
                h('p', { class: 'asked' }, h('span', { class: 'when' }, `${when(vote.time)} UTC`), ` “${vote.question}”`),
                h(
                  'ul',
                  { class: 'shown' },
                  ...vote.passages.map((passage) =>
                    h(
                      'li',
                      {},
                      h('blockquote', {}, passage.passage),
                      h('p', { class: 'source' }, `${passage.title}, paragraph ${passage.paragraph}`),
                    ),
                  ),
                ),
              ),
            ),
          ),
    ),
    section(
      'cited',
      'Articles cited most, and never',
      data.cited.length === 0
        ? empty('No passage was shown in this period.')
        : table(
            ['article', 'passages shown'],
            data.cited.map((article) => [article.title, article.count.toLocaleString('en')]),
            [1],
          ),
      h('h3', {}, 'Never cited in this period'),
      data.neverCited === null
        ? empty('The corpus could not be read, so the articles never cited are not known.')
        : data.neverCited.length === 0
          ? empty('Every article was cited at least once.')
          : h(
              'ul',
              { class: 'never' },
              ...data.neverCited.slice(0, NEVER_CITED_LISTED).map((article) => h('li', {}, article.title)),
              data.neverCited.length > NEVER_CITED_LISTED
                ? h('li', { class: 'more' }, `… and ${data.neverCited.length - NEVER_CITED_LISTED} more`)
                : null,
            ),
    ),
    section(
      'time',
      'Time to answer',
      data.answerTimes === null
        ? empty('No question reached the articles in this period.')
        : table(
            ['questions', 'p50', 'p95', 'p99'],
            [
              [
                data.answerTimes.count.toLocaleString('en'),
                formatMs(data.answerTimes.p50),
                formatMs(data.answerTimes.p95),
                formatMs(data.answerTimes.p99),
              ],
            ],
            [0, 1, 2, 3],
          ),
      h(
        'p',
        { class: 'section-note' },
        'From a question’s arrival to its reply being sent, for the questions the articles were asked (answered or nothing relevant).',
      ),
    ),
    h(
      'footer',
      {},
      h(
        'p',
        {},
        `Read ${data.read.lines.toLocaleString('en')} log lines from ${data.read.files.length === 0 ? 'no file (the log is empty or off)' : data.read.files.map((file) => basename(file)).join(', ')}. `,
        h(
          'strong',
          { class: 'skipped' },
          `Skipped ${data.read.damaged.toLocaleString('en')} damaged ${data.read.damaged === 1 ? 'line' : 'lines'}`,
        ),
        ` (not JSON) and ${data.read.foreign.toLocaleString('en')} ${data.read.foreign === 1 ? 'line' : 'lines'} that are not question log lines; ${data.read.older.toLocaleString('en')} ${data.read.older === 1 ? 'line was' : 'lines were'} from before the period.`,
      ),
      h('p', {}, 'Askers are counted by a keyed hash of their Discord id; the log holds no id. Made by npm run report (article-qa-bot).'),
    ),
  );
  document.body.append(body);
  return document.toString();
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}
