import type { AutocompleteInteraction } from 'discord.js';
import { rankArticleChoices } from '../article-choices.js';
import type { BotContext } from '../bot-context.js';

/** Suggestions for `/ask article:`; pure in-memory ranking, so it answers in milliseconds. */
export async function handleArticleAutocomplete(interaction: AutocompleteInteraction, typed: string, ctx: BotContext): Promise<void> {
  const choices = rankArticleChoices(typed, ctx.engines.current.articles);
  await interaction.respond(choices.map((choice) => ({ name: choice.name, value: choice.value })));
}
