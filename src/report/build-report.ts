import type { ReportArticle } from './report-data.js';
import { ReportBuilder, type ReportData } from './report-data.js';
import { readQuestionLog } from './read-question-log.js';
import { renderReportHtml } from './render-html.js';

const DAY_MS = 86_400_000;

export interface ReportRequest {
  /** The question log (`QUESTION_LOG`); its rotated files are read too. */
  readonly file: string;
  /** The last N days only; null for the whole log. */
  readonly days: number | null;
  /** One server only; null for every server and DMs. */
  readonly guild: string | null;
  /** The corpus's articles now (titles, "never cited"); null when unknown. */
  readonly articles: readonly ReportArticle[] | null;
  /** Epoch milliseconds. Default `Date.now()`. */
  readonly now?: number;
  /** The server's name, for the page's title. */
  readonly guildName?: string | null;
}

/** Reads the log (streamed) into the report's figures. */
export async function reportData(request: ReportRequest): Promise<ReportData> {
  const now = request.now ?? Date.now();
  const since = request.days === null ? null : now - request.days * DAY_MS;
  const builder = new ReportBuilder({ now, since, days: request.days, guild: request.guild, articles: request.articles });
  const read = await readQuestionLog(request.file, { since, guild: request.guild }, (line) => builder.add(line));
  return builder.build(read);
}

/** The report: its figures, and the self-contained HTML page that shows them. */
export async function buildReport(request: ReportRequest): Promise<{ data: ReportData; html: string }> {
  const data = await reportData(request);
  return { data, html: renderReportHtml(data, { guildName: request.guildName ?? null }) };
}
