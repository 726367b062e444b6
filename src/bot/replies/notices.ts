import { TimestampStyles, time } from 'discord.js';
import { escapeTextWithin } from '../format/escape.js';
import { textPayload, type ReplyPayload } from './reply-payload.js';

/** Short messages that are not answers. Each says what happened and what the person can do. */

export function handlerFailedNotice(): ReplyPayload {
  return textPayload('Sorry, something went wrong while answering. The error has been logged; please try again in a moment.');
}

export function rateLimitedNotice(retryAtMs: number): ReplyPayload {
  return textPayload(`You're asking questions faster than I can keep up with; try again ${relativeTime(retryAtMs)}.`);
}

/** `<t:SECONDS:R>`, which Discord shows as "in 12 seconds" in each reader's language; rounded up so it is never early. */
function relativeTime(epochMs: number): string {
  return time(new Date(Math.ceil(epochMs / 1000) * 1000), TimestampStyles.RelativeTime);
}

export function buttonsRateLimitedNotice(retryAtMs: number): ReplyPayload {
  return textPayload(`You're clicking faster than I can keep up with; try again ${relativeTime(retryAtMs)}.`);
}

export function questionTooLongNotice(length: number, max: number): ReplyPayload {
  return textPayload(`That question is ${length} characters long; please keep it to ${max} characters or fewer.`);
}

export function emptyQuestionNotice(): ReplyPayload {
  return textPayload(
    'Ask me a question about the articles, e.g. `@bot what did Putin say about his goals?` or `/ask`. ' + '`/help` explains more.',
  );
}

export function emptyMessageNotice(): ReplyPayload {
  return textPayload('That message has no text I could look up (only attachments, embeds or stickers).');
}

export function buttonsExpiredNotice(): ReplyPayload {
  return textPayload('These buttons have expired. Ask again with `/ask` to get a fresh answer.');
}

export function unknownArticleNotice(article: string): ReplyPayload {
  return textPayload(
    `I don't know an article called "${escapeTextWithin(article, 200)}". ` +
      'Pick one from the list that appears as you type, or see `/sources`.',
  );
}

export function noContextNotice(): ReplyPayload {
  return textPayload('The paragraph around this passage is no longer in the corpus (it may have been reloaded). Ask again with `/ask`.');
}

export function feedbackThanksNotice(vote: 'up' | 'down'): ReplyPayload {
  return textPayload(
    vote === 'up'
      ? 'Thanks! Recorded your 👍 for this answer.'
      : 'Thanks, recorded your 👎. The people who keep the articles will look at what went wrong.',
  );
}

export function feedbackNotSavedNotice(vote: 'up' | 'down'): ReplyPayload {
  return textPayload(
    `Sorry, I couldn't save your ${vote === 'up' ? '👍' : '👎'}: the bot could not write it down. Please try again later.`,
  );
}

export function votedArticleGoneNotice(): ReplyPayload {
  return textPayload(
    'The article this answer quoted is no longer in the corpus, so I cannot record a vote on it. Ask again with `/ask` for a fresh answer.',
  );
}

/** `action`: what the command does, e.g. "reload the articles" (the default) or "add articles". */
export function missingPermissionNotice(action = 'reload the articles'): ReplyPayload {
  return textPayload(`Only members with the **Manage Server** permission can ${action}.`);
}

export function reloadNeedsGuildNotice(): ReplyPayload {
  return needsGuildNotice('reload');
}

/** `/reload` and `/add` change what every server using the bot sees; they are for a server's managers. */
export function needsGuildNotice(command: string): ReplyPayload {
  return textPayload(`\`/${command}\` works only inside a server, for members with the **Manage Server** permission.`);
}

export function unknownCommandNotice(): ReplyPayload {
  return textPayload("I don't know that command; the command list may be out of date. Ask an admin to run `npm run deploy-commands`.");
}
