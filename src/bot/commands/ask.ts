import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { IN_SERVERS_AND_BOT_DMS } from './install-contexts.js';

/**
 * The longest question the bot accepts from a person: the `question` option's `max_length`, which
 * Discord enforces on `/ask`, and what the handlers enforce on mentions and DMs. (The engine reads
 * up to its own, longer `MAX_QUESTION_LENGTH`, so an accepted question is never cut.)
 */
export const MAX_ACCEPTED_QUESTION_LENGTH = 300;

/** `/ask question:<text> [article:<autocomplete>] [private:<bool>]` */
export const askCommand = {
  type: ApplicationCommandType.ChatInput,
  name: 'ask',
  description: 'Ask a question about the news articles; get the passages that answer it, with sources',
  ...IN_SERVERS_AND_BOT_DMS,
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'question',
      description: 'Your question, e.g. "What did Putin say about his goals?"',
      required: true,
      min_length: 1,
      max_length: MAX_ACCEPTED_QUESTION_LENGTH,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'article',
      description: 'Only search this article',
      required: false,
      autocomplete: true,
      max_length: 100,
    },
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'private',
      description: 'Show the answer only to you',
      required: false,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
