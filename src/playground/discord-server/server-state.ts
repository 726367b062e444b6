import type { CommandRegistry } from './command-registry.js';
import type { World } from './fixtures.js';
import type { InteractionRegistry } from './interaction-registry.js';
import type { MessageStore } from './message-store.js';
import type { ApiMessage } from './payloads.js';
import type { SnowflakeGenerator } from './snowflake.js';

/** Everything the REST routes and dispatch helpers share: the fake Discord's data. */
export interface ServerState {
  readonly world: World;
  readonly ids: SnowflakeGenerator;
  readonly messages: MessageStore;
  readonly interactions: InteractionRegistry;
  readonly commands: CommandRegistry;
  /** `ws://127.0.0.1:PORT`, known once listening. */
  readonly gatewayUrl: () => string;
  /** `shards` in GET /gateway/bot. */
  readonly recommendedShards: number;
  /** Called for each message the bot creates, so the gateway can echo it as MESSAGE_CREATE. */
  readonly onBotMessage: (message: ApiMessage) => void;
}
