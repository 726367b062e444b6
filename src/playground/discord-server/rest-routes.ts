import { ApiErrorCode, apiErrorBody, type ApiErrorBody } from './api-errors.js';
import { findGuild, guildCreatePayload, openDmChannel, withoutUser } from './fixtures.js';
import type { RecordedFile } from './http-body.js';
import { CallbackType, InteractionType, type InteractionRecord } from './interaction-registry.js';
import { validateAutocompleteChoices, validateMessageBody } from './message-limits.js';
import { MessageFlag, MessageType, readMessageBody, type MessageBody, type Uploads } from './message-store.js';
import type { ApiChannel, ApiMessage } from './payloads.js';
import { isRecord } from './payloads.js';
import { Router, type HttpMethod } from './router.js';
import type { ServerState } from './server-state.js';
import { CommandType } from './command-registry.js';

/** Route templates, for `failNext({route})` and for filtering `server.requests` by `route`. */
export const Route = {
  Gateway: '/gateway',
  GatewayBot: '/gateway/bot',
  CurrentUser: '/users/@me',
  User: '/users/:userId',
  UserChannels: '/users/@me/channels',
  CurrentApplication: '/applications/@me',
  GlobalCommands: '/applications/:applicationId/commands',
  GlobalCommand: '/applications/:applicationId/commands/:commandId',
  GuildCommands: '/applications/:applicationId/guilds/:guildId/commands',
  GuildCommand: '/applications/:applicationId/guilds/:guildId/commands/:commandId',
  InteractionCallback: '/interactions/:interactionId/:token/callback',
  Webhook: '/webhooks/:applicationId/:token',
  WebhookMessage: '/webhooks/:applicationId/:token/messages/:messageId',
  Channel: '/channels/:channelId',
  ChannelMessages: '/channels/:channelId/messages',
  ChannelMessage: '/channels/:channelId/messages/:messageId',
  ChannelTyping: '/channels/:channelId/typing',
  Guild: '/guilds/:guildId',
  GuildChannels: '/guilds/:guildId/channels',
  GuildMember: '/guilds/:guildId/members/:userId',
  GuildRoles: '/guilds/:guildId/roles',
} as const;

export interface RouteContext {
  readonly state: ServerState;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly files: readonly RecordedFile[];
}

export interface RouteResult {
  status: number;
  /** Omitted for 204. */
  body?: unknown;
}

export interface RouteDefinition {
  /** Whether the route needs `Authorization: Bot <token>` (interaction/webhook-token routes do not). */
  readonly auth: boolean;
  readonly handle: (ctx: RouteContext) => RouteResult;
}

const NO_CONTENT: RouteResult = { status: 204 };

function ok(body: unknown): RouteResult {
  return { status: 200, body };
}

function fail(status: number, code: number, message?: string): RouteResult {
  return { status, body: apiErrorBody(status, code, message) };
}

function invalid(error: ApiErrorBody): RouteResult {
  return { status: 400, body: error };
}

function param(ctx: RouteContext, name: string): string {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`route parameter ${name} missing`);
  return value;
}

function uploadsOf(files: readonly RecordedFile[]): Uploads {
  const uploads = new Map<number, { filename: string; size: number }>();
  for (const file of files) if (file.index !== null) uploads.set(file.index, { filename: file.filename, size: file.size });
  return uploads;
}

