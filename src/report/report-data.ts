import type { LoggedVotedPassage, QuestionLine, QuestionLogLine, VoteLine } from '../bot/question-log-format.js';
import type { ReadCounts } from './read-question-log.js';
import { UnansweredGrouper, type UnansweredGroup } from './unanswered-groups.js';

/** An article the corpus has now, as the report names it. */
export interface ReportArticle {
  readonly id: string;
  readonly title: string;
}

/** One day's questions (UTC), by what came of them. */
export interface DayCounts {
  /** YYYY-MM-DD. */
  readonly day: string;
  answered: number;
  /** "Nothing relevant": what the articles could not answer. */
  unanswered: number;
  /** Refused (rate limit, too long) or failed: not the articles' doing. */
  refused: number;
}

export interface ArticleVotes {
  readonly article: string;
  readonly title: string;
  up: number;
  down: number;
}

export interface DownVote {
  readonly time: string;
  readonly question: string;
  readonly passages: readonly (LoggedVotedPassage & { readonly title: string })[];
}

/** Milliseconds from a question's arrival to its reply, over the questions the engine answered or refused. */
export interface AnswerTimes {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
}

/** Everything a report shows, as plain data: what `/stats` and the HTML are made from. */
export interface ReportData {
  /** ISO 8601. */
  readonly generated: string;
  /** The period asked for: its first moment (ISO), null for the whole log. */
  readonly since: string | null;
  readonly days: number | null;
  /** The one server reported on, or null for all (DMs included). */
  readonly guild: string | null;
  readonly totals: {
    readonly questions: number;
    readonly answered: number;
    /** Of the answered, those the bot hedged ("I'm not sure the articles answer this"): likely gaps in the articles too. */
    readonly notSure: number;
    readonly unanswered: number;
    readonly rateLimited: number;
    readonly tooLong: number;
    readonly errors: number;
    /** Different people who asked (by their hashed ids). */
    readonly askers: number;
    readonly up: number;
    readonly down: number;
  };
  readonly perDay: readonly DayCounts[];
  readonly unansweredGroups: readonly UnansweredGroup[];
  /** Articles voted on, most 👎 first. */
  readonly votesPerArticle: readonly ArticleVotes[];
  /** The latest 👎, newest first, with what they were given. */
  readonly downVotes: readonly DownVote[];
  /** Articles by how often passages of them were shown, most first. */
  readonly cited: readonly { readonly article: string; readonly title: string; readonly count: number }[];
  /** Articles of the corpus never shown in the period; null when the corpus was not read. */
  readonly neverCited: readonly ReportArticle[] | null;
  readonly answerTimes: AnswerTimes | null;
  readonly read: ReadCounts;
}

export interface ReportDataOptions {
  readonly now: number;
  readonly since: number | null;
  readonly days: number | null;
  readonly guild: string | null;
  /** The corpus's articles now, for titles and "never cited"; null when unknown. */
  readonly articles: readonly ReportArticle[] | null;
  /** 👎 listed at most. Default 12. */
  readonly downVotesShown?: number;
  /** Articles listed at most in "cited most". Default 15. */
  readonly citedShown?: number;
}

/** Accumulates the log's lines, one at a time, into a `ReportData`, in memory bounded by what it shows. */
export class ReportBuilder {
  readonly #options: ReportDataOptions;
  readonly #titles: ReadonlyMap<string, string>;
  readonly #days = new Map<string, DayCounts>();
  readonly #grouper = new UnansweredGrouper();
  readonly #askers = new Set<number>();
  readonly #votes = new Map<string, ArticleVotes>();
  readonly #cited = new Map<string, number>();
  #downVotes: DownVote[] = [];
  #times = new Float64Array(1024);
  #timeCount = 0;
  #totals = { questions: 0, answered: 0, notSure: 0, unanswered: 0, rateLimited: 0, tooLong: 0, errors: 0, askers: 0, up: 0, down: 0 };

  constructor(options: ReportDataOptions) {
    this.#options = options;
    this.#titles = new Map((options.articles ?? []).map((article) => [article.id, article.title]));
  }

