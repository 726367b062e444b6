import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from './bot-context.js';
import { argumentsOf, type ArgumentsOf, type AutocompletedOptionName, type ChatInputDefinition } from './command-arguments.js';

/** Suggests values for one autocompleted option from what has been typed in it so far. */
export type AutocompleteHandler = (interaction: AutocompleteInteraction, typed: string, ctx: BotContext) => Promise<void>;

/** One command: the definition `deploy-commands` registers, and the handlers that answer it. */
export type CommandRoute =
  | {
      readonly kind: 'slash';
      readonly definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
      run(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
      /** Keyed by the name of the option being typed in. */
      readonly autocomplete: ReadonlyMap<string, AutocompleteHandler>;
    }
  | {
      readonly kind: 'message';
      readonly definition: RESTPostAPIContextMenuApplicationCommandsJSONBody;
      run(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void>;
    };

/**
 * A slash command whose handler receives its options as `ArgumentsOf<typeof definition>`, and
 * one suggester for each option the definition marks `autocomplete: true` (the compiler asks for
 * exactly those).
 */
export function slashCommand<C extends ChatInputDefinition & RESTPostAPIChatInputApplicationCommandsJSONBody>(
  definition: C,
  handle: (interaction: ChatInputCommandInteraction, ctx: BotContext, args: ArgumentsOf<C>) => Promise<void>,
  autocomplete?: { readonly [Name in AutocompletedOptionName<C>]: AutocompleteHandler },
): CommandRoute {
  return {
    kind: 'slash',
    definition,
    run: (interaction, ctx) => handle(interaction, ctx, argumentsOf(definition, interaction.options)),
    autocomplete: new Map(Object.entries(autocomplete ?? {})),
  };
}

/** A message command (right-click a message > Apps). */
export function messageCommand(
  definition: RESTPostAPIContextMenuApplicationCommandsJSONBody,
  handle: (interaction: MessageContextMenuCommandInteraction, ctx: BotContext) => Promise<void>,
): CommandRoute {
  return { kind: 'message', definition, run: handle };
}
