import { AttachmentBuilder, MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { buildReport } from '../../report/build-report.js';
import type { BotContext } from '../bot-context.js';
import type { ArgumentsOf } from '../command-arguments.js';
import { DEFAULT_STATS_DAYS, STATS_PERMISSION, type statsCommand } from '../commands/stats.js';
import { missingPermissionNotice, needsGuildNotice } from '../replies/notices.js';
import { buildStatsReply, questionLogOffNotice } from '../replies/stats-reply.js';
import { replyPrivately } from './reply-to-interaction.js';

/** Below Discord's smallest upload limit for bots (10 MiB), whatever the server's boost level. */
const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;

/**
 * `/stats [days]`: this server's figures, privately, with its report attached. Only this server's
 * lines of the log are read (a server never sees another's questions). Discord hides the command
 * from members without Manage Server, but that can be overridden per server, so it is checked here.
 */
export async function handleStatsCommand(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  args: ArgumentsOf<typeof statsCommand>,
): Promise<void> {
  if (!interaction.inGuild()) {
    await replyPrivately(interaction, needsGuildNotice('stats'));
    return;
  }
  if (interaction.memberPermissions?.has(STATS_PERMISSION) !== true) {
    await replyPrivately(interaction, missingPermissionNotice('see what members asked'));
    return;
  }
  if (ctx.questionLogFile === null) {
    await replyPrivately(interaction, questionLogOffNotice());
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  // The lines waiting in memory (in a shard: the manager's) are written first, so the latest questions count.
  await ctx.questions.flush();
  const guildId = interaction.guildId;
  const serverName = interaction.guild?.name ?? `server ${guildId}`;
  const days = args.days ?? DEFAULT_STATS_DAYS;
  const { data, html } = await buildReport({
    file: ctx.questionLogFile,
    days,
    guild: guildId,
    articles: ctx.engines.current.articles.map(({ id, title }) => ({ id, title })),
    now: ctx.now(),
    guildName: serverName,
  });
  const bytes = Buffer.from(html, 'utf8');
  const attached = bytes.length <= MAX_ATTACHMENT_BYTES;
  const day = new Date(ctx.now()).toISOString().slice(0, 10);
  await interaction.editReply({
    ...buildStatsReply(data, serverName, attached),
    files: attached ? [new AttachmentBuilder(bytes, { name: `questions-${guildId}-${day}.html`, description: 'The full report' })] : [],
  });
}
