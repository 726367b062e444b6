/**
 * What Discord accepts, as checks that list every problem of a reply payload (empty = fine).
 * Limits from https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 * and the component docs; mention syntax as discord.js's `MessageMentions` patterns read it.
 */
import type { APIEmbed } from 'discord.js';
import type { ReplyPayload } from '../../src/bot/replies/reply-payload.js';
import { validateMessageBody } from '../../src/playground/discord-server/message-limits.js';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
  /** Not in the embed limits table, but Discord answers 400 "Must be 2048 or fewer in length" past it. */
  url: 2048,
  actionRows: 5,
  componentsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
} as const;

/**
 * A ping or mention pill that was not defused: `@everyone`/`@here` anywhere (discord.js's
 * `EveryonePattern` needs no word boundary after them), `<@id>`, `<@!id>`, `<@&id>` and `<#id>`.
 */
const LIVE_MENTION = /@(?:everyone|here)|<(?:@[!&]?|#)\d/;
/**
 * The target of a `[label](url)` link as `safeLinkUrl` writes it (no spaces, parentheses or
 * angle brackets): never rendered as text, so an `@` in it is part of an address, not a mention.
 */
const LINK_TARGET = /\]\(https?:\/\/[^\s()<>]*\)/g;

/**
 * Unicode's bidirectional controls (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069): Discord
 * shows them, and one in a question or an article reverses the rest of what is quoted.
 */
const BIDI_CONTROL = /\p{Bidi_Control}/u;

/** A UTF-16 unit that is half of a surrogate pair with no other half. */
const LONE_SURROGATE = /\p{Cs}/u;

export function liveMention(text: string): string | null {
  const shown = text.replace(LINK_TARGET, '](…)');
  const match = LIVE_MENTION.exec(shown);
  return match === null ? null : shown.slice(Math.max(0, match.index - 10), match.index + 25);
}

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** True when no string anywhere in the values (objects and arrays searched) has a lone surrogate. */
export function wellFormed(...values: unknown[]): boolean {
  const pending: unknown[] = [...values];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (hasLoneSurrogate(value)) return false;
    } else if (Array.isArray(value)) {
      pending.push(...value);
    } else if (typeof value === 'object' && value !== null) {
      pending.push(...Object.values(value));
    }
  }
  return true;
}

