import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ArgumentsOf, AutocompletedOptionName } from '../../src/bot/command-arguments.js';
import { commandDefinitions, commandMap } from '../../src/bot/command-map.js';
import type { addCommand } from '../../src/bot/commands/add.js';
import type { askCommand } from '../../src/bot/commands/ask.js';
import type { reloadCommand } from '../../src/bot/commands/reload.js';
import type { statsCommand } from '../../src/bot/commands/stats.js';

/** Discord's values: integration type 0 is a server install; context 0 a server, 1 a DM with the bot. */
const SERVER_INSTALL = 0;
const IN_SERVER = 0;
const BOT_DM = 1;

const definition = (name: string) => commandMap.get(name)?.definition;

describe('command definitions', () => {
  it('registers exactly ask, sources, help, reload, add, stats and the "Find in articles" message command, each name once', () => {
    expect(commandDefinitions.map((command) => command.name)).toEqual([
      'ask',
      'sources',
      'help',
      'reload',
      'add',
      'stats',
      'Find in articles',
    ]);
    expect([...commandMap.keys()]).toEqual(commandDefinitions.map((command) => command.name));
  });

  it('are plain JSON data', () => {
    expect(JSON.parse(JSON.stringify(commandDefinitions))).toEqual(commandDefinitions);
  });

  it('/ask has a required question with a maximum length, an autocompleted article and a private flag', () => {
    const ask = definition('ask');
    expect(ask?.type).toBe(ApplicationCommandType.ChatInput);
    expect(ask && 'options' in ask ? ask.options : undefined).toMatchObject([
      { name: 'question', type: ApplicationCommandOptionType.String, required: true, min_length: 1, max_length: 300 },
      { name: 'article', type: ApplicationCommandOptionType.String, required: false, autocomplete: true },
      { name: 'private', type: ApplicationCommandOptionType.Boolean, required: false },
    ]);
  });

  it('/reload is for Manage Server by default and exists only in servers', () => {
    expect(definition('reload')).toMatchObject({
      default_member_permissions: '32',
      integration_types: [SERVER_INSTALL],
      contexts: [IN_SERVER],
    });
  });

  it('/add is for Manage Server by default, exists only in servers, and takes one required url', () => {
    expect(definition('add')).toMatchObject({
      default_member_permissions: '32',
      integration_types: [SERVER_INSTALL],
      contexts: [IN_SERVER],
      options: [{ name: 'url', type: ApplicationCommandOptionType.String, required: true }],
    });
  });

  it('/stats is for Manage Server by default, exists only in servers, and takes an optional number of days', () => {
    expect(definition('stats')).toMatchObject({
      default_member_permissions: '32',
      integration_types: [SERVER_INSTALL],
      contexts: [IN_SERVER],
      options: [{ name: 'days', type: ApplicationCommandOptionType.Integer, required: false, min_value: 1, max_value: 3650 }],
    });
  });

  it('the other commands work in servers and in a DM with the bot', () => {
    for (const name of ['ask', 'sources', 'help', 'Find in articles']) {
      expect(definition(name), name).toMatchObject({ integration_types: [SERVER_INSTALL], contexts: [IN_SERVER, BOT_DM] });
    }
  });

  it('none uses the deprecated dm_permission', () => {
    for (const command of commandDefinitions) expect(command).not.toHaveProperty('dm_permission');
  });

  it('/sources and /help take no options; "Find in articles" is a message command', () => {
    expect(definition('sources')).not.toHaveProperty('options');
    expect(definition('help')).not.toHaveProperty('options');
    expect(definition('Find in articles')?.type).toBe(ApplicationCommandType.Message);
  });

  it('every description fits Discord’s 100 characters', () => {
    for (const route of commandMap.values()) {
      if (route.kind !== 'slash') continue;
      expect(route.definition.description.length, route.definition.name).toBeLessThanOrEqual(100);
      for (const option of route.definition.options ?? []) expect(option.description.length, option.name).toBeLessThanOrEqual(100);
    }
  });
});

describe('ArgumentsOf', () => {
  it('gives a handler each option by its name, typed by the definition: required ones never null', () => {
    expectTypeOf<ArgumentsOf<typeof askCommand>>().toEqualTypeOf<{
      readonly question: string;
      readonly article: string | null;
      readonly private: boolean | null;
    }>();
  });

  it('gives /add its url, never null', () => {
    expectTypeOf<ArgumentsOf<typeof addCommand>>().toEqualTypeOf<{ readonly url: string }>();
  });

  it('gives /stats its days as a number, or null when not given', () => {
    expectTypeOf<ArgumentsOf<typeof statsCommand>>().toEqualTypeOf<{ readonly days: number | null }>();
  });

  it('gives nothing to a command without options', () => {
    expectTypeOf<keyof ArgumentsOf<typeof reloadCommand>>().toEqualTypeOf<never>();
  });

  it('knows which options Discord autocompletes', () => {
    expectTypeOf<AutocompletedOptionName<typeof askCommand>>().toEqualTypeOf<'article'>();
  });
});
