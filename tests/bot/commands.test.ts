import { ApplicationCommandOptionType, ApplicationCommandType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  askCommand,
  commandDefinitions,
  findInArticlesCommand,
  helpCommand,
  reloadCommand,
  sourcesCommand,
} from '../../src/bot/commands/index.js';
import { MAX_QUESTION_LENGTH } from '../../src/bot/commands/ask.js';
import { checkQuestion } from '../../src/bot/question-text.js';

describe('command definitions', () => {
  it('registers exactly ask, sources, help, reload and the "Find in articles" message command', () => {
    expect(commandDefinitions.map((command) => command.name)).toEqual(['ask', 'sources', 'help', 'reload', 'Find in articles']);
  });

  it('are plain JSON data', () => {
    expect(JSON.parse(JSON.stringify(commandDefinitions))).toEqual(commandDefinitions);
  });

  it('/ask has a required question with a maximum length, an autocompleted article and a private flag', () => {
    expect(askCommand.type).toBe(ApplicationCommandType.ChatInput);
    expect(askCommand.options.map((option) => option.name)).toEqual(['question', 'article', 'private']);
    const [question, article, privately] = askCommand.options;
    expect(question).toMatchObject({ type: ApplicationCommandOptionType.String, required: true, max_length: 300 });
    expect(article).toMatchObject({ type: ApplicationCommandOptionType.String, required: false, autocomplete: true });
    expect(privately).toMatchObject({ type: ApplicationCommandOptionType.Boolean, required: false });
  });

  it('the handlers enforce the same maximum question length as the option', () => {
    expect(MAX_QUESTION_LENGTH).toBe(askCommand.options[0].max_length);
    expect(checkQuestion('x'.repeat(MAX_QUESTION_LENGTH)).ok).toBe(true);
    expect(checkQuestion('x'.repeat(MAX_QUESTION_LENGTH + 1))).toEqual({ ok: false, reason: 'too-long', length: 301 });
  });

  it('/reload is for Manage Server by default and not usable in DMs', () => {
    expect(reloadCommand.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    expect(reloadCommand.dm_permission).toBe(false);
  });

  it('/sources and /help take no options', () => {
    expect('options' in sourcesCommand).toBe(false);
    expect('options' in helpCommand).toBe(false);
  });

  it('"Find in articles" is a message command', () => {
    expect(findInArticlesCommand).toEqual({ type: ApplicationCommandType.Message, name: 'Find in articles' });
  });

  it('every description fits Discord’s 100 characters', () => {
    for (const command of [askCommand, sourcesCommand, helpCommand, reloadCommand]) {
      expect(command.description.length).toBeLessThanOrEqual(100);
    }
    for (const option of askCommand.options) expect(option.description.length).toBeLessThanOrEqual(100);
  });
});