export function embedTotal(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Every string that people see rendered as markdown (footers and author names are plain text). */
export function renderedTexts(payload: ReplyPayload): string[] {
  const texts: string[] = [];
  if (payload.content !== undefined) texts.push(payload.content);
  for (const embed of payload.embeds) {
    if (embed.title !== undefined) texts.push(embed.title);
    if (embed.description !== undefined) texts.push(embed.description);
    for (const field of embed.fields ?? []) texts.push(field.name, field.value);
  }
  return texts;
}

/** Every string in the payload. */
export function allTexts(payload: ReplyPayload): string[] {
  const texts = renderedTexts(payload);
  for (const embed of payload.embeds) {
    if (embed.footer !== undefined) texts.push(embed.footer.text);
    if (embed.author !== undefined) texts.push(embed.author.name);
    if (embed.url !== undefined) texts.push(embed.url);
  }
  for (const row of payload.components) {
    for (const component of row.components) {
      if ('custom_id' in component) texts.push(component.custom_id);
      if ('label' in component && typeof component.label === 'string') texts.push(component.label);
    }
  }
  return texts;
}

export interface CheckOptions {
  /** The inputs had no lone surrogate, so the output must not have one either (no cut inside a pair). */
  readonly wellFormedInput?: boolean;
}

/** Every way the payload breaks a Discord limit or lets a mention through; empty when it is fine. */
export function payloadProblems(payload: ReplyPayload, options: CheckOptions = {}): string[] {
  const problems: string[] = [];
  const over = (what: string, length: number, max: number) => {
    if (length > max) problems.push(`${what} is ${length} long (max ${max})`);
  };

  if (payload.allowedMentions.parse === undefined || payload.allowedMentions.parse.length !== 0) {
    problems.push(`allowedMentions.parse is ${JSON.stringify(payload.allowedMentions.parse)}, not []`);
  }
  if (payload.allowedMentions.repliedUser !== false) problems.push('allowedMentions.repliedUser is not false');
  if ((payload.allowedMentions.users ?? []).length > 0 || (payload.allowedMentions.roles ?? []).length > 0) {
    problems.push('allowedMentions lists users or roles');
  }

  if (payload.content !== undefined) over('content', payload.content.length, LIMITS.content);
  if ((payload.content ?? '') === '' && payload.embeds.length === 0) problems.push('the message would be empty');
  over('embed count', payload.embeds.length, LIMITS.embeds);
  let total = 0;
  payload.embeds.forEach((embed, index) => {
    const at = `embeds[${index}]`;
    if (embed.title !== undefined) over(`${at}.title`, embed.title.length, LIMITS.title);
    if (embed.description !== undefined) over(`${at}.description`, embed.description.length, LIMITS.description);
    if (embed.footer !== undefined) over(`${at}.footer.text`, embed.footer.text.length, LIMITS.footer);
    if (embed.author !== undefined) over(`${at}.author.name`, embed.author.name.length, LIMITS.author);
    const fields = embed.fields ?? [];
    over(`${at}.fields`, fields.length, LIMITS.fields);
    fields.forEach((field, fieldIndex) => {
      over(`${at}.fields[${fieldIndex}].name`, field.name.length, LIMITS.fieldName);
      over(`${at}.fields[${fieldIndex}].value`, field.value.length, LIMITS.fieldValue);
      if (field.name === '' || field.value === '') problems.push(`${at}.fields[${fieldIndex}] has an empty name or value`);
    });
    if (embed.description?.trim() === '') problems.push(`${at}.description is blank`);
    if (embed.title?.trim() === '') problems.push(`${at}.title is blank`);
    if (embed.url !== undefined) {
      over(`${at}.url`, embed.url.length, LIMITS.url);
      if (!/^https?:\/\/\S+$/.test(embed.url)) problems.push(`${at}.url is not an http(s) URL: ${embed.url.slice(0, 80)}`);
    }
    total += embedTotal(embed);
  });
  over('embeds together', total, LIMITS.total);

  over('action rows', payload.components.length, LIMITS.actionRows);
  payload.components.forEach((row, rowIndex) => {
    over(`components[${rowIndex}]`, row.components.length, LIMITS.componentsPerRow);
    for (const component of row.components) {
      if ('custom_id' in component) {
        over(`custom_id ${component.custom_id}`, component.custom_id.length, LIMITS.customId);
        if (component.custom_id === '') problems.push('an empty custom_id');
      }
      if ('label' in component && typeof component.label === 'string') {
        over(`label ${component.label}`, component.label.length, LIMITS.buttonLabel);
      }
    }
  });

  for (const text of renderedTexts(payload)) {
    const live = liveMention(text);
    if (live !== null) problems.push(`a live mention: ${JSON.stringify(live)}`);
  }
  for (const text of allTexts(payload)) {
    const bidi = BIDI_CONTROL.exec(text);
    if (bidi !== null) problems.push(`a bidirectional control U+${(bidi[0].codePointAt(0) ?? 0).toString(16).toUpperCase()}`);
  }
  if (options.wellFormedInput === true) {
    for (const text of allTexts(payload)) {
      if (hasLoneSurrogate(text)) problems.push(`a surrogate pair was cut: ${JSON.stringify(text.slice(0, 60))}…`);
    }
  }

  // A second opinion: the local test server's own validation, which answers 400 like Discord.
  const serverError = validateMessageBody(
    {
      ...(payload.content !== undefined ? { content: payload.content } : {}),
      embeds: payload.embeds,
      components: payload.components,
    },
    { creating: true },
  );
  if (serverError !== null) problems.push(`the test server refuses it: ${JSON.stringify(serverError)}`);
  return problems;
}
