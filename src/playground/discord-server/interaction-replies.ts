import { CallbackType, type InteractionRegistry } from './interaction-registry.js';
import { hasVisibleContent, readMessageBody, type MessageBody, type MessageStore } from './message-store.js';
import type { ApiMessage } from './payloads.js';
import { isRecord } from './payloads.js';
import type { RecordedRequest } from './request-log.js';
import { Route } from './rest-routes.js';

export type InteractionRequestKind = 'callback' | 'followup' | 'edit' | 'fetch' | 'delete';

/** A request the bot made about one interaction. */
export interface InteractionRequest {
  readonly interactionId: string;
  readonly kind: InteractionRequestKind;
  readonly request: RecordedRequest;
}

/** The bot's visible answer to an interaction (a reply, update, follow-up or edit). */
export interface InteractionReply extends InteractionRequest {
  readonly kind: 'callback' | 'followup' | 'edit';
  /** Callback type for `callback` (4 reply, 7 update), else null. */
  readonly callbackType: number | null;
  readonly body: MessageBody;
  readonly content: string;
  /** The message the server stored for it (from the response), if any. */
  readonly message: ApiMessage | null;
}

/** What a request on an interaction's webhook does (POST a follow-up, PATCH / GET / DELETE a message), or null for anything else. */
export function webhookRequestKind(req: Pick<RecordedRequest, 'route' | 'method'>): Exclude<InteractionRequestKind, 'callback'> | null {
  if (req.route === Route.Webhook) return req.method === 'POST' ? 'followup' : null;
  if (req.route !== Route.WebhookMessage) return null;
  return req.method === 'PATCH' ? 'edit' : req.method === 'GET' ? 'fetch' : req.method === 'DELETE' ? 'delete' : null;
}

/** Maps a recorded request to the interaction it belongs to (by id for callbacks, token for webhooks). */
export function classifyInteractionRequest(req: RecordedRequest, registry: InteractionRegistry): InteractionRequest | null {
  if (req.route === Route.InteractionCallback) {
    const interactionId = req.params.interactionId;
    return interactionId !== undefined ? { interactionId, kind: 'callback', request: req } : null;
  }
  if (req.route !== Route.Webhook && req.route !== Route.WebhookMessage) return null;
  const token = req.params.token;
  const record = token !== undefined ? registry.byToken(token) : undefined;
  if (!record) return null;
  const kind = webhookRequestKind(req);
  return kind !== null ? { interactionId: record.id, kind, request: req } : null;
}

/** A successful request carrying visible message content for an interaction, else null. */
export function toInteractionReply(req: RecordedRequest, registry: InteractionRegistry, messages: MessageStore): InteractionReply | null {
  const classified = classifyInteractionRequest(req, registry);
  if (!classified || req.status >= 300 || req.fault) return null;
  let body: MessageBody;
  let callbackType: number | null = null;
  if (classified.kind === 'callback') {
    if (!isRecord(req.body) || typeof req.body.type !== 'number') return null;
    callbackType = req.body.type;
    if (callbackType !== CallbackType.ChannelMessageWithSource && callbackType !== CallbackType.UpdateMessage) return null;
    body = readMessageBody(req.body.data);
  } else if (classified.kind === 'followup' || classified.kind === 'edit') {
    body = readMessageBody(req.body);
  } else {
    return null;
  }
  if (!hasVisibleContent(body)) return null;
  const response = req.response;
  // A plain callback is answered 204, so its message comes from the store via `@original`.
  const originalId = registry.byId(classified.interactionId)?.originalMessageId ?? null;
  const message =
    isRecord(response) && isMessageLike(response)
      ? response
      : classified.kind === 'callback' && originalId !== null
        ? (messages.get(originalId) ?? null)
        : null;
  return {
    interactionId: classified.interactionId,
    kind: classified.kind,
    request: req,
    callbackType,
    body,
    content: body.content ?? '',
    message,
  };
}

function isMessageLike(value: Record<string, unknown>): value is Record<string, unknown> & ApiMessage {
  return typeof value.id === 'string' && typeof value.channel_id === 'string' && isRecord(value.author);
}
