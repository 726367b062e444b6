import { createReadStream } from 'node:fs';
import { filesOldestFirst } from '../bot/json-lines-file.js';
import { questionLogLine, type QuestionLogLine } from '../bot/question-log-format.js';

/** Which lines of the log a report is about. */
export interface LogFilter {
  /** Only lines at or after this epoch millisecond; null for all. */
  readonly since: number | null;
  /** Only this server's lines; null for every server and DMs. */
  readonly guild: string | null;
}

/** What reading the log met, for the report's footer. */
export interface ReadCounts {
  /** The files read, oldest first. */
  readonly files: readonly string[];
  /** Lines of the log that were looked at (for one server: the lines that name it). */
  lines: number;
  /** Lines that are not JSON objects (cut short by a crash, binary, …): skipped. */
  damaged: number;
  /** JSON objects that are not question log lines (another file's lines, a newer format): skipped. */
  foreign: number;
  /** Lines before the period asked for. */
  older: number;
}

const NEWLINE = 0x0a;
const CHUNK_BYTES = 1024 * 1024;

/**
 * Streams every line of the question log at `file` (its rotated files oldest first, then the
 * file itself) that the filter keeps, in the order written, to `onLine`. A line that is not a
 * question log line is skipped and counted, never fatal. Memory stays at one chunk of the file
 * whatever its size. For one server, lines that do not mention its id are passed over without
 * being parsed (its id appears in every line of its own, as `"guild":"<id>"`).
 */
export async function readQuestionLog(file: string, filter: LogFilter, onLine: (line: QuestionLogLine) => void): Promise<ReadCounts> {
  const files = await filesOldestFirst(file);
  const counts: ReadCounts = { files, lines: 0, damaged: 0, foreign: 0, older: 0 };
  const guildMark = filter.guild === null ? null : Buffer.from(`"guild":"${filter.guild}"`);
  const take = (bytes: Buffer): void => {
    if (bytes.length === 0) return;
    if (guildMark !== null && bytes.indexOf(guildMark) === -1) return;
    counts.lines += 1;
    const line = parseLine(bytes);
    if (line === 'damaged') counts.damaged += 1;
    else if (line === 'foreign') counts.foreign += 1;
    else if (filter.guild !== null && line.guild !== filter.guild) counts.foreign += 1;
    else if (filter.since !== null && Date.parse(line.time) < filter.since) counts.older += 1;
    else onLine(line);
  };
  for (const path of files) await eachLine(path, take);
  return counts;
}

async function eachLine(path: string, take: (line: Buffer) => void): Promise<void> {
  let rest: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
      const bytes: Buffer = rest.length === 0 ? (chunk as Buffer) : Buffer.concat([rest, chunk as Buffer]);
      let start = 0;
      for (let newline = bytes.indexOf(NEWLINE, start); newline !== -1; newline = bytes.indexOf(NEWLINE, start)) {
        take(bytes.subarray(start, newline));
        start = newline + 1;
      }
      rest = Buffer.from(bytes.subarray(start));
    }
  } catch (error) {
    // Rotated away or deleted while the report ran: what was read is kept.
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  }
  // The last line, if the writer had not finished it when it was read.
  take(rest);
}

function parseLine(bytes: Buffer): QuestionLogLine | 'damaged' | 'foreign' {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return 'damaged';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'damaged';
  const line = questionLogLine.safeParse(value);
  return line.success ? line.data : 'foreign';
}
