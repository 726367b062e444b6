import type { ApiChannel, ApiMember, ApiRole, ApiUser } from './payloads.js';
import { snowflakeAt, type SnowflakeGenerator } from './snowflake.js';

/** Permission bits (Discord's values) used to build realistic roles. */
export const Permission = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  UseExternalEmojis: 1n << 18n,
  ChangeNickname: 1n << 26n,
  UseApplicationCommands: 1n << 31n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** Every permission bit Discord currently defines (what an administrator resolves to). */
export const ALL_PERMISSIONS = (1n << 51n) - 1n;

const EVERYONE_PERMISSIONS =
  Permission.CreateInstantInvite |
  Permission.AddReactions |
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.UseExternalEmojis |
  Permission.ChangeNickname |
  Permission.UseApplicationCommands |
  Permission.CreatePublicThreads |
  Permission.SendMessagesInThreads;

export const ChannelType = { GuildText: 0, DM: 1 } as const;

export interface GuildFixture {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  /** The guild's text channel ("general"); interactions and messages default to it. */
  readonly textChannelId: string;
  readonly channels: ApiChannel[];
  readonly everyoneRoleId: string;
  readonly adminRoleId: string;
  readonly botRoleId: string;
  readonly roles: ApiRole[];
  /** Members by user id, each with its `user`: the bot, the admin and the plain member. */
  readonly members: Map<string, ApiMember>;
  readonly joinedAt: string;
}

export interface World {
  readonly applicationId: string;
  readonly botUser: ApiUser;
  /** Owns every guild and has an Administrator role. */
  readonly adminUser: ApiUser;
  /** Has only @everyone's permissions. */
  readonly memberUser: ApiUser;
  readonly users: Map<string, ApiUser>;
  readonly guilds: GuildFixture[];
  /** Every channel (guild and DM) by id. */
  readonly channels: Map<string, ApiChannel>;
  /** DM channel per recipient user id. */
  readonly dmChannels: Map<string, ApiChannel>;
}

export interface WorldOptions {
  /** Number of guilds, or their names. Default: one guild. */
  guilds?: number | readonly string[];
  botUsername?: string;
  /** The plain member's name. Default `test-member`. */
  memberUsername?: string;
}

export function makeUser(id: string, username: string, bot = false): ApiUser {
  return {
    id,
    username,
    global_name: bot ? null : username,
    discriminator: bot ? '0000' : '0',
    avatar: null,
    ...(bot ? { bot: true } : {}),
    flags: 0,
    public_flags: 0,
  };
}

function makeRole(id: string, name: string, position: number, permissions: bigint, botId?: string): ApiRole {
  return {
    id,
    name,
    color: 0,
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: botId !== undefined,
    mentionable: false,
    flags: 0,
    ...(botId !== undefined ? { tags: { bot_id: botId } } : {}),
  };
}

