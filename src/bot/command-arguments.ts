import { ApplicationCommandOptionType, type ChatInputCommandInteraction } from 'discord.js';

/** The option types our commands use, and the value each gives a handler. */
interface OptionValues {
  [ApplicationCommandOptionType.String]: string;
  [ApplicationCommandOptionType.Integer]: number;
  [ApplicationCommandOptionType.Number]: number;
  [ApplicationCommandOptionType.Boolean]: boolean;
}

/** The part of an option's definition that says what a handler receives. */
export interface OptionDefinition {
  readonly type: keyof OptionValues;
  readonly name: string;
  readonly required?: boolean;
  readonly autocomplete?: boolean;
}

/** A slash command's definition, as far as its arguments go (`commands/*.ts` declare them `as const`). */
export interface ChatInputDefinition {
  readonly name: string;
  readonly options?: readonly OptionDefinition[];
}

type OptionsOf<C extends ChatInputDefinition> = C extends { readonly options: readonly OptionDefinition[] } ? C['options'][number] : never;

type ValueOf<O extends OptionDefinition> = O extends { readonly required: true } ? OptionValues[O['type']] : OptionValues[O['type']] | null;

/**
 * What a handler receives for a command: one property per option, named and typed by the
 * definition (a required option is never null). Renaming an option in its definition makes every
 * handler that reads it by the old name fail to compile.
 */
export type ArgumentsOf<C extends ChatInputDefinition> = { readonly [O in OptionsOf<C> as O['name']]: ValueOf<O> };

/** The names of a command's options that Discord autocompletes. */
export type AutocompletedOptionName<C extends ChatInputDefinition> = Extract<OptionsOf<C>, { readonly autocomplete: true }>['name'];

type OptionResolver = ChatInputCommandInteraction['options'];

/** The arguments of a slash command interaction, read by the names and types its definition gives. */
export function argumentsOf<C extends ChatInputDefinition>(command: C, options: OptionResolver): ArgumentsOf<C> {
  const values: Record<string, string | number | boolean | null> = {};
  for (const option of command.options ?? []) values[option.name] = optionValue(options, option);
  if (!matchesDefinition(command, values)) {
    throw new Error(`the options of /${command.name} do not match its definition: ${JSON.stringify(values)}`);
  }
  return values;
}

/** discord.js's getters check the option's type against the interaction, and that a required one is there. */
function optionValue(options: OptionResolver, option: OptionDefinition): string | number | boolean | null {
  const required = option.required === true;
  switch (option.type) {
    case ApplicationCommandOptionType.String:
      return options.getString(option.name, required);
    case ApplicationCommandOptionType.Integer:
      return options.getInteger(option.name, required);
    case ApplicationCommandOptionType.Number:
      return options.getNumber(option.name, required);
    case ApplicationCommandOptionType.Boolean:
      return options.getBoolean(option.name, required);
  }
}

const JS_TYPES = {
  [ApplicationCommandOptionType.String]: 'string',
  [ApplicationCommandOptionType.Integer]: 'number',
  [ApplicationCommandOptionType.Number]: 'number',
  [ApplicationCommandOptionType.Boolean]: 'boolean',
} as const satisfies Record<keyof OptionValues, string>;

/** Checks what `ArgumentsOf<C>` promises, so that the values get that type without a cast. */
function matchesDefinition<C extends ChatInputDefinition>(command: C, values: Record<string, unknown>): values is ArgumentsOf<C> {
  return (command.options ?? []).every((option) => {
    const value = values[option.name];
    if (value === null) return option.required !== true;
    return typeof value === JS_TYPES[option.type];
  });
}