export function buildRouter(): Router<RouteDefinition> {
  const router = new Router<RouteDefinition>();
  const add = (method: HttpMethod, template: string, auth: boolean, handle: RouteDefinition['handle']): void => {
    router.add(method, template, { auth, handle });
  };

  add('GET', Route.Gateway, false, ({ state }) => ok({ url: state.gatewayUrl() }));
  add('GET', Route.GatewayBot, true, ({ state }) =>
    ok({
      url: state.gatewayUrl(),
      shards: state.recommendedShards,
      // max_concurrency >= shard count, else discord.js spaces identifies 5 s apart.
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 16 },
    }),
  );

  add('GET', Route.CurrentUser, true, ({ state }) =>
    ok({ ...state.world.botUser, verified: true, mfa_enabled: false, locale: 'en-US', email: null }),
  );
  add('GET', Route.User, true, (ctx) => {
    const user = ctx.state.world.users.get(param(ctx, 'userId'));
    return user ? ok(user) : fail(404, ApiErrorCode.UnknownUser);
  });
  add('POST', Route.UserChannels, true, ({ state, body }) => {
    const recipientId = isRecord(body) && typeof body.recipient_id === 'string' ? body.recipient_id : null;
    const user = recipientId !== null ? state.world.users.get(recipientId) : undefined;
    if (!user) return fail(400, 50033, 'Invalid Recipient(s)');
    return ok(openDmChannel(state.world, state.ids, user));
  });

  add('GET', Route.CurrentApplication, true, ({ state }) => {
    const { world } = state;
    return ok({
      id: world.applicationId,
      name: world.botUser.username,
      icon: null,
      description: '',
      summary: '',
      type: null,
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: 0,
      owner: world.adminUser,
      team: null,
      bot: world.botUser,
      approximate_guild_count: world.guilds.length,
      installation_count: world.guilds.length,
      interactions_endpoint_url: null,
      integration_types_config: { '0': {} },
    });
  });

  // Command registration: global and per guild.
  const commandScope = (ctx: RouteContext): string | null => ctx.params.guildId ?? null;
  for (const [list, single] of [
    [Route.GlobalCommands, Route.GlobalCommand],
    [Route.GuildCommands, Route.GuildCommand],
  ] as const) {
    add('GET', list, true, (ctx) => {
      const guildId = commandScope(ctx);
      return ok(guildId === null ? ctx.state.commands.global : ctx.state.commands.guild(guildId));
    });
    add('PUT', list, true, (ctx) => {
      const result = ctx.state.commands.overwrite(ctx.body, commandScope(ctx));
      return typeof result === 'string' ? fail(400, ApiErrorCode.InvalidFormBody, result) : ok(result);
    });
    add('POST', list, true, (ctx) => {
      const result = ctx.state.commands.upsert(ctx.body, commandScope(ctx));
      return typeof result === 'string' ? fail(400, ApiErrorCode.InvalidFormBody, result) : { status: 201, body: result };
    });
    add('DELETE', single, true, (ctx) =>
      ctx.state.commands.remove(param(ctx, 'commandId'), commandScope(ctx)) ? NO_CONTENT : fail(404, 10063, 'Unknown application command'),
    );
  }

  add('POST', Route.InteractionCallback, false, interactionCallback);
  add('POST', Route.Webhook, false, createFollowup);
  add('GET', Route.WebhookMessage, false, (ctx) => withWebhookMessage(ctx, (message) => ok(message)));
  add('PATCH', Route.WebhookMessage, false, (ctx) =>
    withWebhookMessage(ctx, (message) => {
      const body = readMessageBody(ctx.body);
      const error = validateMessageBody(body, { creating: false });
      if (error) return invalid(error);
      return ok(ctx.state.messages.edit(message.id, body, uploadsOf(ctx.files)));
    }),
  );
  add('DELETE', Route.WebhookMessage, false, (ctx) =>
    withWebhookMessage(ctx, (message) => {
      ctx.state.messages.delete(message.id);
      return NO_CONTENT;
    }),
  );

  add('GET', Route.Channel, true, (ctx) => {
    const channel = ctx.state.world.channels.get(param(ctx, 'channelId'));
    return channel ? ok(channel) : fail(404, ApiErrorCode.UnknownChannel);
  });
  add('GET', Route.ChannelMessages, true, (ctx) => {
    const channelId = param(ctx, 'channelId');
    if (!ctx.state.world.channels.has(channelId)) return fail(404, ApiErrorCode.UnknownChannel);
    const limit = Math.min(Number(ctx.query.limit ?? 50) || 50, 100);
    // Newest first, as Discord answers; `before` pages back.
    return ok(ctx.state.messages.page(channelId, limit, ctx.query.before).messages.reverse());
  });
  add('POST', Route.ChannelMessages, true, createChannelMessage);
  add('GET', Route.ChannelMessage, true, (ctx) => withChannelMessage(ctx, (message) => ok(message)));
  add('PATCH', Route.ChannelMessage, true, (ctx) =>
    withChannelMessage(ctx, (message) => {
      if (message.author.id !== ctx.state.world.botUser.id) {
        return fail(403, 50005, 'Cannot edit a message authored by another user');
      }
      const body = readMessageBody(ctx.body);
      const error = validateMessageBody(body, { creating: false });
      if (error) return invalid(error);
      return ok(ctx.state.messages.edit(message.id, body, uploadsOf(ctx.files)));
    }),
  );
  add('DELETE', Route.ChannelMessage, true, (ctx) =>
    withChannelMessage(ctx, (message) => {
      ctx.state.messages.delete(message.id);
      return NO_CONTENT;
    }),
  );
  add('POST', Route.ChannelTyping, true, (ctx) =>
    ctx.state.world.channels.has(param(ctx, 'channelId')) ? NO_CONTENT : fail(404, ApiErrorCode.UnknownChannel),
  );

  add('GET', Route.Guild, true, (ctx) => withGuild(ctx, (guild) => ok(guildCreatePayload(guild))));
  add('GET', Route.GuildChannels, true, (ctx) => withGuild(ctx, (guild) => ok(guild.channels)));
  add('GET', Route.GuildRoles, true, (ctx) => withGuild(ctx, (guild) => ok(guild.roles)));
  add('GET', Route.GuildMember, true, (ctx) =>
    withGuild(ctx, (guild) => {
      const member = guild.members.get(param(ctx, 'userId'));
      return member ? ok(member) : fail(404, 10007, 'Unknown Member');
    }),
  );

  return router;
}

