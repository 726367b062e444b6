/** Discord's epoch (2015-01-01T00:00:00Z); snowflakes store milliseconds since it in bits 22+. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Mints unique, time-ordered snowflakes. Ids made from a current timestamp have 19 digits,
 * which discord.js needs for rate-limit buckets and `createdAt`.
 */
export class SnowflakeGenerator {
  #lastMs = 0n;
  #increment = 0n;

  next(): string {
    let ms = BigInt(Date.now());
    if (ms <= this.#lastMs) {
      // Same millisecond (or clock went back): keep ids strictly increasing.
      ms = this.#lastMs;
      this.#increment += 1n;
      if (this.#increment > 0xfffn) {
        ms += 1n;
        this.#increment = 0n;
      }
    } else {
      this.#increment = 0n;
    }
    this.#lastMs = ms;
    return snowflakeAt(ms, this.#increment);
  }
}

/** A snowflake for a given Unix time in ms; guild ids use this so shard placement is predictable. */
export function snowflakeAt(unixMs: bigint, increment = 0n): string {
  return (((unixMs - DISCORD_EPOCH) << 22n) | (increment & 0xfffn)).toString();
}

/** Discord's rule for which shard receives a guild's events: `(guild_id >> 22) % shard_count`. */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
