import { DiscordAPIError, RESTJSONErrorCodes, type Interaction, type Message } from 'discord.js';
import type { BotContext } from './bot-context.js';
import { commandMap } from './command-map.js';
import { parseButtonCustomId } from './custom-ids.js';
import { handleFeedbackButton } from './handlers/feedback-button.js';
import { handleMentionMessage } from './handlers/mention-message.js';
import { handleMoreResultsButton } from './handlers/more-results-button.js';
import { replyPrivately } from './handlers/reply-to-interaction.js';
import { handleShowContextButton } from './handlers/show-context-button.js';
import { handleSourcesPageButton } from './handlers/sources-command.js';
import { buttonsExpiredNotice, buttonsRateLimitedNotice, handlerFailedNotice, unknownCommandNotice } from './replies/notices.js';

export interface Dispatcher {
  /** Routes one interaction to its handler. Never rejects: failures are logged and answered privately. */
  onInteraction(interaction: Interaction): Promise<void>;
  /** Handles one message (mentions and DMs). Never rejects. */
  onMessage(message: Message): Promise<void>;
}

export function createDispatcher(ctx: BotContext): Dispatcher {
  return {
    async onInteraction(interaction) {
      const route = routeName(interaction);
      const log = ctx.logger.child({ route, interaction: interaction.id, user: interaction.user.id, guild: interaction.guildId });
      const started = ctx.now();
      try {
        await routeInteraction(interaction, ctx);
        log.debug({ ms: ctx.now() - started }, 'interaction handled');
      } catch (error) {
        if (isExpiredInteraction(error)) {
          // Discord no longer knows the interaction (its 3 s to acknowledge passed, e.g. while the
          // process was busy or the gateway lagged): nothing can be sent for it any more, not even
          // an apology. Worth a warning, not an error report.
          log.warn({ err: error, ms: ctx.now() - started }, 'interaction expired before it was answered');
          return;
        }
        log.error({ err: error, ms: ctx.now() - started }, 'interaction handler failed');
        await answerFailure(interaction).catch((replyError: unknown) => {
          log.warn({ err: replyError }, 'could not tell the user about the failure');
        });
      }
    },

    async onMessage(message) {
      try {
        await handleMentionMessage(message, ctx);
      } catch (error) {
        const log = ctx.logger.child({ route: 'mention', message: message.id, user: message.author.id, guild: message.guildId });
        log.error({ err: error }, 'mention handler failed');
        await message.reply(handlerFailedNotice()).catch((replyError: unknown) => {
          log.warn({ err: replyError }, 'could not tell the user about the failure');
        });
      }
    },
  };
}

async function routeInteraction(interaction: Interaction, ctx: BotContext): Promise<void> {
  if (interaction.isAutocomplete()) {
    const route = commandMap.get(interaction.commandName);
    const focused = interaction.options.getFocused(true);
    const suggest = route?.kind === 'slash' ? route.autocomplete.get(focused.name) : undefined;
    // An option we do not suggest for (or a command we no longer have) gets an empty list, not an error.
    if (suggest === undefined) await interaction.respond([]);
    else await suggest(interaction, focused.value, ctx);
    return;
  }
  if (interaction.isChatInputCommand()) {
    const route = commandMap.get(interaction.commandName);
    if (route?.kind === 'slash') return route.run(interaction, ctx);
    return replyPrivately(interaction, unknownCommandNotice());
  }
  if (interaction.isMessageContextMenuCommand()) {
    const route = commandMap.get(interaction.commandName);
    if (route?.kind === 'message') return route.run(interaction, ctx);
    return replyPrivately(interaction, unknownCommandNotice());
  }
  if (interaction.isButton()) {
    const decision = ctx.buttonRateLimiter.take(interaction.user.id);
    if (!decision.allowed) return replyPrivately(interaction, buttonsRateLimitedNotice(decision.retryAt));
    const action = parseButtonCustomId(interaction.customId);
    switch (action?.kind) {
      case 'more':
      case 'previous':
        return handleMoreResultsButton(interaction, action.page, ctx);
      case 'context':
        return handleShowContextButton(interaction, action.page, ctx);
      case 'feedback':
        return handleFeedbackButton(interaction, action.vote, action.passages, ctx);
      case 'sources':
        return handleSourcesPageButton(interaction, action.page, ctx);
      case undefined:
        // Buttons from an older version of the bot, whose ids we no longer understand.
        return replyPrivately(interaction, buttonsExpiredNotice());
    }
  }
  if (interaction.isRepliable()) await replyPrivately(interaction, unknownCommandNotice());
}

/** A short name for logs: `command:ask`, `autocomplete:ask`, `button:more:2`. */
function routeName(interaction: Interaction): string {
  if (interaction.isAutocomplete()) return `autocomplete:${interaction.commandName}`;
  if (interaction.isCommand()) return `command:${interaction.commandName}`;
  if (interaction.isMessageComponent()) return `component:${interaction.customId}`;
  return `interaction:${interaction.type}`;
}

/** Discord's 10062 "Unknown interaction": the interaction expired or was never valid. */
function isExpiredInteraction(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownInteraction;
}

async function answerFailure(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
    return;
  }
  if (interaction.isRepliable()) await replyPrivately(interaction, handlerFailedNotice());
}
