import { FeedbackLog } from './feedback-log.js';
import type { Logger } from './logger.js';

/**
 * The feedback file, with damaged lines from an earlier crash set aside now rather than at the
 * first vote. A file that cannot be opened is worth a warning, not a bot that will not start
 * (votes then fail with a private apology).
 */
export async function openFeedbackLog(file: string, logger: Logger): Promise<FeedbackLog> {
  const log = new FeedbackLog(file);
  await log
    .open()
    .catch((error: unknown) => logger.warn({ err: error, file }, 'cannot open the feedback file; votes will fail until it can be written'));
  return log;
}
