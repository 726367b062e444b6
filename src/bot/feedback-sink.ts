import type { FeedbackEntry } from './feedback-log.js';

/**
 * Where votes go: the feedback file itself (`FeedbackLog`), or, in a shard, the sharding
 * manager's process, which is the file's one writer (`ShardFeedbackSink`).
 */
export interface FeedbackSink {
  /** Resolves once the vote is in the file; rejects when it could not be saved. */
  append(entry: FeedbackEntry): Promise<void>;
  /** Resolves when every vote appended so far has been saved or has failed. */
  flush(): Promise<void>;
}
