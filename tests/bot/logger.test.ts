import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLogger, prettyLogsWanted, prettyPrinterInstalled, scrubSecrets } from '../../src/bot/logger.js';

const TOKEN = 'MTExMTExMTExMTExMTExMTEx.GabcDE.secret-part_of-the-token';

function collectingLogger(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const logger = createLogger({ level: 'trace', secrets: [TOKEN], pretty: false, destination: { write: (line) => lines.push(line) } });
  return { lines, logger };
}

describe('createLogger', () => {
  it('writes JSON lines', () => {
    const { lines, logger } = collectingLogger();
    logger.info({ user: '1' }, 'hello');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ msg: 'hello', user: '1', level: 30 });
  });

  it('never writes the token: not in fields, messages, errors, stacks or causes', () => {
    const { lines, logger } = collectingLogger();
    logger.info({ token: TOKEN }, 'field');
    logger.info({ config: { token: TOKEN } }, 'nested field');
    logger.info({ headers: { authorization: `Bot ${TOKEN}` } }, 'header');
    logger.info(`message with ${TOKEN} inside`);
    logger.error({ err: new Error(`login failed for ${TOKEN}`) }, 'error');
    logger.error(new Error(`bare error ${TOKEN}`));
    logger.error({ err: new Error('outer', { cause: new Error(`cause ${TOKEN}`) }) }, 'cause');
    logger.warn({ detail: { list: [`deep ${TOKEN}`] } }, 'deep');
    expect(lines).toHaveLength(8);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain('secret-part_of-the-token');
    }
    expect(lines.join('')).toContain('[redacted]');
  });

  it('keeps the rest of an error message readable', () => {
    const { lines, logger } = collectingLogger();
    logger.error({ err: new Error(`login failed for ${TOKEN}`) }, 'error');
    const line: unknown = JSON.parse(lines[0] ?? '');
    expect(line).toMatchObject({ err: { message: 'login failed for [redacted]' } });
  });
});

describe('pretty logs', () => {
  it('are wanted in a terminal, not when stdout is a pipe or a file, and never in production', () => {
    expect(prettyLogsWanted({ production: false }, { isTTY: true })).toBe(true);
    expect(prettyLogsWanted({ production: false }, {})).toBe(false);
    expect(prettyLogsWanted({ production: true }, { isTTY: true })).toBe(false);
  });

  it('need pino-pretty, which a development install has and a folder without node_modules (a production install) lacks', async () => {
    expect(prettyPrinterInstalled()).toBe(true);
    const bare = await mkdtemp(join(tmpdir(), 'no-pino-pretty-'));
    try {
      expect(prettyPrinterInstalled(pathToFileURL(join(bare, 'logger.js')))).toBe(false);
    } finally {
      await rm(bare, { recursive: true, force: true });
    }
  });
});

describe('scrubSecrets', () => {
  it('replaces every occurrence of each secret', () => {
    expect(scrubSecrets(`${TOKEN} and ${TOKEN}`, [TOKEN])).toBe('[redacted] and [redacted]');
  });

  it('ignores secrets too short to be real, rather than mangling text', () => {
    expect(scrubSecrets('a b c', ['a'])).toBe('a b c');
  });
});

describe('scrubSecrets and interaction tokens', () => {
  it('hides the interaction token in callback and webhook URLs that REST errors carry', async () => {
    const { scrubSecrets } = await import('../../src/bot/logger.js');
    const token = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA';
    const text = `POST /api/v10/interactions/123456789012345678/${token}/callback and PATCH /webhooks/987654321098765432/${token}/messages/@original`;
    const scrubbed = scrubSecrets(text, []);
    expect(scrubbed).not.toContain(token);
    expect(scrubbed).toContain('/interactions/123456789012345678/[redacted]/callback');
  });
});
