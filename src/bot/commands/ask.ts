import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';

/** Longest question accepted: Discord enforces it on the option, our handlers enforce it everywhere else. */
export const MAX_QUESTION_LENGTH = 300;

/** `/ask question:<text> [article:<autocomplete>] [private:<bool>]` */
export const askCommand = {
  type: ApplicationCommandType.ChatInput,
  name: 'ask',
  description: 'Ask a question about the news articles; get the passages that answer it, with sources',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'question',
      description: 'Your question, e.g. "What did Putin say about his goals?"',
      required: true,
      min_length: 1,
      max_length: MAX_QUESTION_LENGTH,
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