function withGuild(ctx: RouteContext, then: (guild: ReturnType<typeof findGuild>) => RouteResult): RouteResult {
  const guildId = param(ctx, 'guildId');
  if (!ctx.state.world.guilds.some((g) => g.id === guildId)) return fail(404, 10004, 'Unknown Guild');
  return then(findGuild(ctx.state.world, guildId));
}

function withChannelMessage(ctx: RouteContext, then: (message: ApiMessage) => RouteResult): RouteResult {
  const channelId = param(ctx, 'channelId');
  if (!ctx.state.world.channels.has(channelId)) return fail(404, ApiErrorCode.UnknownChannel);
  const message = ctx.state.messages.get(param(ctx, 'messageId'));
  if (!message || message.channel_id !== channelId) return fail(404, ApiErrorCode.UnknownMessage);
  return then(message);
}

/** The message type of a reply to this interaction, as Discord labels it. */
function replyType(record: InteractionRecord): number {
  if (record.payload.type !== InteractionType.ApplicationCommand) return MessageType.Default;
  return record.payload.data.type === CommandType.ChatInput ? MessageType.ChatInputCommand : MessageType.ContextMenuCommand;
}

/** What Discord puts on a message that answers an interaction: which one, who used it, and (for commands) its name. */
function interactionFields(record: InteractionRecord, followup: boolean): Pick<ApiMessage, 'interaction_metadata' | 'interaction'> {
  const { payload } = record;
  const user = payload.member?.user ?? payload.user;
  if (user === undefined) return {};
  const { data } = payload;
  return {
    interaction_metadata: {
      id: payload.id,
      type: payload.type,
      user,
      authorizing_integration_owners: payload.authorizing_integration_owners,
      ...(followup && record.originalMessageId !== null ? { original_response_message_id: record.originalMessageId } : {}),
      ...(payload.message !== undefined ? { interacted_message_id: payload.message.id } : {}),
      ...(data.target_id !== undefined ? { target_message_id: data.target_id } : {}),
    },
    ...(payload.type === InteractionType.ApplicationCommand && data.name !== undefined
      ? { interaction: { id: payload.id, type: payload.type, name: data.name, user } }
      : {}),
  };
}

/** Messages the application posts through the interaction webhook. */
function createInteractionMessage(ctx: RouteContext, record: InteractionRecord, body: MessageBody, followup = false): ApiMessage {
  const { world } = ctx.state;
  const message = ctx.state.messages.create({
    ...body,
    channel: record.channel,
    author: world.botUser,
    type: replyType(record),
    webhook_id: world.applicationId,
    application_id: world.applicationId,
    uploads: uploadsOf(ctx.files),
    ...interactionFields(record, followup),
  });
  ctx.state.onBotMessage(message);
  return message;
}

