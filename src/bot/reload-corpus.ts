import type { Client } from 'discord.js';
import type { EngineHolder, ReloadSummary } from './engine-holder.js';
import { reloadRequest } from './shard-messages.js';

/**
 * Rebuilds this process's index from the corpus folder (the old index answers until the new one
 * is ready) and, with several shards, has the manager pass the reload on to every other shard.
 * What `/reload` and `/add` share.
 */
export async function reloadCorpus(client: Client, engines: EngineHolder): Promise<ReloadSummary> {
  const summary = await engines.reload();
  const shards = client.shard;
  if (shards !== null) await shards.send(reloadRequest(shards.ids));
  return summary;
}
