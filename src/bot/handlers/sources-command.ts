import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../bot-context.js';
import { buildSourcesReply } from '../replies/sources-reply.js';

/** `/sources`: the first page of the article list. */
export async function handleSourcesCommand(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await interaction.reply(buildSourcesReply(ctx.engines.current.articles, 1));
}

/** ◀ ▶ under the list: the page is in the custom id, so old lists keep working. */
export async function handleSourcesPageButton(interaction: ButtonInteraction, page: number, ctx: BotContext): Promise<void> {
  await interaction.update(buildSourcesReply(ctx.engines.current.articles, page));
}
