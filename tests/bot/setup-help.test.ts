import { describe, expect, it } from 'vitest';
import { inviteUrl, missingTokenHelp } from '../../src/bot/setup-help.js';

describe('missingTokenHelp', () => {
  it('walks through creating the app, where the token goes, the invite URL and the offline CLI', () => {
    const help = missingTokenHelp('123456789012345678');
    expect(help).toContain('DISCORD_TOKEN is not set');
    expect(help).toContain('https://discord.com/developers/applications');
    expect(help).toContain('Reset Token');
    expect(help).toContain('.env');
    expect(help).toContain(inviteUrl('123456789012345678'));
    expect(help).toContain('npm run deploy-commands');
    expect(help).toContain('npm run ask');
    expect(help).toContain('npm run playground');
  });

  it('uses a placeholder and says so when the application id is unknown', () => {
    const help = missingTokenHelp(null);
    expect(help).toContain('client_id=YOUR_APPLICATION_ID');
    expect(help).toContain('replace YOUR_APPLICATION_ID');
  });
});

describe('inviteUrl', () => {
  it('asks for the bot and applications.commands scopes and only the permissions the bot uses', () => {
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.searchParams.get('client_id')).toBe('123456789012345678');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    // View Channels, Send Messages, Send Messages in Threads, Embed Links, Read Message History.
    expect(url.searchParams.get('permissions')).toBe('274877991936');
  });
});
