import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../bot-context.js';
import { buildHelpReply } from '../replies/help-reply.js';

/** `/help` */
export async function handleHelpCommand(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await interaction.reply(buildHelpReply(ctx.rateLimit));
}
