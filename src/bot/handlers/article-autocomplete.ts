import type { AutocompleteInteraction } from 'discord.js';
import { rankArticleChoices } from '../article-choices.js';
import type { BotContext } from '../bot-context.js';

/** Suggestions for `/ask article:`; pure in-memory ranking, so it answers in milliseconds. */
export async function handleArticleAutocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const choices = focused.name === 'article' ? rankArticleChoices(focused.value, ctx.engines.current.articles) : [];
  await interaction.respond(choices.map((choice) => ({ name: choice.name, value: choice.value })));
}
