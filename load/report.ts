/** The load test's numbers, and the Markdown summary printed at the end. */
import { EVENT_KINDS, KIND_LABEL, isQuestion, type EventKind, type Plan } from './schedule.js';
import { ackLatencyOf, isInteraction, latencyOf, refusedQuietly, type Outcome, type TrackedEvent, type Tracker } from './tracker.js';

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

function ms(value: number | null): string {
  return value === null ? '–' : `${Math.round(value)} ms`;
}

function micro(value: number | null): string {
  return value === null ? '–' : `${(value * 1000).toFixed(0)} µs`;
}

/** Issue 19: logging may cost a reply at most this much at p99. */
const RECORD_P99_LIMIT_MS = 1;

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

export interface CacheSizes {
  /** discord.js REST queues: one per interaction token used for a webhook request; the bot sweeps idle ones every minute and past 100. */
  readonly restHandlers: number;
  readonly channels: number;
  /** Cached messages over all channels (discord.js keeps at most 200 a channel). */
  readonly messages: number;
  readonly users: number;
}

export interface RunFacts {
  readonly plan: Plan;
  readonly tracker: Tracker;
  readonly rateLimit: { readonly questions: number; readonly windowSeconds: number };
  readonly targetRate: number;
  /** First send to last send of the measured run. */
  readonly sendSeconds: number;
  readonly heapBefore: number;
  readonly heapAfter: number;
  /** After dropping finished REST queues, as the bot's own sweep does. */
  readonly heapAfterSweep: number;
  /** After that, and after emptying discord.js's message caches: what the bot itself kept. */
  readonly heapWithoutCaches: number;
  readonly cachesBefore: CacheSizes;
  readonly cachesAfter: CacheSizes;
  readonly heapLimit: number;
  readonly gcAvailable: boolean;
  readonly feedback: { readonly lines: number; readonly unparsable: number; readonly endsWithNewline: boolean };
  /** The question log's lines, and the milliseconds each `record` call took (warm-up included). */
  readonly questionLog: {
    readonly lines: number;
    readonly unparsable: number;
    readonly endsWithNewline: boolean;
    readonly recordMs: readonly number[];
  };
  readonly botErrors: readonly string[];
  readonly botWarnings: number;
  readonly quick: boolean;
}

export interface Verdict {
  readonly ok: boolean;
  readonly markdown: string;
}

interface Row {
  sent: number;
  outcomes: Record<Outcome, number>;
  /** Past the limit and rightly not answered: the sender had been told once already. */
  quiet: number;
  unanswered: number;
  twice: number;
  latencies: number[];
}

function emptyRow(): Row {
  return { sent: 0, outcomes: { answer: 0, 'rate-limited': 0, thanks: 0, other: 0 }, quiet: 0, unanswered: 0, twice: 0, latencies: [] };
}

function addTo(row: Row, event: TrackedEvent): void {
  row.sent += 1;
  if (refusedQuietly(event)) row.quiet += 1;
  else if (event.outcome === null) row.unanswered += 1;
  else row.outcomes[event.outcome] += 1;
  if (event.replies > 1) row.twice += 1;
  const latency = latencyOf(event);
  if (latency !== null) row.latencies.push(latency);
}

function rowLine(label: string, row: Row): string {
  const sorted = [...row.latencies].sort((a, b) => a - b);
  const answered = row.outcomes.answer + row.outcomes.thanks;
  return `| ${label} | ${count(row.sent)} | ${count(answered)} | ${count(row.outcomes['rate-limited'])} | ${count(row.quiet)} | ${count(row.outcomes.other)} | ${count(row.unanswered)} | ${count(row.twice)} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 99))} | ${ms(sorted.at(-1) ?? null)} |`;
}

