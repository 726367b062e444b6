import { randomBytes } from 'node:crypto';
import { ensureMember, permissionsOf, type GuildFixture, type World } from './fixtures.js';
import type {
  ApiChannel,
  ApiCommandOption,
  ApiCommandOptionSchema,
  ApiInteraction,
  ApiInteractionData,
  ApiMessage,
  ApiUser,
} from './payloads.js';
import type { SnowflakeGenerator } from './snowflake.js';

/** Application command option types (Discord's values). */
export const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
} as const;

/** Interaction context types (Discord's values). */
const InteractionContext = { Guild: 0, BotDm: 1 } as const;

/** Where an interaction happens and who triggers it. */
export interface InteractionScene {
  user: ApiUser;
  guild: GuildFixture | null;
  channel: ApiChannel;
  locale: string;
}

/** Simple option values (`{question: 'why?'}`) or raw Discord option objects. */
export type OptionsInput = Readonly<Record<string, string | number | boolean>> | readonly ApiCommandOption[];

/**
 * Turns `{name: value}` into Discord options, taking each type from the registered command's
 * schema when there is one (so 3 vs 4 vs 10 match what the bot declared), else from the JS type.
 */
export function toCommandOptions(
  input: OptionsInput | undefined,
  schema: readonly ApiCommandOptionSchema[] | undefined,
): ApiCommandOption[] {
  if (input === undefined) return [];
  if (isOptionList(input)) return [...input];
  return Object.entries(input).map(([name, value]) => ({
    name,
    type: schema?.find((o) => o.name === name)?.type ?? inferOptionType(value),
    value,
  }));
}

function isOptionList(input: OptionsInput): input is readonly ApiCommandOption[] {
  return Array.isArray(input);
}

function inferOptionType(value: string | number | boolean): number {
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return OptionType.String;
}

/**
 * Builds an INTERACTION_CREATE payload. `entitlements` and `authorizing_integration_owners`
 * must be present: without them discord.js throws while constructing the interaction and the
 * event is silently lost.
 */
export function buildInteraction(
  world: World,
  ids: SnowflakeGenerator,
  scene: InteractionScene,
  type: number,
  data: ApiInteractionData,
  message?: ApiMessage,
): ApiInteraction {
  const { guild, user, channel } = scene;
  const common = {
    id: ids.next(),
    application_id: world.applicationId,
    type,
    token: `itoken.${randomBytes(32).toString('base64url')}`,
    version: 1 as const,
    data,
    channel_id: channel.id,
    locale: scene.locale,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
    ...(message ? { message } : {}),
  };
  if (guild === null) {
    return {
      ...common,
      channel: { ...channel, recipients: [user] },
      user,
      app_permissions: permissionsOfDm().toString(),
      // Guild-installed app used in a DM with the bot: Discord reports the guild owner as "0".
      authorizing_integration_owners: { '0': '0' },
      context: InteractionContext.BotDm,
    };
  }
  const member = ensureMember(guild, user);
  const memberPermissions = permissionsOf(guild, user.id).toString();
  return {
    ...common,
    guild_id: guild.id,
    guild: { id: guild.id, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    channel: { ...channel, permissions: memberPermissions },
    member: { ...member, user, permissions: memberPermissions },
    app_permissions: permissionsOf(guild, world.botUser.id).toString(),
    authorizing_integration_owners: { '0': guild.id },
    context: InteractionContext.Guild,
  };
}

/** What a bot may do in a DM (view, send, embed, attach, history, reactions). */
function permissionsOfDm(): bigint {
  return (1n << 6n) | (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n);
}
