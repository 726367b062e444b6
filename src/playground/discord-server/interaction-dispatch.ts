import { CommandType } from './command-registry.js';
import { ensureMember, permissionsOf, withoutUser } from './fixtures.js';
import type { Gateway } from './gateway.js';
import { InteractionType } from './interaction-registry.js';
import { buildInteraction, OptionType, toCommandOptions, type InteractionScene, type OptionsInput } from './interaction-payloads.js';
import type {
  ApiCommandOption,
  ApiCommandOptionSchema,
  ApiInteraction,
  ApiInteractionData,
  ApiMember,
  ApiMessage,
  ApiUser,
} from './payloads.js';
import { resolveScene, resolveUser, type SceneOptions } from './scene.js';
import type { ServerState } from './server-state.js';

/** What a dispatch helper returns: enough to find the bot's answer. */
export interface SentInteraction {
  readonly id: string;
  readonly token: string;
  readonly applicationId: string;
  /** Interaction type: 2 command, 3 component, 4 autocomplete. */
  readonly type: number;
  readonly guildId: string | null;
  readonly channelId: string;
  readonly user: ApiUser;
  readonly payload: ApiInteraction;
  /** Gateway sessions that got (or queued) the event. */
  readonly delivered: number;
}

export interface SlashCommandOptions extends SceneOptions {
  name: string;
  /** `{question: 'why?'}` (types from the registered command, else from JS types) or raw options. */
  options?: OptionsInput;
  /** Wraps `options` in this subcommand. */
  subcommand?: string;
}

export interface AutocompleteOptions extends SceneOptions {
  name: string;
  /** Name of the option being typed in. */
  focused: string;
  /** What the user has typed so far. */
  value: string | number;
  /** Other options already filled in. */
  options?: OptionsInput;
  subcommand?: string;
}

export interface ButtonOptions extends SceneOptions {
  customId: string;
  /**
   * The message the button sits on: a message object (e.g. the bot's reply from
   * `waitForInteractionReply(...).message`) or a stored message id. Default: a new bot message
   * carrying this button.
   */
  message?: ApiMessage | string;
  /** Component type; default 2 (button). 3 = string select (then pass `values`). */
  componentType?: number;
  values?: string[];
}

export interface MessageCommandOptions extends SceneOptions {
  name: string;
  /** The right-clicked message: a message object, a stored message id, or content for a new one. */
  targetMessage: ApiMessage | string | { content: string; author?: ApiUser };
}

/** Turns scene + data into a dispatched INTERACTION_CREATE and remembers it for the REST side. */
function dispatchInteraction(
  state: ServerState,
  gateway: Gateway,
  scene: InteractionScene,
  type: number,
  data: ApiInteractionData,
  message?: ApiMessage,
): SentInteraction {
  const guildId = scene.guild?.id ?? null;
  if (gateway.sessionsFor(guildId).length === 0) {
    throw new Error(
      `No gateway session would receive an interaction ${guildId === null ? 'in a DM (shard 0)' : `in guild ${guildId}`}; ` +
        'wait for the client to be ready first',
    );
  }
  const payload = buildInteraction(state.world, state.ids, scene, type, data, message);
  // Components answer on the message they sit on, so `@original` exists from the start.
  state.interactions.add(payload, scene.channel, message?.id ?? null);
  const delivered = gateway.dispatch(guildId, 'INTERACTION_CREATE', payload);
  return {
    id: payload.id,
    token: payload.token,
    applicationId: payload.application_id,
    type,
    guildId,
    channelId: scene.channel.id,
    user: scene.user,
    payload,
    delivered,
  };
}

function commandSchema(
  state: ServerState,
  name: string,
  guildId: string | null,
  subcommand: string | undefined,
): readonly ApiCommandOptionSchema[] | undefined {
  const options = state.commands.find(name, CommandType.ChatInput, guildId)?.options;
  if (subcommand === undefined) return options;
  return options?.find((o) => o.name === subcommand && o.type === OptionType.Subcommand)?.options;
}

function commandData(
  state: ServerState,
  scene: InteractionScene,
  name: string,
  type: number,
  options: ApiCommandOption[] | undefined,
): ApiInteractionData {
  const guildId = scene.guild?.id ?? null;
  const registered = state.commands.find(name, type, guildId);
  return {
    id: state.commands.idFor(name, type, guildId),
    name,
    type,
    ...(registered?.guild_id !== undefined ? { guild_id: registered.guild_id } : {}),
    ...(options !== undefined ? { options } : {}),
  };
}

