import { OAuth2Scopes, PermissionFlagsBits } from 'discord.js';

/** What the bot needs in a channel: see it, answer (also in threads), embed, and reply to a message. */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory;

export const BOT_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

/** The URL a server admin opens to add the bot, with the scopes and permissions it needs. */
export function inviteUrl(clientId: string | null): string {
  const params = new URLSearchParams({
    client_id: clientId ?? 'YOUR_APPLICATION_ID',
    scope: BOT_SCOPES.join(' '),
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}

/** Printed by `npm start` when no token is configured: how to get one, step by step. */
export function missingTokenHelp(clientId: string | null): string {
  return [
    'The bot cannot start: DISCORD_TOKEN is not set.',
    '',
    'To run it on Discord:',
    '  1. Open https://discord.com/developers/applications and click "New Application"; give it a name.',
    '  2. Under "General Information", copy the Application ID.',
    '  3. Under "Bot", click "Reset Token" and copy the token. No privileged intents are needed.',
    '  4. Copy .env.example to .env (it is git-ignored) and fill in:',
    '       DISCORD_TOKEN=<the token>',
    '       DISCORD_CLIENT_ID=<the application id>',
    '       DISCORD_GUILD_ID=<your test server id>   (optional: commands appear there at once)',
    '  5. Invite the bot to your server (scopes bot + applications.commands):',
    `       ${inviteUrl(clientId)}`,
    clientId === null ? '     (replace YOUR_APPLICATION_ID with the id from step 2)' : null,
    '  6. Register the slash commands:  npm run deploy-commands',
    '  7. Start the bot:                 npm start',
    '',
    'No Discord at hand? `npm run ask` answers questions from the same articles in your terminal, offline,',
    'and `npm run playground` runs the bot in a local page that shows it as a Discord channel would.',
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
}
