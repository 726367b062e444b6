import { EmbedBuilder } from 'discord.js';
import type { ReportData } from '../../report/report-data.js';
import { DISCORD_LIMITS } from '../format/discord-limits.js';
import { escapeTextWithin } from '../format/escape.js';
import { plural } from '../format/plural.js';
import { truncateAtWord } from '../format/truncate.js';
import { payload, textPayload, type ReplyPayload } from './reply-payload.js';

const STATS_COLOR = 0x4269d0;
const TOP_GROUPS = 3;

/**
 * `/stats`: one server's headline figures over the period (questions, answered share, votes,
 * time to answer) and its three largest groups of unanswered questions. The full report is
 * attached by the handler; `attached` says whether it could be.
 */
export function buildStatsReply(data: ReportData, serverName: string, attached: boolean): ReplyPayload {
  const { totals } = data;
  const asked = totals.answered + totals.unanswered;
  const percent = (part: number) => (asked === 0 ? '–' : `${Math.round((100 * part) / asked)} %`);
  const refused = totals.rateLimited + totals.tooLong + totals.errors;
  const groups = data.unansweredGroups.filter((group) => group.label.length > 0).slice(0, TOP_GROUPS);
  const embed = new EmbedBuilder()
    .setColor(STATS_COLOR)
    .setTitle(
      truncateAtWord(`Questions in ${serverName}, the last ${data.days === 1 ? 'day' : `${data.days} days`}`, DISCORD_LIMITS.embedTitle),
    )
    .addFields(
      {
        name: 'Questions',
        value: `${totals.questions.toLocaleString('en')} from ${totals.askers.toLocaleString('en')} ${totals.askers === 1 ? 'person' : 'people'}`,
        inline: true,
      },
      {
        name: 'Answered',
        value:
          `${percent(totals.answered)} (${totals.answered.toLocaleString('en')} of ${asked.toLocaleString('en')}` +
          `${totals.notSure > 0 ? `; ${totals.notSure.toLocaleString('en')} not sure` : ''})`,
        inline: true,
      },
      { name: 'Nothing relevant', value: `${percent(totals.unanswered)} (${totals.unanswered.toLocaleString('en')})`, inline: true },
      { name: '👍 / 👎', value: `${totals.up.toLocaleString('en')} / ${totals.down.toLocaleString('en')}`, inline: true },
      {
        name: 'Time to answer',
        value:
          data.answerTimes === null ? '–' : `${Math.round(data.answerTimes.p50)} ms median · ${Math.round(data.answerTimes.p95)} ms p95`,
        inline: true,
      },
      { name: 'Refused or failed', value: refused.toLocaleString('en'), inline: true },
      {
        name: 'Most asked, not answered',
        value:
          groups.length === 0
            ? 'Nothing: every question the articles were asked found something relevant.'
            : groups
                .map(
                  (group, index) =>
                    `${index + 1}. **${escapeTextWithin(group.label.join(' · '), 100)}**: ${plural(group.count, 'question')}, e.g. “${escapeTextWithin(group.examples[0]?.question ?? '', 120)}”`,
                )
                .join('\n'),
      },
    )
    .setFooter({
      text: attached
        ? 'The full report is attached: open it in a browser. It holds this server’s questions only.'
        : 'The full report is too large to attach here; the people who run the bot can make it with npm run report -- --guild <this server’s id>.',
    });
  return payload({ embeds: [embed.toJSON()] });
}

export function questionLogOffNotice(): ReplyPayload {
  return textPayload(
    'The question log is off (QUESTION_LOG=off), so there are no figures to show: the people who run the bot can turn it on.',
  );
}
