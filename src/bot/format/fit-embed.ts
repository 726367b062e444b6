import type { APIEmbed, APIEmbedField } from 'discord.js';
import { DISCORD_LIMITS } from './discord-limits.js';
import { truncateAtWord } from './truncate.js';

/** The characters Discord counts towards an embed's 6,000 total. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/**
 * The embed cut down to every Discord limit: each part to its own maximum, at most 25 fields,
 * then the description (and if need be the fields) shortened until the whole is within 6,000.
 * Cuts are at word boundaries with `…` and never leave markdown open.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (fitted.title !== undefined) fitted.title = truncateAtWord(fitted.title, DISCORD_LIMITS.embedTitle);
  if (fitted.description !== undefined) {
    fitted.description = truncateAtWord(fitted.description, DISCORD_LIMITS.embedDescription);
  }
  if (fitted.footer !== undefined) {
    fitted.footer = { ...fitted.footer, text: truncateAtWord(fitted.footer.text, DISCORD_LIMITS.embedFooterText) };
  }
  if (fitted.author !== undefined) {
    fitted.author = { ...fitted.author, name: truncateAtWord(fitted.author.name, DISCORD_LIMITS.embedAuthorName) };
  }
  if (fitted.fields !== undefined) {
    fitted.fields = fitted.fields.slice(0, DISCORD_LIMITS.embedFields).map(fitField);
  }

  let excess = embedLength(fitted) - DISCORD_LIMITS.embedTotal;
  if (excess > 0 && fitted.description !== undefined) {
    const length = fitted.description.length;
    fitted.description = truncateAtWord(fitted.description, Math.max(1, length - excess));
    excess = embedLength(fitted) - DISCORD_LIMITS.embedTotal;
  }
  while (excess > 0 && fitted.fields !== undefined && fitted.fields.length > 0) {
    // Dropping whole fields from the end keeps what is shown first intact.
    fitted.fields = fitted.fields.slice(0, -1);
    excess = embedLength(fitted) - DISCORD_LIMITS.embedTotal;
  }
  if (excess > 0 && fitted.footer !== undefined) {
    fitted.footer = { ...fitted.footer, text: truncateAtWord(fitted.footer.text, Math.max(1, fitted.footer.text.length - excess)) };
  }
  return fitted;
}

function fitField(field: APIEmbedField): APIEmbedField {
  return {
    ...field,
    name: truncateAtWord(field.name, DISCORD_LIMITS.embedFieldName),
    value: truncateAtWord(field.value, DISCORD_LIMITS.embedFieldValue),
  };
}
