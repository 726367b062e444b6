/**
 * Messages between the load runner (main thread: the bot) and the server worker (its own thread,
 * so the test server's request log does not count towards the bot's heap).
 */
import type { ApiUser } from '../src/playground/discord-server/index.js';

export interface WorkerData {
  readonly token: string;
}

/** What the runner asks the worker to do: act as a user. */
export type ToWorker =
  | { readonly op: 'slash'; readonly seq: number; readonly user: ApiUser; readonly question: string; readonly private: boolean }
  | { readonly op: 'mention'; readonly seq: number; readonly user: ApiUser; readonly question: string; readonly dm: boolean }
  | { readonly op: 'button'; readonly seq: number; readonly user: ApiUser; readonly customId: string; readonly messageId: string }
  | { readonly op: 'close' };

export interface ServerInfo {
  readonly apiUrl: string;
  readonly applicationId: string;
  readonly guildId: string;
  readonly botUserId: string;
}

/** One request the bot made, reduced to what the runner checks. */
export interface RequestRecord {
  /** The load event it belongs to, or null (start-up, command registration, …). */
  readonly seq: number | null;
  /** Epoch ms when the server finished handling it. */
  readonly at: number;
  readonly method: string;
  readonly route: string | null;
  readonly status: number;
  readonly kind: 'callback' | 'followup' | 'edit' | 'fetch' | 'delete' | 'channel-reply' | 'other';
  /** Interaction callback type (4 reply, 5 defer, 7 update…), else null. */
  readonly callbackType: number | null;
  readonly flags: number;
  /** The first 300 characters of the content. */
  readonly content: string;
  readonly embeds: number;
  /** The id of the message created or edited (from the response or the interaction), if any. */
  readonly messageId: string | null;
  /** Custom ids of the enabled buttons in the body. */
  readonly buttons: readonly string[];
  /** The error body of a refused request. */
  readonly error: string | null;
}

export type FromWorker =
  | { readonly type: 'ready'; readonly info: ServerInfo }
  | { readonly type: 'sent'; readonly seq: number; readonly id: string; readonly at: number }
  | { readonly type: 'send-failed'; readonly seq: number; readonly error: string }
  | { readonly type: 'requests'; readonly records: readonly RequestRecord[]; readonly total: number }
  | { readonly type: 'closed'; readonly requests: number };
