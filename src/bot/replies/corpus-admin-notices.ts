import { TimestampStyles, time } from 'discord.js';
import { sizeWithBytes, type AddLimitRefusal, type CorpusAdminRefusal } from '../corpus-admin.js';
import { plural } from '../format/plural.js';
import { textPayload, type ReplyPayload } from './reply-payload.js';

/** Why this server may not change the articles, naming the setting that decides it. */
export function corpusAdminRefusedNotice(command: 'add' | 'reload', refusal: CorpusAdminRefusal): ReplyPayload {
  const changes = `\`/${command}\` changes the articles every server using this bot answers from`;
  if (refusal.kind === 'not-listed') {
    return textPayload(
      `${changes}, so it works only in the servers the people who run the bot name in ${refusal.setting}; this server is not one of them.`,
    );
  }
  return textPayload(
    `${changes}, and this bot is in ${plural(refusal.servers, 'server')}: the people who run it must first say which may change ` +
      'its articles, by listing those servers’ IDs in CORPUS_ADMIN_GUILDS in its configuration.',
  );
}

/** `/add` refused before anything was fetched, with when to try again or how full the corpus is. */
export function addLimitNotice(refusal: AddLimitRefusal): ReplyPayload {
  if (refusal.kind === 'articles-per-hour') {
    return textPayload(
      `This server has added ${plural(refusal.limit, 'article')} in the last hour, the most \`/add\` allows ` +
        `(ADD_ARTICLES_PER_HOUR); try again ${time(new Date(Math.ceil(refusal.retryAt / 1000) * 1000), TimestampStyles.RelativeTime)}.`,
    );
  }
  return textPayload(
    `The corpus folder already holds ${sizeWithBytes(refusal.corpusBytes)}, its limit being ${sizeWithBytes(refusal.maxBytes)} (CORPUS_MAX_MB): ` +
      'nothing more can be added until the people who run the bot make room or raise the limit.',
  );
}

/** A `/reload` asked while another runs: it is not refused, it runs right after. */
export function reloadQueuedNotice(): ReplyPayload {
  return textPayload('A reload is already running; yours will run as soon as it ends, and I will update this message then.');
}
