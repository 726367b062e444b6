/**
 * What a person can do on the playground page, as Discord's own client would send it: the page
 * posts an action, and it reaches the bot as the gateway event Discord would dispatch (an
 * interaction or a message) from the playground's one person. Option values are checked against
 * the command the bot registered, as Discord's client checks them before sending.
 */
import { z } from 'zod';
import type { ApiApplicationCommand, ApiCommandOptionSchema, ApiMessage, DiscordServer, SentInteraction } from './discord-server/index.js';
import { CommandType, OptionType } from './discord-server/index.js';
import type { WelcomeBoard } from './welcome.js';

/** How long the page waits for the bot to acknowledge an interaction (Discord gives it 3 s; a loaded machine gets more). */
const BOT_ANSWER_TIMEOUT_MS = 15_000;

/** Discord's longest message from a person without Nitro. */
const MAX_MESSAGE_LENGTH = 2000;

const where = z.enum(['channel', 'dm']);
const name = z.string().min(1).max(32);
// Lengths are checked against the registered command (`optionProblem`) and Discord's message limit
// below, in words a person can act on; the size of the request already bounds them.
const optionValues = z.record(z.string().min(1).max(32), z.union([z.string(), z.boolean()])).default({});
const snowflake = z.string().regex(/^\d{17,20}$/, 'a message id');

const actions = {
  command: z.object({ where, name, options: optionValues }),
  autocomplete: z.object({ where, name, focused: name, value: z.string().max(6000), options: optionValues }),
  message: z.object({
    where,
    content: z.string(),
    /** A reply to this message, as Discord's "Reply"; `ping` is its "@ ON" (mention the author replied to). */
    replyTo: snowflake.optional(),
    ping: z.boolean().default(true),
  }),
  button: z.object({ messageId: snowflake, customId: z.string().min(1).max(100) }),
  'message-command': z.object({ messageId: snowflake, name }),
  'manage-server': z.object({ enabled: z.boolean() }),
} as const;

export type ActionName = keyof typeof actions;

export function isActionName(value: string): value is ActionName {
  return Object.hasOwn(actions, value);
}

/** The playground's world as the page needs it. */
export interface PageWorld {
  readonly discord: DiscordServer;
  /** The role that carries Manage Server; the page's switch gives it to the person or takes it away. */
  readonly managerRoleId: string;
  /** The report of the playground bot's question log (`npm run report`'s page); null when QUESTION_LOG=off. */
  readonly report: (() => Promise<string>) | null;
  /** What the page shows before anyone types: the corpus loaded and example questions. */
  readonly welcome: WelcomeBoard;
}