function wrapSubcommand(options: ApiCommandOption[], subcommand: string | undefined): ApiCommandOption[] {
  return subcommand === undefined ? options : [{ name: subcommand, type: OptionType.Subcommand, options }];
}

/** User options need `resolved.users/members`, else discord.js resolves them to null. */
function resolvedUsers(state: ServerState, scene: InteractionScene, options: ApiCommandOption[]): ApiInteractionData['resolved'] {
  const users: Record<string, ApiUser> = {};
  const members: Record<string, ApiMember> = {};
  const visit = (list: ApiCommandOption[]): void => {
    for (const option of list) {
      if (option.options) visit(option.options);
      if (option.type !== OptionType.User || typeof option.value !== 'string') continue;
      const user = state.world.users.get(option.value);
      if (!user) continue;
      users[user.id] = user;
      if (scene.guild) {
        const member = ensureMember(scene.guild, user);
        members[user.id] = { ...withoutUser(member), permissions: permissionsOf(scene.guild, user.id).toString() };
      }
    }
  };
  visit(options);
  if (Object.keys(users).length === 0) return undefined;
  return { users, ...(scene.guild ? { members } : {}) };
}

export function sendSlashCommand(state: ServerState, gateway: Gateway, input: SlashCommandOptions): SentInteraction {
  const scene = resolveScene(state, input);
  const schema = commandSchema(state, input.name, scene.guild?.id ?? null, input.subcommand);
  const options = wrapSubcommand(toCommandOptions(input.options, schema), input.subcommand);
  const data = commandData(state, scene, input.name, CommandType.ChatInput, options);
  const resolved = resolvedUsers(state, scene, options);
  return dispatchInteraction(state, gateway, scene, InteractionType.ApplicationCommand, resolved ? { ...data, resolved } : data);
}

export function sendAutocomplete(state: ServerState, gateway: Gateway, input: AutocompleteOptions): SentInteraction {
  const scene = resolveScene(state, input);
  const schema = commandSchema(state, input.name, scene.guild?.id ?? null, input.subcommand);
  const others = toCommandOptions(input.options, schema).filter((o) => o.name !== input.focused);
  const focusedType =
    schema?.find((o) => o.name === input.focused)?.type ?? (typeof input.value === 'number' ? OptionType.Number : OptionType.String);
  // Discord sends the partial input as-is (a string while typing), flagged `focused`.
  const focused: ApiCommandOption = { name: input.focused, type: focusedType, value: input.value, focused: true };
  const options = wrapSubcommand([...others, focused], input.subcommand);
  const data = commandData(state, scene, input.name, CommandType.ChatInput, options);
  return dispatchInteraction(state, gateway, scene, InteractionType.ApplicationCommandAutocomplete, data);
}

export function sendButton(state: ServerState, gateway: Gateway, input: ButtonOptions): SentInteraction {
  const scene = resolveScene(state, input);
  const componentType = input.componentType ?? 2;
  let message: ApiMessage | undefined;
  if (typeof input.message === 'string') {
    message = state.messages.get(input.message);
    if (!message) throw new Error(`sendButton: no stored message ${input.message}`);
  } else if (input.message !== undefined) {
    message = input.message;
  } else {
    message = state.messages.create({
      channel: scene.channel,
      author: state.world.botUser,
      content: 'Pick one:',
      components: [{ type: 1, components: [{ type: 2, style: 1, label: input.customId, custom_id: input.customId }] }],
    });
  }
  const data: ApiInteractionData = {
    custom_id: input.customId,
    component_type: componentType,
    ...(input.values !== undefined ? { values: input.values } : {}),
  };
  return dispatchInteraction(state, gateway, scene, InteractionType.MessageComponent, data, message);
}

export function sendMessageCommand(state: ServerState, gateway: Gateway, input: MessageCommandOptions): SentInteraction {
  const scene = resolveScene(state, input);
  const target = input.targetMessage;
  let message: ApiMessage | undefined;
  if (typeof target === 'string') {
    message = state.messages.get(target);
    if (!message) throw new Error(`sendMessageCommand: no stored message ${target}`);
  } else if ('id' in target) {
    message = target;
  } else {
    message = state.messages.create({
      channel: scene.channel,
      author: resolveUser(state, target.author ?? 'member'),
      content: target.content,
    });
  }
  const data: ApiInteractionData = {
    ...commandData(state, scene, input.name, CommandType.Message, undefined),
    target_id: message.id,
    resolved: { messages: { [message.id]: message } },
  };
  return dispatchInteraction(state, gateway, scene, InteractionType.ApplicationCommand, data);
}
