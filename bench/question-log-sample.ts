/**
 * A deterministic question log for the report benchmark and for looking at the report: questions
 * made from templates about what the shipped article answers and about what no article does,
 * spread over `days` days and several servers, with votes, refusals, and a few damaged and
 * foreign lines. Written as the bot writes it (the same line format), not through the bot.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from '../load/schedule.js';
import type { QuestionLine, VoteLine } from '../src/bot/question-log-format.js';

const ANSWERED = [
  'who makes decisions in russia',
  'how many times have trump and putin spoken',
  'what did trump say after the call with putin',
  'did they talk about ukraine',
  'what weapons did the us stop sending',
  'what did putin say about his goals in ukraine',
  'when did the call happen',
  'what did zelensky say about the call',
  'how long did the call last',
  'did trump make progress with putin',
];
/** Topics the article does not cover, each asked in several ways. */
const UNANSWERED: readonly (readonly string[])[] = [
  ['how many goals did messi score this season', 'is messi moving to another club', 'what is messi transfer fee', 'messi contract news'],
  ['what is the capital of australia', 'australia capital city', 'who is the prime minister of australia'],
  ['what is the bitcoin price today', 'will bitcoin go up', 'bitcoin price prediction'],
  ['who won the world cup in 2022', 'world cup final score', 'where is the next world cup'],
  ['when is the next election in france', 'french election results', 'who leads the polls in the france election'],
  ['what is the weather in kyiv tomorrow', 'weather forecast for moscow'],
  ['how tall is the eiffel tower', 'when was the eiffel tower built'],
];
const ARTICLE = '2025-07-03-trump-putin-call';

/** A person's hash as the log holds it (random-looking hex, as an HMAC's is). */
function person(index: number): string {
  return createHash('sha256').update(`person ${index}`).digest('hex').slice(0, 32);
}

export interface SampleOptions {
  readonly lines: number;
  /** The last day's date (UTC, YYYY-MM-DD); the log spans `days` days up to it. */
  readonly until: string;
  readonly days: number;
  /** Server ids the questions are spread over. */
  readonly guilds: readonly string[];
  readonly seed?: number;
  /** Share of unanswered questions. Default 0.25. */
  readonly unansweredShare?: number;
  /**
   * Make every question different (a number of its own added to it), the worst case for the
   * report's memory: nothing asked twice is kept once. Default false: people ask alike.
   */
  readonly distinct?: boolean;
}

/** Writes `lines` lines to `file`; returns how many of each kind were written. */
export async function writeSampleLog(
  file: string,
  options: SampleOptions,
): Promise<{ questions: number; votes: number; damaged: number; foreign: number }> {
  const next = seededRandom(options.seed ?? 19);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const end = Date.parse(`${options.until}T23:59:59Z`);
  const start = end - options.days * 86_400_000;
  const out = createWriteStream(file);
  const counts = { questions: 0, votes: 0, damaged: 0, foreign: 0 };
  let answerId = 1_300_000_000_000_000_000n;
  const recent: { answer: string; question: string; guild: string }[] = [];
  let buffer = '';
  for (let index = 0; index < options.lines; index += 1) {
    const time = new Date(start + Math.floor((index / options.lines) * (end - start))).toISOString();
    const guild = pick(options.guilds);
    const roll = next();
    let line: string;
    if (roll < 0.0005) {
      line = `{"kind":"question","time":"${time}","gui`;
      counts.damaged += 1;
    } else if (roll < 0.001) {
      line = JSON.stringify({ time, user: '1', guild, question: 'a feedback line in the wrong file', vote: 'up' });
      counts.foreign += 1;
    } else if (roll < 0.04 && recent.length > 0) {
      const voted = pick(recent);
      const vote: VoteLine = {
        kind: 'vote',
        time,
        guild: voted.guild,
        channel: '1100000000000000001',
        answer: voted.answer,
        vote: next() < 0.7 ? 'up' : 'down',
        question: voted.question,
        passages: [{ article: ARTICLE, paragraph: 4, sentence: 7, passage: 'The call marks the sixth conversation between the two men.' }],
        voter: person(Math.floor(next() * 5000)),
      };
      line = JSON.stringify(vote);
      counts.votes += 1;
    } else {
      const unanswered = next() < (options.unansweredShare ?? 0.25);
      const refused = !unanswered && next() < 0.02;
      answerId += 1n;
      const question = unanswered ? pick(pick(UNANSWERED)) : pick(ANSWERED);
      const outcome = unanswered ? 'nothing-relevant' : refused ? 'rate-limited' : 'answered';
      const record: QuestionLine = {
        kind: 'question',
        time,
        guild,
        channel: '1100000000000000001',
        via: pick(['ask', 'ask', 'mention', 'find-in-articles'] as const),
        answer: refused ? null : answerId.toString(),
        question: `${question}${options.distinct === true ? ` ${index}` : ''}${next() < 0.3 ? '?' : ''}`,
        outcome,
        passages:
          outcome === 'answered'
            ? [
                { article: ARTICLE, paragraph: 4, sentence: 7 },
                { article: ARTICLE, paragraph: 14, sentence: 40 },
              ]
            : [],
        topScore: outcome === 'answered' ? 8 + next() * 10 : null,
        probability: refused ? null : unanswered ? next() * 0.3 : 0.5 + next() * 0.5,
        confidence: refused ? null : unanswered ? 'none' : 'high',
        ms: refused ? 0.2 : 1 + next() * next() * 60,
        asker: person(Math.floor(next() * 5000)),
      };
      line = JSON.stringify(record);
      counts.questions += 1;
      if (outcome === 'answered') {
        recent.push({ answer: answerId.toString(), question: record.question, guild });
        if (recent.length > 50) recent.shift();
      }
    }
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return counts;
}
