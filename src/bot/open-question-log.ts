import type { Config } from '../config.js';
import type { Logger } from './logger.js';
import { NO_QUESTION_LOG, QuestionLog, type QuestionSink } from './question-log.js';

/**
 * The question log the config asks for: nothing at all for `QUESTION_LOG=off` (no file, no
 * secret), else the file with its secret. A log that cannot be opened is worth an error, not a
 * bot that will not start: questions are then answered and not logged.
 */
export async function openQuestionSink(
  config: Pick<Config, 'questionLog' | 'questionLogDays'>,
  logger: Logger,
  now: () => number = Date.now,
): Promise<QuestionSink> {
  if (config.questionLog === null) return NO_QUESTION_LOG;
  const file = config.questionLog;
  try {
    return await QuestionLog.open(file, logger, { keepDays: config.questionLogDays, now });
  } catch (error) {
    logger.error({ err: error, file }, 'the question log cannot be used; questions are answered but not logged');
    return NO_QUESTION_LOG;
  }
}
