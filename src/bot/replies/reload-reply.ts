import { EmbedBuilder } from 'discord.js';
import type { CorpusProblem } from '../../corpus/types.js';
import type { ReloadSummary } from '../engine-holder.js';
import { DISCORD_LIMITS } from '../format/discord-limits.js';
import { escapeTextWithin } from '../format/escape.js';
import { plural } from '../format/plural.js';
import { truncateAtWord } from '../format/truncate.js';
import { payload, type ReplyPayload } from './reply-payload.js';

const OK_COLOR = 0x57f287;
const WARNING_COLOR = 0xfee75c;
const FAILED_COLOR = 0xed4245;

/** The outcome of `/reload`: counts before and after, and every file that failed to load and why. */
export function buildReloadReply(summary: ReloadSummary): ReplyPayload {
  const { problems } = summary;
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const counts =
    `Now answering from ${plural(summary.articles, 'article')} (${plural(summary.sentences, 'sentence')}); ` +
    `before: ${plural(summary.previous.articles, 'article')} (${plural(summary.previous.sentences, 'sentence')}).`;
  const title =
    problems.length === 0
      ? 'Corpus reloaded'
      : `Corpus reloaded: ${plural(errors, 'file')} failed, ${plural(problems.length - errors, 'warning')}`;
  const embed = new EmbedBuilder()
    .setColor(errors > 0 ? FAILED_COLOR : problems.length > 0 ? WARNING_COLOR : OK_COLOR)
    .setTitle(title)
    .setDescription(
      truncateAtWord(problems.length === 0 ? counts : `${counts}\n\n${problemList(problems)}`, DISCORD_LIMITS.embedDescription),
    );
  return payload({ embeds: [embed.toJSON()] });
}

/** The reload did not produce a new index; the old one is still answering. */
export function buildReloadFailedReply(reason: string): ReplyPayload {
  const embed = new EmbedBuilder()
    .setColor(FAILED_COLOR)
    .setTitle('Reload failed')
    .setDescription(
      truncateAtWord(
        `${escapeTextWithin(reason, 3000)}\n\nThe articles loaded before are still being used; nothing changed.`,
        DISCORD_LIMITS.embedDescription,
      ),
    );
  return payload({ embeds: [embed.toJSON()] });
}

/**
 * `✖ file:line — message` (errors first, then `⚠` warnings), one a line. What does not fit is
 * counted rather than silently dropped.
 */
export function problemList(problems: readonly CorpusProblem[], budget = DISCORD_LIMITS.embedDescription - 600): string {
  const ordered = [
    ...problems.filter((problem) => problem.severity === 'error'),
    ...problems.filter((problem) => problem.severity !== 'error'),
  ];
  const lines: string[] = [];
  let used = 0;
  for (const [index, problem] of ordered.entries()) {
    const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
    const marker = problem.severity === 'error' ? '✖' : '⚠';
    const line = truncateAtWord(`${marker} ${escapeTextWithin(where, 150)} — ${escapeTextWithin(problem.message, 250)}`, 300);
    const tail = `… and ${plural(ordered.length - index, 'more problem')}`;
    if (used + line.length + 1 > budget - tail.length) {
      lines.push(tail);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return lines.join('\n');
}
