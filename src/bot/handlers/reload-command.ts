import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../bot-context.js';
import { RELOAD_PERMISSION } from '../commands/reload.js';
import { missingPermissionNotice, reloadNeedsGuildNotice } from '../replies/notices.js';
import { corpusAdminRefusedNotice, reloadQueuedNotice } from '../replies/corpus-admin-notices.js';
import { buildReloadFailedReply, buildReloadReply } from '../replies/reload-reply.js';
import { reloadCorpus } from '../reload-corpus.js';
import { replyPrivately } from './reply-to-interaction.js';

/**
 * `/reload`: rebuilds the index from the corpus folder. Discord hides the command from members
 * without Manage Server, but that can be overridden per server, so the permission is checked here too.
 */
export async function handleReloadCommand(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  if (!interaction.inGuild()) {
    await replyPrivately(interaction, reloadNeedsGuildNotice());
    return;
  }
  if (interaction.memberPermissions?.has(RELOAD_PERMISSION) !== true) {
    await replyPrivately(interaction, missingPermissionNotice());
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const refusal = await ctx.corpusAdmin.refusal(interaction.guildId, interaction.client);
  if (refusal !== null) {
    await interaction.editReply(corpusAdminRefusedNotice('reload', refusal));
    return;
  }
  // Reloads are coalesced (`EngineHolder.reload`): this one runs after the one running now.
  if (ctx.engines.isReloading) await interaction.editReply(reloadQueuedNotice());

  const log = ctx.logger.child({ command: 'reload', user: interaction.user.id, guild: interaction.guildId });
  log.info('reloading corpus');
  try {
    // With several shards, the others reload too (each keeps answering until it is done).
    const summary = await reloadCorpus(interaction.client, ctx.engines);
    log.info({ articles: summary.articles, sentences: summary.sentences, problems: summary.problems.length }, 'corpus reloaded');
    await interaction.editReply({ content: '', ...buildReloadReply(summary) });
  } catch (error) {
    log.error({ err: error }, 'corpus reload failed; the previous index is still in use');
    await interaction.editReply({ content: '', ...buildReloadFailedReply(reloadFailureReason(error)) });
  }
}

function reloadFailureReason(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `The corpus folder could not be read: ${detail}`;
}
