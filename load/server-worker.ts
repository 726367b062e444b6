/**
 * The local Discord-compatible test server, run in a worker thread: it acts as the users (slash
 * commands, buttons, mentions, DMs) when the runner says so, and streams every request the bot
 * makes back to the runner, tied to the event that caused it. 127.0.0.1 only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  Route,
  startDiscordServer,
  type DiscordServer,
  type RecordedRequest,
  webhookRequestKind,
} from '../src/playground/discord-server/index.js';
import type { FromWorker, RequestRecord, ToWorker, WorkerData } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('server-worker.ts must run in a worker thread');
const { token } = workerData as WorkerData;

const FLUSH_INTERVAL_MS = 20;

const server: DiscordServer = await startDiscordServer({ token });
/** Which load event an interaction id, interaction token or user message id belongs to. */
const eventByInteraction = new Map<string, number>();
const eventByToken = new Map<string, number>();
const eventByMessage = new Map<string, number>();
let cursor = 0;

function post(message: FromWorker): void {
  port?.postMessage(message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function enabledButtons(body: Record<string, unknown>): string[] {
  const rows = Array.isArray(body.components) ? body.components : [];
  return rows.flatMap((row) =>
    isRecord(row) && Array.isArray(row.components)
      ? row.components
          .filter(isRecord)
          .flatMap((button) => (typeof button.custom_id === 'string' && button.disabled !== true ? [button.custom_id] : []))
      : [],
  );
}

function toRecord(request: RecordedRequest): RequestRecord {
  const body = isRecord(request.body) ? request.body : {};
  const response = isRecord(request.response) ? request.response : {};
  let seq: number | null = null;
  let kind: RequestRecord['kind'] = 'other';
  let callbackType: number | null = null;
  let message: Record<string, unknown> = body;
  let messageId = typeof response.id === 'string' && typeof response.channel_id === 'string' ? response.id : null;

  if (request.route === Route.InteractionCallback) {
    seq = eventByInteraction.get(request.params.interactionId ?? '') ?? null;
    kind = 'callback';
    callbackType = typeof body.type === 'number' ? body.type : null;
    message = isRecord(body.data) ? body.data : {};
  } else if (request.route === Route.Webhook || request.route === Route.WebhookMessage) {
    seq = eventByToken.get(request.params.token ?? '') ?? null;
    kind = webhookRequestKind(request) ?? 'other';
  } else if (request.route === Route.ChannelMessages && request.method === 'POST') {
    const reference = isRecord(body.message_reference) ? body.message_reference : {};
    const repliedTo = typeof reference.message_id === 'string' ? reference.message_id : null;
    if (repliedTo !== null) {
      seq = eventByMessage.get(repliedTo) ?? null;
      kind = 'channel-reply';
    }
  }
  if (kind === 'other') messageId = null;

  return {
    seq,
    at: request.at,
    method: request.method,
    route: request.route,
    status: request.status,
    kind,
    callbackType,
    flags: typeof message.flags === 'number' ? message.flags : 0,
    content: typeof message.content === 'string' ? message.content.slice(0, 300) : '',
    embeds: Array.isArray(message.embeds) ? message.embeds.length : 0,
    messageId,
    buttons: enabledButtons(message),
    error: request.status >= 400 ? JSON.stringify(request.response).slice(0, 500) : null,
  };
}

function flush(): void {
  // The server keeps only its last requests: read by sequence number, not by position.
  const fresh = server.requests.filter((request) => request.seq > cursor);
  if (fresh.length === 0) return;
  cursor = fresh.at(-1)?.seq ?? cursor;
  post({ type: 'requests', records: fresh.map(toRecord), total: cursor });
}

const flusher = setInterval(flush, FLUSH_INTERVAL_MS);

function send(message: Exclude<ToWorker, { op: 'close' }>): void {
  // The mapping is recorded before the event can be answered: dispatch only queues a frame.
  switch (message.op) {
    case 'slash': {
      const sent = server.sendSlashCommand({
        name: 'ask',
        user: message.user,
        options: { question: message.question, ...(message.private ? { private: true } : {}) },
      });
      eventByInteraction.set(sent.id, message.seq);
      eventByToken.set(sent.token, message.seq);
      post({ type: 'sent', seq: message.seq, id: sent.id, at: Date.now() });
      return;
    }
    case 'button': {
      const sent = server.sendButton({ customId: message.customId, message: message.messageId, user: message.user });
      eventByInteraction.set(sent.id, message.seq);
      eventByToken.set(sent.token, message.seq);
      post({ type: 'sent', seq: message.seq, id: sent.id, at: Date.now() });
      return;
    }
    case 'mention': {
      const sent = server.sendMessage({
        content: message.question,
        user: message.user,
        ...(message.dm ? { dm: true } : { mentionsBot: true }),
      });
      eventByMessage.set(sent.id, message.seq);
      post({ type: 'sent', seq: message.seq, id: sent.id, at: Date.now() });
      return;
    }
  }
}

port.on('message', (message: ToWorker) => {
  if (message.op === 'close') {
    clearInterval(flusher);
    flush();
    const requests = server.requests.at(-1)?.seq ?? 0;
    void server.close().then(() => {
      post({ type: 'closed', requests });
      port.close();
    });
    return;
  }
  try {
    send(message);
  } catch (error) {
    post({ type: 'send-failed', seq: message.seq, error: error instanceof Error ? error.message : String(error) });
  }
});

post({
  type: 'ready',
  info: { apiUrl: server.apiUrl, applicationId: server.applicationId, guildId: server.guildId, botUserId: server.botUser.id },
});
