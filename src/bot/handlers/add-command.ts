import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { IngestRefusal } from '../../ingest/ingest-refusal.js';
import type { BotContext } from '../bot-context.js';
import type { ArgumentsOf } from '../command-arguments.js';
import { ADD_PERMISSION, type addCommand } from '../commands/add.js';
import { reloadCorpus } from '../reload-corpus.js';
import { buildAddRefusedReply, buildAddReply } from '../replies/add-reply.js';
import { missingPermissionNotice, needsGuildNotice } from '../replies/notices.js';
import { addLimitNotice, corpusAdminRefusedNotice } from '../replies/corpus-admin-notices.js';
import { replyPrivately } from './reply-to-interaction.js';

/**
 * `/add url:<url>`: fetches the article (safely; see `src/ingest`), writes it into the corpus
 * folder and reloads, then tells the member privately what was added or why not. Discord hides
 * the command from members without Manage Server, but that can be overridden per server, so the
 * permission is checked here too.
 */
export async function handleAddCommand(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  args: ArgumentsOf<typeof addCommand>,
): Promise<void> {
  if (!interaction.inGuild()) {
    await replyPrivately(interaction, needsGuildNotice('add'));
    return;
  }
  if (interaction.memberPermissions?.has(ADD_PERMISSION) !== true) {
    await replyPrivately(interaction, missingPermissionNotice('add articles'));
    return;
  }
  const url = args.url.trim();
  // Fetching may take up to the 15 s time cap, past Discord's 3 s to acknowledge.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const refusal = await ctx.corpusAdmin.refusal(interaction.guildId, interaction.client);
  if (refusal !== null) {
    await interaction.editReply(corpusAdminRefusedNotice('add', refusal));
    return;
  }
  const limits = await ctx.corpusAdmin.beginAdd(interaction.guildId);
  if ('kind' in limits) {
    await interaction.editReply(addLimitNotice(limits));
    return;
  }
  const log = ctx.logger.child({ command: 'add', user: interaction.user.id, guild: interaction.guildId });

  let result: Awaited<ReturnType<typeof ctx.ingester.addUrl>>;
  try {
    result = await ctx.ingester.addUrl(url, limits);
  } catch (error) {
    if (!(error instanceof IngestRefusal)) throw error;
    log.info({ url, reason: error.message }, 'article not added');
    await interaction.editReply(buildAddRefusedReply(error.message));
    return;
  }
  const added = result.status === 'added' ? [result] : result.status === 'feed' ? result.added : [];
  for (const article of added) log.info({ file: article.file, url: article.url }, `added "${article.title}"`);

  let reloadFailure: string | null = null;
  if (added.length > 0) {
    try {
      await reloadCorpus(interaction.client, ctx.engines);
    } catch (error) {
      log.error({ err: error }, 'articles were added but the corpus could not be reloaded; the previous index is still in use');
      reloadFailure = error instanceof Error ? error.message : String(error);
    }
  }
  await interaction.editReply(buildAddReply(result, reloadFailure));
}
