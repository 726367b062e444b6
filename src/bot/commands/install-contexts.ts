import { ApplicationIntegrationType, InteractionContextType, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';

type InstallContexts = Required<Pick<RESTPostAPIApplicationCommandsJSONBody, 'integration_types' | 'contexts'>>;

/**
 * Where a command may be used. The bot is installed to servers only (not to users' accounts), so
 * its commands exist where the bot is: in a server, and in a DM with the bot itself.
 * (`contexts` and `integration_types` replace the deprecated `dm_permission`.)
 */
export const IN_SERVERS_AND_BOT_DMS: InstallContexts = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
};

/** In a server only: for commands that act on a server, such as `/reload`. */
export const IN_SERVERS_ONLY: InstallContexts = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
};