/** What an action answers the page: a JSON body, with 200 for success and 4xx/5xx with `{error}` otherwise. */
export interface ActionResult {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

function refused(status: number, error: string): ActionResult {
  return { status, body: { error } };
}

const AutocompleteCallback = z.object({
  type: z.literal(8),
  data: z.object({ choices: z.array(z.object({ name: z.string(), value: z.union([z.string(), z.number()]) })) }),
});

/** Validates `body` for `action` and carries it out. */
export async function performAction(world: PageWorld, action: ActionName, body: unknown): Promise<ActionResult> {
  const { discord } = world;
  switch (action) {
    case 'command': {
      const input = actions.command.safeParse(body);
      if (!input.success) return invalidBody(input.error);
      const command = chatInputCommand(discord, input.data.name);
      if (command === undefined) return refused(400, `There is no command /${input.data.name}.`);
      const problem = optionProblem(command, input.data.options);
      if (problem !== null) return refused(400, problem);
      const options = Object.fromEntries(
        Object.entries(input.data.options)
          .filter(([, value]) => value !== '')
          .map(([key, value]) => [key, typedOptionValue(command, key, value)]),
      );
      return answered(discord, discord.sendSlashCommand({ name: command.name, options, dm: input.data.where === 'dm' }));
    }
    case 'autocomplete': {
      const input = actions.autocomplete.safeParse(body);
      if (!input.success) return invalidBody(input.error);
      const command = chatInputCommand(discord, input.data.name);
      const option = command?.options?.find((candidate) => candidate.name === input.data.focused && candidate.autocomplete === true);
      if (command === undefined || option === undefined)
        return refused(400, `/${input.data.name} has no option ${input.data.focused} to complete.`);
      const others = Object.fromEntries(Object.entries(input.data.options).filter(([key, value]) => key !== option.name && value !== ''));
      const sent = discord.sendAutocomplete({
        name: command.name,
        focused: option.name,
        value: input.data.value,
        options: others,
        dm: input.data.where === 'dm',
      });
      const callback = await discord.waitForInteractionCallback(sent.id, BOT_ANSWER_TIMEOUT_MS).catch(() => null);
      if (callback === null) return refused(504, noAnswer());
      const parsed = AutocompleteCallback.safeParse(callback.body);
      if (!parsed.success) return refused(502, 'The bot answered the autocomplete with something that is not a list of choices.');
      return { status: 200, body: { choices: parsed.data.data.choices } };
    }
    case 'message': {
      const input = actions.message.safeParse(body);
      if (!input.success) return invalidBody(input.error);
      if (input.data.content.trim() === '') return refused(400, 'A message needs some text.');
      const length = [...input.data.content].length;
      if (length > MAX_MESSAGE_LENGTH) {
        return refused(400, `A message can be at most ${MAX_MESSAGE_LENGTH} characters (this one has ${length}).`);
      }
      const { replyTo } = input.data;
      if (replyTo !== undefined) {
        const replied = discord.getMessage(replyTo);
        const here = input.data.where === 'dm' ? discord.dmChannelWith('member').id : discord.channelId;
        if (replied === undefined || replied.channel_id !== here) return refused(400, 'The message you are replying to is gone.');
      }
      const sent = discord.sendMessage({
        content: input.data.content,
        dm: input.data.where === 'dm',
        ...(replyTo === undefined ? {} : { replyTo, mentionRepliedAuthor: input.data.ping }),
      });
      return { status: 200, body: { messageId: sent.id } };
    }
    case 'button': {
      const input = actions.button.safeParse(body);
      if (!input.success) return invalidBody(input.error);
      const message = discord.getMessage(input.data.messageId);
      if (message === undefined || !hasEnabledButton(message, input.data.customId)) {
        return refused(400, 'That button is not on this message any more, or it is disabled.');
      }
      return answered(
        discord,
        discord.sendButton({ customId: input.data.customId, message: message.id, dm: message.guild_id === undefined }),
      );
    }
    case 'message-command': {
      const input = actions['message-command'].safeParse(body);
      if (!input.success) return invalidBody(input.error);
      const message = discord.getMessage(input.data.messageId);
      if (message === undefined) return refused(400, 'That message is gone.');
      const command = discord.registeredCommands().find((c) => c.type === CommandType.Message && c.name === input.data.name);
      if (command === undefined) return refused(400, `There is no message command "${input.data.name}".`);
      return answered(
        discord,
        discord.sendMessageCommand({ name: command.name, targetMessage: message.id, dm: message.guild_id === undefined }),
      );
    }
    case 'manage-server': {
      const input = actions['manage-server'].safeParse(body);
      if (!input.success) return invalidBody(input.error);
      discord.setMemberRoles('member', input.data.enabled ? [world.managerRoleId] : []);
      return { status: 200, body: { manageServer: hasManageServer(world) } };
    }
  }
}

/** Whether the playground's person has the Manage Server role now. */
export function hasManageServer(world: PageWorld): boolean {
  return world.discord.guild.members.get(world.discord.memberUser.id)?.roles.includes(world.managerRoleId) ?? false;
}

/** Waits until the bot acknowledges the interaction (reply, deferral or update), as Discord waits for it. */
async function answered(discord: DiscordServer, sent: SentInteraction): Promise<ActionResult> {
  const callback = await discord.waitForInteractionCallback(sent.id, BOT_ANSWER_TIMEOUT_MS).catch(() => null);
  return callback === null ? refused(504, noAnswer()) : { status: 200, body: { interactionId: sent.id } };
}

function noAnswer(): string {
  return `The bot did not respond within ${BOT_ANSWER_TIMEOUT_MS / 1000} s; its log says why.`;
}

function invalidBody(error: z.ZodError): ActionResult {
  const issue = error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'the request' : issue.path.join('.');
  return refused(400, `The page sent something the playground cannot use (${where}: ${issue?.message ?? 'invalid'}).`);
}

function chatInputCommand(discord: DiscordServer, commandName: string): ApiApplicationCommand | undefined {
  return discord.registeredCommands().find((c) => c.type === CommandType.ChatInput && c.name === commandName);
}

/** What Discord's client would refuse to send: a missing required option, an unknown one, a wrong type or length. */
export function optionProblem(command: ApiApplicationCommand, values: Readonly<Record<string, string | boolean>>): string | null {
  const schema: readonly ApiCommandOptionSchema[] = command.options ?? [];
  for (const key of Object.keys(values)) {
    if (!schema.some((option) => option.name === key)) return `/${command.name} has no option ${key}.`;
  }
  for (const option of schema) {
    const value = values[option.name];
    if (value === undefined || value === '') {
      if (option.required === true) return `/${command.name} needs ${option.name}.`;
      continue;
    }
    if (option.type === OptionType.Boolean) {
      if (typeof value !== 'boolean') return `${option.name} is true or false.`;
      continue;
    }
    if (option.type === OptionType.Integer) {
      const number = typeof value === 'string' && /^-?\d{1,15}$/u.test(value.trim()) ? Number(value.trim()) : Number.NaN;
      if (Number.isNaN(number)) return `${option.name} is a whole number.`;
      if (typeof option.min_value === 'number' && number < option.min_value) return `${option.name} is at least ${option.min_value}.`;
      if (typeof option.max_value === 'number' && number > option.max_value) return `${option.name} is at most ${option.max_value}.`;
      continue;
    }
    if (option.type !== OptionType.String || typeof value !== 'string')
      return `${option.name}: this playground sends only text, whole number and true/false options.`;
    const length = [...value].length;
    if (typeof option.min_length === 'number' && length < option.min_length) {
      return `${option.name} needs at least ${option.min_length} characters.`;
    }
    if (typeof option.max_length === 'number' && length > option.max_length) {
      return `${option.name} can be at most ${option.max_length} characters (this one has ${length}).`;
    }
  }
  return null;
}

/** A whole-number option's text as the number Discord's client would send; other values as typed. */
function typedOptionValue(command: ApiApplicationCommand, name: string, value: string | boolean): string | number | boolean {
  const option = command.options?.find((candidate) => candidate.name === name);
  return option?.type === OptionType.Integer && typeof value === 'string' ? Number(value.trim()) : value;
}

const ActionRow = z.object({ type: z.literal(1), components: z.array(z.unknown()) });
const ButtonComponent = z.object({ type: z.literal(2), custom_id: z.string().optional(), disabled: z.boolean().optional() });

function hasEnabledButton(message: ApiMessage, customId: string): boolean {
  return message.components.some((raw) => {
    const row = ActionRow.safeParse(raw);
    if (!row.success) return false;
    return row.data.components.some((component) => {
      const button = ButtonComponent.safeParse(component);
      return button.success && button.data.custom_id === customId && button.data.disabled !== true;
    });
  });
}
