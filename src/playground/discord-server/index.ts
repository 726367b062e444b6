/**
 * A Discord-compatible REST + gateway server on 127.0.0.1 that a real discord.js Client runs
 * against: the end-to-end tests drive it, and the playground (`npm start` without a token) puts a
 * page in front of it. The facts it is built on are in shared/notes/discord-test-server.md.
 */
export { DiscordServer, startDiscordServer, type DiscordServerOptions, type SessionInfo } from './server.js';
export { testClientOptions } from './client-options.js';
export { CommandType } from './command-registry.js';
export type { FailNextOptions, FaultHandle, IncomingRequest, RequestMatcher } from './faults.js';
export type { GuildFixture } from './fixtures.js';
export { ALL_PERMISSIONS, Permission } from './fixtures.js';
export type { GatewayLogEntry, GatewayLogKind, ShardFilter } from './gateway.js';
export { GatewayOp, Intent } from './gateway.js';
export type { RecordedFile } from './http-body.js';
export type {
  AutocompleteOptions,
  ButtonOptions,
  MessageCommandOptions,
  SentInteraction,
  SlashCommandOptions,
} from './interaction-dispatch.js';
export { CallbackType, InteractionType } from './interaction-registry.js';
export { OptionType, type OptionsInput } from './interaction-payloads.js';
export { webhookRequestKind, type InteractionReply, type InteractionRequest, type InteractionRequestKind } from './interaction-replies.js';
export type { SendMessageOptions, SentMessage } from './message-dispatch.js';
export { MessageLimits } from './message-limits.js';
export { MessageFlag, MessageType, type MessageBody, type MessageChange } from './message-store.js';
export type {
  ApiApplicationCommand,
  ApiChannel,
  ApiCommandOption,
  ApiCommandOptionSchema,
  ApiInteraction,
  ApiInteractionMetadata,
  ApiMember,
  ApiMessage,
  ApiRole,
  ApiUser,
} from './payloads.js';
export type { RecordedRequest } from './request-log.js';
export { Route } from './rest-routes.js';
export type { SceneOptions } from './scene.js';
export { DEFAULT_SERVER_LIMITS, type ServerLimits } from './server-limits.js';
export { shardForGuild } from './snowflake.js';
export { ApiErrorCode } from './api-errors.js';
