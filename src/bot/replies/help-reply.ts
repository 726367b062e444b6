import { EmbedBuilder } from 'discord.js';
import { MAX_ACCEPTED_QUESTION_LENGTH } from '../commands/ask.js';
import { ANSWER_COLOR } from './answer-reply.js';
import { payload, type ReplyPayload } from './reply-payload.js';

/** What the bot compares, in one line: `/help` says it, and so does the playground's welcome. */
export const HOW_IT_MATCHES = 'I compare your question with every sentence of the articles, by its words (in any form) and by its meaning.';

/** What the bot does and how to ask, for `/help` and for a mention without a question. */
export function buildHelpReply(rateLimit: { questions: number; windowSeconds: number }): ReplyPayload {
  const embed = new EmbedBuilder()
    .setColor(ANSWER_COLOR)
    .setTitle('How to ask me about the articles')
    .setDescription(
      'I answer questions about a fixed set of news articles by quoting the passages that answer them, ' +
        'each with its source: the article, its date and the paragraph. I only quote; I do not make things up, ' +
        'and I say so when I am not sure the passages I found answer you.\n' +
        HOW_IT_MATCHES,
    )
    .addFields(
      {
        name: '/ask',
        value:
          `\`/ask question: what did Putin say about his goals?\` (up to ${MAX_ACCEPTED_QUESTION_LENGTH} characters). ` +
          'Pick an `article` to search only that one, and set `private` to see the answer yourself only.',
      },
      {
        name: 'Mention me, or send me a DM',
        value: 'Write `@bot your question` in a channel and I reply there; a direct message works too.',
      },
      {
        name: 'Follow-up questions',
        value:
          'Reply to one of my answers, ask in a thread I answered in, or ask again a few minutes after your last question, ' +
          'and "he", "that" or "and the uk?" mean what you asked before (the answer says which question it followed up). ' +
          'Start with "new question:" to ask afresh.',
      },
      {
        name: 'Check a message against the articles',
        value: 'Right-click (or long-press) a message → **Apps** → **Find in articles**: its text becomes the question.',
      },
      {
        name: 'Buttons under an answer',
        value:
          '**More results** shows the next passages and **Previous** goes back; **Show context** shows the paragraphs ' +
          'around the first passage, with the passage underlined; ' +
          '👍 / 👎 tell the people who keep the articles whether the answer helped.',
      },
      {
        name: '/sources',
        value: 'Lists the articles I know, with dates and links.',
      },
      {
        name: 'Tips',
        value:
          'Use the words an article would use: names, places, what happened. ' +
          `Each person can ask ${rateLimit.questions} questions every ${rateLimit.windowSeconds} seconds.`,
      },
    );
  return payload({ embeds: [embed.toJSON()] });
}