export function summarize(facts: RunFacts): Verdict {
  const { plan, tracker } = facts;
  const run = [...tracker.events.values()].filter((event) => event.phase === 'run');
  const warmUp = [...tracker.events.values()].filter((event) => event.phase === 'warm-up');

  const rows = new Map<EventKind, Row>(EVENT_KINDS.map((kind) => [kind, emptyRow()]));
  const all = emptyRow();
  for (const event of run) {
    const row = rows.get(event.planned.kind);
    if (row !== undefined) addTo(row, event);
    addTo(all, event);
  }

  const everything = [...warmUp, ...run];
  const unanswered = everything.filter((event) => event.replies === 0 && !refusedQuietly(event));
  const twice = everything.filter((event) => event.replies > 1).length;
  const wrong = everything.filter((event) => event.wrong).length;

  // Rate limit, per user.
  const refusedPerUser = plan.users.map(() => 0);
  const questionsPerUser = plan.users.map(() => 0);
  for (const event of run) {
    if (!isQuestion(event.planned.kind)) continue;
    questionsPerUser[event.planned.user] = (questionsPerUser[event.planned.user] ?? 0) + 1;
    if (event.outcome === 'rate-limited' || refusedQuietly(event)) {
      refusedPerUser[event.planned.user] = (refusedPerUser[event.planned.user] ?? 0) + 1;
    }
  }
  const ordinary = plan.users.map((_, index) => index).filter((index) => !plan.heavyUsers.has(index));
  const heavy = [...plan.heavyUsers];
  const ordinaryRefused = ordinary.reduce((sum, index) => sum + (refusedPerUser[index] ?? 0), 0);
  const heavyRefused = heavy.reduce((sum, index) => sum + (refusedPerUser[index] ?? 0), 0);
  const overLimit = plan.users.map((_, index) => index).filter((index) => (questionsPerUser[index] ?? 0) > facts.rateLimit.questions);
  const ordinaryMax = Math.max(0, ...ordinary.map((index) => questionsPerUser[index] ?? 0));
  const heavyCounts = heavy.map((index) => questionsPerUser[index] ?? 0).sort((a, b) => a - b);

  const acks = run
    .filter((event) => isInteraction(event.planned.kind))
    .map(ackLatencyOf)
    .filter((value): value is number => value !== null)
    .sort((a, b) => a - b);
  const lateAcks = acks.filter((value) => value > 3000).length;

  const thanks = everything.filter((event) => event.outcome === 'thanks').length;
  const questionsAsked = everything.filter((event) => isQuestion(event.planned.kind)).length;
  const recordMs = [...facts.questionLog.recordMs].sort((a, b) => a - b);
  const heapGrowth = facts.heapAfter - facts.heapBefore;

  const checks: { readonly ok: boolean; readonly text: string }[] = [
    { ok: unanswered.length === 0, text: `every event answered: ${count(unanswered.length)} unanswered` },
    { ok: twice === 0, text: `none answered twice: ${count(twice)} answered more than once` },
    {
      ok: wrong === 0,
      text: `each answer is the right kind (answer / "try again" / thanks, ephemeral where it must be): ${count(wrong)} wrong`,
    },
    {
      ok:
        overLimit.length > 0 &&
        ordinaryRefused === 0 &&
        heavyRefused === heavy.reduce((sum, index) => sum + Math.max(0, (questionsPerUser[index] ?? 0) - facts.rateLimit.questions), 0),
      text: `rate limit applied per user: ${overLimit.length} users over it, ${count(heavyRefused)} of their questions refused, ${count(ordinaryRefused)} refused for the others`,
    },
    {
      ok: tracker.refusedCount === 0,
      text: `no request refused by the server (Discord's limits, double acknowledgements): ${count(tracker.refusedCount)}`,
    },
    {
      ok: facts.feedback.lines === thanks && facts.feedback.unparsable === 0 && facts.feedback.endsWithNewline,
      text: `feedback file: ${count(facts.feedback.lines)} whole JSON lines for ${count(thanks)} 👍 thanked, ${facts.feedback.unparsable} unparsable`,
    },
    {
      // Every question is a line whatever came of it (answered, refused by the rate limit, quietly or not), and every 👍 one more.
      ok: facts.questionLog.lines === questionsAsked + thanks && facts.questionLog.unparsable === 0 && facts.questionLog.endsWithNewline,
      text: `question log: ${count(facts.questionLog.lines)} whole JSON lines for ${count(questionsAsked)} questions and ${count(thanks)} votes, ${facts.questionLog.unparsable} unparsable`,
    },
    {
      ok: (percentile(recordMs, 99) ?? 0) < RECORD_P99_LIMIT_MS,
      text: `logging a question or vote costs the reply p50 ${micro(percentile(recordMs, 50))}, p99 ${micro(percentile(recordMs, 99))}, max ${micro(recordMs.at(-1) ?? null)} (${count(recordMs.length)} calls; limit p99 < ${RECORD_P99_LIMIT_MS} ms)`,
    },
    { ok: facts.botErrors.length === 0, text: `no error logged by the bot: ${facts.botErrors.length}` },
    {
      ok: !facts.gcAvailable || heapGrowth <= facts.heapLimit,
      text: facts.gcAvailable
        ? `heap after gc grew ${mb(heapGrowth)} (limit ${mb(facts.heapLimit)})`
        : 'heap not checked: run with `node --expose-gc` (as `npm run load` does)',
    },
  ];
  const ok = checks.every((check) => check.ok);

  const lines: string[] = [];
  lines.push(
    `## Load test${facts.quick ? ' (quick)' : ''}: ${count(run.length)} events from ${plan.users.length} users in ${facts.sendSeconds.toFixed(1)} s ` +
      `(${(run.length / Math.max(facts.sendSeconds, 0.001)).toFixed(1)}/s, target ${facts.targetRate}/s) — ${ok ? 'PASS' : 'FAIL'}`,
  );
  lines.push('');
  lines.push('| event | sent | answered | "try again" | refused quietly | other | unanswered | answered twice | p50 | p99 | max |');
  lines.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const kind of EVENT_KINDS) {
    const row = rows.get(kind);
    if (row !== undefined) lines.push(rowLine(KIND_LABEL[kind], row));
  }
  lines.push(rowLine('**all**', all));
  lines.push('');
  lines.push('Latency is from the event leaving the server to the reply that shows it (for `/ask`, the edit after "thinking…").');
  lines.push(
    `Interaction acknowledgement (first callback): p50 ${ms(percentile(acks, 50))}, p99 ${ms(percentile(acks, 99))}, max ${ms(acks.at(-1) ?? null)}; ` +
      `${lateAcks} over Discord's 3 s.`,
  );
  lines.push(
    `Rate limit ${facts.rateLimit.questions} questions per ${facts.rateLimit.windowSeconds} s per user (the window outlasts the run, so the outcome is exact): ` +
      `${ordinary.length} ordinary users asked at most ${ordinaryMax} and ${ordinaryRefused === 0 ? 'none was refused' : `${ordinaryRefused} were refused`}; ` +
      `${heavy.length} heavy users asked ${heavyCounts.join(', ')} and were refused ${count(heavyRefused)} times, exactly for the questions past their ${facts.rateLimit.questions}th ` +
      '("try again" each time for `/ask`, privately; for mentions and DMs a reply the first time and silence after it, one notice per window).',
  );
  const before = facts.cachesBefore;
  const after = facts.cachesAfter;
  lines.push(
    facts.gcAvailable
      ? `Heap used by the bot's thread after \`global.gc()\` (the test server runs in a worker thread with its own heap): ` +
          `before ${mb(facts.heapBefore)}, after ${mb(facts.heapAfter)}, growth ${mb(heapGrowth)}. ` +
          `Of that, ${mb(facts.heapAfter - facts.heapAfterSweep)} is discord.js's REST queues of finished interactions ` +
          `(${count(before.restHandlers)} → ${count(after.restHandlers)}; the bot drops idle ones every minute and whenever more than 100 are held): ` +
          `without them the growth is ${mb(facts.heapAfterSweep - facts.heapBefore)}; without discord.js's message cache as well, ` +
          `${mb(facts.heapWithoutCaches - facts.heapBefore)} (the answers remembered for buttons, at most 5,000; the users, members and DM channels seen; the rate limiter's history).`
      : 'Heap: `global.gc` unavailable; run with `node --expose-gc`.',
  );
  lines.push(
    `discord.js caches before → after: messages ${count(before.messages)} → ${count(after.messages)} (at most 200 a channel), ` +
      `channels ${count(before.channels)} → ${count(after.channels)}, users ${count(before.users)} → ${count(after.users)}.`,
  );
  lines.push(
    `Requests the bot made: ${count(tracker.requestsSeen)}; warnings logged: ${facts.botWarnings}; warm-up events (not in the table): ${warmUp.length}.`,
  );
  lines.push('');
  for (const check of checks) lines.push(`- ${check.ok ? '✅' : '❌'} ${check.text}`);
  const details = [
    ...unanswered.map(
      (event) =>
        `#${event.planned.seq} ${event.planned.kind}: ${event.sendError === null ? 'never answered' : `not sent: ${event.sendError}`}`,
    ),
    ...tracker.problems,
    ...facts.botErrors,
  ];
  if (details.length > 0) {
    lines.push('');
    lines.push(`First problems (${unanswered.length + tracker.problemCount + facts.botErrors.length} in all):`);
    for (const detail of details.slice(0, 15)) lines.push(`    ${detail}`);
  }
  return { ok, markdown: lines.join('\n') };
}
