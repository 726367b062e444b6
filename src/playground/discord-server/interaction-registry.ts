import type { ApiChannel, ApiInteraction } from './payloads.js';

/** Interaction types (Discord's values). */
export const InteractionType = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  ApplicationCommandAutocomplete: 4,
  ModalSubmit: 5,
} as const;

/** Interaction callback types (Discord's values). */
export const CallbackType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  ApplicationCommandAutocompleteResult: 8,
  Modal: 9,
} as const;

/** Server-side state of an interaction this server dispatched. */
export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly payload: ApiInteraction;
  readonly channel: ApiChannel;
  /** The callback type the bot answered with, null until it answers. */
  callbackType: number | null;
  /** `@original`: the reply (after type 4/5) or, for components, the message the component is on. */
  originalMessageId: string | null;
  readonly followupMessageIds: string[];
}

/** The interactions this server dispatched, the last `limit` of them (older ones are forgotten, as expired). */
export class InteractionRegistry {
  readonly #byId = new Map<string, InteractionRecord>();
  readonly #byToken = new Map<string, InteractionRecord>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  add(payload: ApiInteraction, channel: ApiChannel, originalMessageId: string | null): InteractionRecord {
    const record: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      payload,
      channel,
      callbackType: null,
      originalMessageId,
      followupMessageIds: [],
    };
    this.#byId.set(record.id, record);
    this.#byToken.set(record.token, record);
    // A Map iterates in insertion order: the first entry is the oldest.
    for (const [id, oldest] of this.#byId) {
      if (this.#byId.size <= this.#limit) break;
      this.#byId.delete(id);
      this.#byToken.delete(oldest.token);
    }
    return record;
  }

  byId(id: string): InteractionRecord | undefined {
    return this.#byId.get(id);
  }

  byToken(token: string): InteractionRecord | undefined {
    return this.#byToken.get(token);
  }
}