  add(line: QuestionLogLine): void {
    if (line.kind === 'question') this.#question(line);
    else this.#vote(line);
  }

  build(read: ReadCounts): ReportData {
    const times = this.#times.subarray(0, this.#timeCount).sort();
    const cited = [...this.#cited]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, this.#options.citedShown ?? 15)
      .map(([article, count]) => ({ article, title: this.#title(article), count }));
    return {
      generated: new Date(this.#options.now).toISOString(),
      since: this.#options.since === null ? null : new Date(this.#options.since).toISOString(),
      days: this.#options.days,
      guild: this.#options.guild,
      totals: { ...this.#totals, askers: this.#askers.size },
      perDay: [...this.#days.values()].sort((a, b) => a.day.localeCompare(b.day)),
      unansweredGroups: this.#grouper.groups(),
      votesPerArticle: [...this.#votes.values()].sort((a, b) => b.down - a.down || b.up - a.up || a.article.localeCompare(b.article)),
      downVotes: this.#downVotes.slice(-(this.#options.downVotesShown ?? 12)).reverse(),
      cited,
      neverCited: this.#options.articles === null ? null : this.#options.articles.filter((article) => !this.#cited.has(article.id)),
      answerTimes:
        times.length === 0
          ? null
          : { count: times.length, p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99) },
      read,
    };
  }

  #question(line: QuestionLine): void {
    const totals = this.#totals;
    totals.questions += 1;
    // The first 32 bits of the hash: distinct people counted without keeping every hash.
    this.#askers.add(Number.parseInt(line.asker.slice(0, 8), 16));
    const day = this.#day(line.time);
    switch (line.outcome) {
      case 'answered':
        totals.answered += 1;
        if (line.confidence === 'low') totals.notSure += 1;
        day.answered += 1;
        this.#grouper.addAnswered(line.question);
        for (const passage of line.passages) this.#cited.set(passage.article, (this.#cited.get(passage.article) ?? 0) + 1);
        break;
      case 'nothing-relevant':
        totals.unanswered += 1;
        day.unanswered += 1;
        this.#grouper.addUnanswered(line.question);
        break;
      case 'rate-limited':
        totals.rateLimited += 1;
        day.refused += 1;
        break;
      case 'too-long':
        totals.tooLong += 1;
        day.refused += 1;
        break;
      case 'error':
        totals.errors += 1;
        day.refused += 1;
        break;
    }
    if (line.outcome === 'answered' || line.outcome === 'nothing-relevant') this.#time(line.ms);
  }

  #vote(line: VoteLine): void {
    if (line.vote === 'up') this.#totals.up += 1;
    else this.#totals.down += 1;
    for (const article of new Set(line.passages.map((passage) => passage.article))) {
      let votes = this.#votes.get(article);
      if (votes === undefined) {
        votes = { article, title: this.#title(article), up: 0, down: 0 };
        this.#votes.set(article, votes);
      }
      votes[line.vote] += 1;
    }
    if (line.vote === 'down') {
      this.#downVotes.push({
        time: line.time,
        question: line.question,
        passages: line.passages.map((passage) => ({ ...passage, title: this.#title(passage.article) })),
      });
      const shown = this.#options.downVotesShown ?? 12;
      if (this.#downVotes.length > shown * 2) this.#downVotes = this.#downVotes.slice(-shown);
    }
  }

  #day(time: string): DayCounts {
    const day = new Date(time).toISOString().slice(0, 10);
    let counts = this.#days.get(day);
    if (counts === undefined) {
      counts = { day, answered: 0, unanswered: 0, refused: 0 };
      this.#days.set(day, counts);
    }
    return counts;
  }

  #time(ms: number): void {
    if (this.#timeCount === this.#times.length) {
      const grown = new Float64Array(this.#times.length * 2);
      grown.set(this.#times);
      this.#times = grown;
    }
    this.#times[this.#timeCount] = ms;
    this.#timeCount += 1;
  }

  #title(article: string): string {
    return this.#titles.get(article) ?? article;
  }
}

/** The nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, share: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[index] ?? 0;
}
