import { ChannelType, findGuild, openDmChannel } from './fixtures.js';
import type { InteractionScene } from './interaction-payloads.js';
import type { ApiUser } from './payloads.js';
import type { ServerState } from './server-state.js';

/** Who does something and where: shared by the interaction and message dispatch helpers. */
export interface SceneOptions {
  /** The acting user: a user object, or 'member' (default, no special permissions) or 'admin'. */
  user?: ApiUser | 'member' | 'admin';
  /** Guild to act in; default the first guild. Ignored with `dm`. */
  guildId?: string;
  /** Channel; default the guild's text channel, or the DM channel with the user when `dm`. */
  channelId?: string;
  /** Act in the user's DM with the bot instead of a guild. */
  dm?: boolean;
  /** The user's client locale; default 'en-US'. */
  locale?: string;
}

export function resolveUser(state: ServerState, user: SceneOptions['user']): ApiUser {
  if (user === undefined || user === 'member') return state.world.memberUser;
  if (user === 'admin') return state.world.adminUser;
  // Unknown users become known, so mentions and GET /users/:id can resolve them.
  if (!state.world.users.has(user.id)) state.world.users.set(user.id, user);
  return user;
}

export function resolveScene(state: ServerState, options: SceneOptions): InteractionScene {
  const user = resolveUser(state, options.user);
  const locale = options.locale ?? 'en-US';
  if (options.dm === true) {
    const dmChannel = openDmChannel(state.world, state.ids, user);
    if (options.channelId !== undefined && options.channelId !== dmChannel.id) {
      throw new Error(`Channel ${options.channelId} is not the DM channel of user ${user.id}`);
    }
    return { user, guild: null, channel: dmChannel, locale };
  }
  const firstGuild = state.world.guilds[0];
  const guildId = options.guildId ?? firstGuild?.id;
  if (guildId === undefined) throw new Error('The test server has no guild');
  const guild = findGuild(state.world, guildId);
  const channelId = options.channelId ?? guild.textChannelId;
  const channel = guild.channels.find((c) => c.id === channelId);
  if (!channel || channel.type === ChannelType.DM) throw new Error(`Channel ${channelId} is not in guild ${guild.id}`);
  return { user, guild, channel, locale };
}
