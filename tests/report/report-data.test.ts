import { describe, expect, it } from 'vitest';
import { buildStatsReply } from '../../src/bot/replies/stats-reply.js';
import { ReportBuilder } from '../../src/report/report-data.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import { ARTICLE, asked, voted } from './support/log-lines.js';

const READ = { files: ['questions.jsonl'], lines: 0, damaged: 0, foreign: 0, older: 0 };
const ARTICLES = [
  { id: ARTICLE, title: 'Trump says he "didn\'t make any progress" with Putin' },
  { id: 'never-asked-about', title: 'An article nobody asked about' },
];

function build(lines: Parameters<ReportBuilder['add']>[0][]) {
  const builder = new ReportBuilder({ now: Date.parse('2026-11-30T00:00:00Z'), since: null, days: null, guild: null, articles: ARTICLES });
  for (const line of lines) builder.add(line);
  return builder.build(READ);
}

describe('ReportBuilder', () => {
  it('counts questions by outcome, per day and in all, and the people who asked', () => {
    const data = build([
      asked('who decides', 'answered', { time: '2026-11-01T09:00:00.000Z' }),
      asked('capital of australia', 'nothing-relevant', { time: '2026-11-01T23:59:59.999Z', asker: 'c'.repeat(32) }),
      asked('too fast', 'rate-limited', { time: '2026-11-02T00:00:00.000Z' }),
      asked('x'.repeat(400), 'too-long', { time: '2026-11-02T01:00:00.000Z' }),
      asked('boom', 'error', { time: '2026-11-02T02:00:00.000Z' }),
    ]);
    expect(data.totals).toEqual({
      questions: 5,
      answered: 1,
      notSure: 0,
      unanswered: 1,
      rateLimited: 1,
      tooLong: 1,
      errors: 1,
      askers: 2,
      up: 0,
      down: 0,
    });
    expect(data.perDay).toEqual([
      { day: '2026-11-01', answered: 1, unanswered: 1, refused: 0 },
      { day: '2026-11-02', answered: 0, unanswered: 0, refused: 3 },
    ]);
  });

  it('counts the answers the bot hedged as "not sure" among the answered, and old lines without a confidence as answered', () => {
    const data = build([
      asked('who decides', 'answered', { confidence: 'high' }),
      asked('messi goals', 'answered', { confidence: 'low' }),
      asked('from an older log', 'answered', { confidence: null }),
    ]);
    expect(data.totals).toMatchObject({ answered: 3, notSure: 1, unanswered: 0 });
    expect(renderReportHtml(data)).toContain('3 of 3 the articles were asked; 1 of them hedged as "not sure"');
    const fields = buildStatsReply(data, 'Test server', true).embeds[0]?.fields ?? [];
    expect(fields.find((field) => field.name === 'Answered')?.value).toBe('100 % (3 of 3; 1 not sure)');
  });

  it('counts votes per article voted on, and lists the 👎 newest first beside the passages they were given', () => {
    const first = asked('who decides in russia', 'answered');
    const second = asked('how many calls', 'answered', { time: '2026-11-21T10:00:00.000Z' });
    const data = build([first, second, voted(first, 'up'), voted(first, 'down'), voted(second, 'down', { time: second.time })]);
    expect(data.totals).toMatchObject({ up: 1, down: 2 });
    expect(data.votesPerArticle).toEqual([{ article: ARTICLE, title: ARTICLES[0]?.title, up: 1, down: 2 }]);
    expect(data.downVotes.map((vote) => vote.question)).toEqual(['how many calls', 'who decides in russia']);
    expect(data.downVotes[0]?.passages).toEqual([
      { article: ARTICLE, title: ARTICLES[0]?.title, paragraph: 14, sentence: 40, passage: 'Only Putin makes decisions in Russia.' },
    ]);
  });

  it('lists the articles cited most and those never cited, with their titles', () => {
    const data = build([asked('a', 'answered'), asked('b', 'answered'), asked('c', 'nothing-relevant')]);
    expect(data.cited).toEqual([{ article: ARTICLE, title: ARTICLES[0]?.title, count: 2 }]);
    expect(data.neverCited).toEqual([ARTICLES[1]]);
  });

  it('gives the time to answer at p50, p95 and p99 over the questions the articles were asked', () => {
    const lines = Array.from({ length: 100 }, (_, index) =>
      asked(`q${index}`, index % 2 === 0 ? 'answered' : 'nothing-relevant', { ms: index + 1 }),
    );
    const data = build([...lines, asked('limited', 'rate-limited', { ms: 10_000 })]);
    expect(data.answerTimes).toEqual({ count: 100, p50: 50, p95: 95, p99: 99 });
  });

  it('has no times and no never-cited list when there is nothing to tell', () => {
    const builder = new ReportBuilder({ now: 0, since: null, days: null, guild: null, articles: null });
    const data = builder.build(READ);
    expect(data.answerTimes).toBeNull();
    expect(data.neverCited).toBeNull();
    expect(data.unansweredGroups).toEqual([]);
  });
});