function makeMember(user: ApiUser, roles: string[], joinedAt: string): ApiMember {
  return {
    user,
    nick: null,
    avatar: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

export function createWorld(ids: SnowflakeGenerator, options: WorldOptions = {}): World {
  const guildNames =
    typeof options.guilds === 'number'
      ? Array.from({ length: options.guilds }, (_, i) => `Test Guild ${i + 1}`)
      : (options.guilds ?? ['Test Guild 1']);
  if (guildNames.length === 0) throw new Error('createWorld: at least one guild is required');

  // Guild ids get consecutive millisecond timestamps, so with N shards guilds 0..N-1 land on
  // N different shards (shard = (id >> 22) % N).
  const guildBaseMs = BigInt(Date.now() - 3_600_000);
  const botUser = makeUser(ids.next(), options.botUsername ?? 'article-qa-bot', true);
  const applicationId = botUser.id; // Discord bots' application id equals the bot user id.
  const adminUser = makeUser(ids.next(), 'test-admin');
  const memberUser = makeUser(ids.next(), options.memberUsername ?? 'test-member');
  const users = new Map([botUser, adminUser, memberUser].map((u) => [u.id, u]));
  const channels = new Map<string, ApiChannel>();
  const joinedAt = new Date().toISOString();

  const guilds = guildNames.map((name, index): GuildFixture => {
    const id = snowflakeAt(guildBaseMs + BigInt(index));
    const textChannel: ApiChannel = {
      id: ids.next(),
      type: ChannelType.GuildText,
      guild_id: id,
      name: 'general',
      position: 0,
      permission_overwrites: [],
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      parent_id: null,
      flags: 0,
    };
    channels.set(textChannel.id, textChannel);
    const adminRoleId = ids.next();
    const botRoleId = ids.next();
    const roles = [
      // @everyone's role id is the guild id.
      makeRole(id, '@everyone', 0, EVERYONE_PERMISSIONS),
      makeRole(adminRoleId, 'Admin', 2, Permission.Administrator | Permission.ManageGuild),
      makeRole(botRoleId, botUser.username, 1, EVERYONE_PERMISSIONS, botUser.id),
    ];
    const members = new Map<string, ApiMember>([
      [botUser.id, makeMember(botUser, [botRoleId], joinedAt)],
      [adminUser.id, makeMember(adminUser, [adminRoleId], joinedAt)],
      [memberUser.id, makeMember(memberUser, [], joinedAt)],
    ]);
    return {
      id,
      name,
      ownerId: adminUser.id,
      textChannelId: textChannel.id,
      channels: [textChannel],
      everyoneRoleId: id,
      adminRoleId,
      botRoleId,
      roles,
      members,
      joinedAt,
    };
  });

  return { applicationId, botUser, adminUser, memberUser, users, guilds, channels, dmChannels: new Map() };
}

/** Adds a role below the bot's, as a server admin would. */
export function addRole(ids: SnowflakeGenerator, guild: GuildFixture, name: string, permissions: bigint): ApiRole {
  const role = makeRole(ids.next(), name, 1, permissions);
  guild.roles.push(role);
  return role;
}

/** A member's guild-level permissions, resolved the way Discord does (owner/admin get all). */
export function permissionsOf(guild: GuildFixture, userId: string): bigint {
  if (userId === guild.ownerId) return ALL_PERMISSIONS;
  const member = guild.members.get(userId);
  let bits = 0n;
  for (const role of guild.roles) {
    if (role.id === guild.everyoneRoleId || member?.roles.includes(role.id)) bits |= BigInt(role.permissions);
  }
  return (bits & Permission.Administrator) !== 0n ? ALL_PERMISSIONS : bits;
}

/** Guild members are created on demand so tests can use any user in any guild. */
export function ensureMember(guild: GuildFixture, user: ApiUser): ApiMember {
  const existing = guild.members.get(user.id);
  if (existing) return existing;
  const member = makeMember(user, [], guild.joinedAt);
  guild.members.set(user.id, member);
  return member;
}

/** Members embedded in messages carry no `user` (the author is the user). */
export function withoutUser(member: ApiMember): ApiMember {
  const { user: _user, ...rest } = member;
  return rest;
}

/** Returns the DM channel with `user`, creating it the first time (like POST /users/@me/channels). */
export function openDmChannel(world: World, ids: SnowflakeGenerator, user: ApiUser): ApiChannel {
  const existing = world.dmChannels.get(user.id);
  if (existing) return existing;
  const channel: ApiChannel = {
    id: ids.next(),
    type: ChannelType.DM,
    last_message_id: null,
    recipients: [user],
    flags: 0,
  };
  world.dmChannels.set(user.id, channel);
  world.channels.set(channel.id, channel);
  return channel;
}

export function findGuild(world: World, guildId: string): GuildFixture {
  const guild = world.guilds.find((g) => g.id === guildId);
  if (!guild) throw new Error(`No guild ${guildId} in this test server`);
  return guild;
}

/** The GUILD_CREATE payload: full guild with channels, roles and members (the bot included). */
export function guildCreatePayload(guild: GuildFixture): Record<string, unknown> {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: guild.textChannelId,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    max_members: 500_000,
    max_video_channel_users: 25,
    roles: guild.roles,
    emojis: [],
    stickers: [],
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: guild.members.size,
    voice_states: [],
    members: [...guild.members.values()],
    channels: guild.channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    lazy: true,
    application_command_counts: {},
  };
}