function interactionCallback(ctx: RouteContext): RouteResult {
  const record = ctx.state.interactions.byId(param(ctx, 'interactionId'));
  if (!record || record.token !== param(ctx, 'token')) return fail(404, ApiErrorCode.UnknownInteraction);
  if (record.callbackType !== null) return fail(400, ApiErrorCode.InteractionAlreadyAcknowledged);
  const { body } = ctx;
  if (!isRecord(body) || typeof body.type !== 'number') return fail(400, ApiErrorCode.InvalidFormBody, 'type is required');
  const type = body.type;
  const data = isRecord(body.data) ? body.data : {};
  const interactionType = record.payload.type;
  const isComponent = interactionType === InteractionType.MessageComponent || interactionType === InteractionType.ModalSubmit;
  const isAutocomplete = interactionType === InteractionType.ApplicationCommandAutocomplete;
  // Discord rejects callback types that do not fit the interaction; mirror it to catch bot bugs.
  if (isAutocomplete !== (type === CallbackType.ApplicationCommandAutocompleteResult)) {
    return fail(400, ApiErrorCode.InvalidFormBody, `callback type ${type} is not valid for interaction type ${interactionType}`);
  }
  let message: ApiMessage | undefined;
  switch (type) {
    case CallbackType.ChannelMessageWithSource: {
      const messageBody = readMessageBody(data);
      const error = validateMessageBody(messageBody, { creating: true });
      if (error) return invalid(error);
      message = createInteractionMessage(ctx, record, messageBody);
      record.originalMessageId = message.id;
      break;
    }
    case CallbackType.DeferredChannelMessageWithSource: {
      const flags = (readMessageBody(data).flags ?? 0) | MessageFlag.Loading;
      message = createInteractionMessage(ctx, record, { content: '', flags });
      record.originalMessageId = message.id;
      break;
    }
    case CallbackType.DeferredUpdateMessage:
    case CallbackType.UpdateMessage: {
      if (!isComponent || record.originalMessageId === null) {
        return fail(400, ApiErrorCode.InvalidFormBody, `callback type ${type} needs a component interaction`);
      }
      if (type === CallbackType.UpdateMessage) {
        const messageBody = readMessageBody(data);
        const error = validateMessageBody(messageBody, { creating: false });
        if (error) return invalid(error);
        message = ctx.state.messages.edit(record.originalMessageId, messageBody, uploadsOf(ctx.files));
      } else {
        message = ctx.state.messages.get(record.originalMessageId);
      }
      break;
    }
    case CallbackType.ApplicationCommandAutocompleteResult: {
      const error = validateAutocompleteChoices(data);
      if (error) return invalid(error);
      break;
    }
    case CallbackType.Modal:
      if (isRecord(data) && typeof data.custom_id === 'string' && typeof data.title === 'string') break;
      return fail(400, ApiErrorCode.InvalidFormBody, 'modal needs custom_id and title');
    default:
      return fail(400, ApiErrorCode.InvalidFormBody, `unsupported callback type ${type}`);
  }
  record.callbackType = type;
  if (ctx.query.with_response !== 'true') return NO_CONTENT;
  return ok({
    interaction: {
      id: record.id,
      type: record.payload.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: type === CallbackType.DeferredChannelMessageWithSource,
            response_message_ephemeral: (message.flags & MessageFlag.Ephemeral) !== 0,
          }
        : {}),
    },
    resource: { type, ...(message ? { message } : {}) },
  });
}

function webhookInteraction(ctx: RouteContext): InteractionRecord | undefined {
  const record = ctx.state.interactions.byToken(param(ctx, 'token'));
  return record && param(ctx, 'applicationId') === ctx.state.world.applicationId ? record : undefined;
}

function createFollowup(ctx: RouteContext): RouteResult {
  const record = webhookInteraction(ctx);
  // Discord only opens the interaction webhook once the interaction was acknowledged.
  if (!record || record.callbackType === null) return fail(404, ApiErrorCode.UnknownWebhook);
  const body = readMessageBody(ctx.body);
  const error = validateMessageBody(body, { creating: true });
  if (error) return invalid(error);
  const message = createInteractionMessage(ctx, record, body, true);
  record.followupMessageIds.push(message.id);
  return ctx.query.wait === 'true' ? ok(message) : NO_CONTENT;
}

function withWebhookMessage(ctx: RouteContext, then: (message: ApiMessage) => RouteResult): RouteResult {
  const record = webhookInteraction(ctx);
  if (!record) return fail(404, ApiErrorCode.UnknownWebhook);
  const requested = param(ctx, 'messageId');
  const id = requested === '@original' ? record.originalMessageId : requested;
  const belongs = id !== null && (id === record.originalMessageId || record.followupMessageIds.includes(id));
  const message = belongs ? ctx.state.messages.get(id) : undefined;
  return message ? then(message) : fail(404, ApiErrorCode.UnknownMessage);
}

function createChannelMessage(ctx: RouteContext): RouteResult {
  const { world, messages } = ctx.state;
  const channel: ApiChannel | undefined = world.channels.get(param(ctx, 'channelId'));
  if (!channel) return fail(404, ApiErrorCode.UnknownChannel);
  const body = readMessageBody(ctx.body);
  const error = validateMessageBody(body, { creating: true });
  if (error) return invalid(error);
  const reference = body.message_reference;
  if (reference?.message_id !== undefined && !messages.get(reference.message_id) && reference.fail_if_not_exists !== false) {
    return invalid({
      message: 'Invalid Form Body',
      code: ApiErrorCode.InvalidFormBody,
      errors: { message_reference: { _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }] } },
    });
  }
  const guildMember = channel.guild_id !== undefined ? findGuild(world, channel.guild_id).members.get(world.botUser.id) : undefined;
  const message = messages.create({
    ...body,
    channel,
    author: world.botUser,
    ...(guildMember ? { member: withoutUser(guildMember) } : {}),
    uploads: uploadsOf(ctx.files),
  });
  ctx.state.onBotMessage(message);
  return ok(message);
}
