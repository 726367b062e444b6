/**
 * The playground's page server over HTTP, without a browser: what it serves, what it refuses,
 * and that an action reaches the real bot (started by the real start-up code) as Discord would
 * deliver it.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rawRequest } from './support/raw-http.js';
import { fetchEarlier, fetchPageState, startTestPlayground, type TestPlayground } from './support/playground.js';

let playground: TestPlayground;

beforeAll(async () => {
  playground = await startTestPlayground();
});

afterAll(async () => {
  await playground?.close();
});

function postAction(action: string, body: unknown, headers: Record<string, string> = {}): ReturnType<typeof rawRequest> {
  return rawRequest(playground.port, {
    method: 'POST',
    path: `/actions/${action}`,
    headers: { Host: `127.0.0.1:${playground.port}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** The next `count` events of the page's event stream, parsed. */
function nextEvents(count: number): { events: Promise<unknown[]>; opened: Promise<void> } {
  let markOpened: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    markOpened = resolve;
  });
  const events = new Promise<unknown[]>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: playground.port, path: '/events' }, (res) => {
      const seen: unknown[] = [];
      let buffer = '';
      res.setEncoding('utf8');
      markOpened();
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(event)?.[1];
          if (data !== undefined) seen.push(JSON.parse(data));
          if (seen.length === count) {
            req.destroy();
            resolve(seen);
            return;
          }
          end = buffer.indexOf('\n\n');
        }
      });
    });
    req.on('error', (error) => {
      if (!('code' in error && error.code === 'ECONNRESET')) reject(error);
    });
    req.end();
  });
  return { events, opened };
}

describe('the playground page server', () => {
  it('serves the page and its scripts with a policy that lets nothing else run or load', async () => {
    const page = await fetch(playground.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('aria-label="Message"');
    for (const script of ['/playground.js', '/composer.js', '/render-message.js', '/markdown.js']) {
      const response = await fetch(`${playground.url}${script}`);
      expect(response.headers.get('content-type'), script).toMatch(/^text\/javascript/);
    }
    expect((await fetch(`${playground.url}/../package.json`)).status).toBe(404);
    expect((await fetch(`${playground.url}/page-server.ts`)).status).toBe(404);
  });

  it('refuses requests whose Host is not a loopback name (DNS rebinding), and actions from a page elsewhere', async () => {
    const rebound = await rawRequest(playground.port, { path: '/state', headers: { Host: `evil.example:${playground.port}` } });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toContain('not a loopback name');
    const crossSite = await postAction('message', { where: 'channel', content: 'hi' }, { Origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect((await rawRequest(playground.port, { path: '/', headers: { Host: `localhost:${playground.port}` } })).status).toBe(200);
  });

  it('takes actions only as JSON posted from the page, and small', async () => {
    const form = await rawRequest(playground.port, {
      method: 'POST',
      path: '/actions/message',
      headers: { Host: `127.0.0.1:${playground.port}`, 'Content-Type': 'text/plain' },
      body: '{"where":"channel","content":"hi"}',
    });
    expect(form.status).toBe(415);
    expect((await postAction('message', { where: 'channel', content: 'x'.repeat(70_000) })).status).toBe(413);
    const broken = await rawRequest(playground.port, {
      method: 'POST',
      path: '/actions/message',
      headers: { Host: `127.0.0.1:${playground.port}`, 'Content-Type': 'application/json' },
      body: '{',
    });
    expect(broken.status).toBe(400);
    expect((await postAction('no-such-action', {})).status).toBe(404);
  });

  it("refuses, in words, what Discord's client would not send", async () => {
    const cases: [unknown, string][] = [
      [{ where: 'channel', name: 'nope', options: {} }, 'There is no command /nope.'],
      [{ where: 'channel', name: 'ask', options: {} }, '/ask needs question.'],
      [
        { where: 'channel', name: 'ask', options: { question: 'x'.repeat(301) } },
        'question can be at most 300 characters (this one has 301).',
      ],
      // However long: the same words, not the page's own limit on what it sends.
      [
        { where: 'channel', name: 'ask', options: { question: 'x'.repeat(10_000) } },
        'question can be at most 300 characters (this one has 10000).',
      ],
      [{ where: 'channel', content: 'y'.repeat(2_500) }, 'A message can be at most 2000 characters (this one has 2500).'],
      [{ where: 'channel', name: 'ask', options: { question: 'why', colour: 'red' } }, '/ask has no option colour.'],
      [{ where: 'channel', name: 'ask', options: { question: 'why', private: 'yes' } }, 'private is true or false.'],
      [{ where: 'nowhere', name: 'ask', options: {} }, 'The page sent something the playground cannot use (where:'],
    ];
    for (const [body, error] of cases) {
      const response = await postAction(typeof body === 'object' && body !== null && 'content' in body ? 'message' : 'command', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(JSON.parse(response.body).error).toContain(error);
    }
  });

  it('turns /ask into the interaction Discord would send the real bot, and streams its answer to the page', async () => {
    const { events, opened } = nextEvents(2);
    await opened;
    const sent = await postAction('command', { where: 'channel', name: 'ask', options: { question: 'Who makes decisions in Russia?' } });
    expect(sent.status, sent.body).toBe(200);
    const { interactionId } = JSON.parse(sent.body);
    const [deferred, answer] = (await events) as { kind: string; message: Record<string, unknown> }[];
    // The bot defers ("thinking…": the loading flag), then edits that message into its answer.
    expect(deferred).toMatchObject({
      kind: 'create',
      message: {
        author: { id: playground.playground.discord.botUser.id },
        interaction: { id: interactionId, name: 'ask', user: { username: 'you' } },
        flags: 128,
        embeds: [],
      },
    });
    expect(answer).toMatchObject({
      kind: 'update',
      message: { id: deferred?.message.id, flags: 0, embeds: [{ title: 'Who makes decisions in Russia?' }] },
    });
    const state = await fetchPageState(playground.url);
    expect(state.messages.filter((message) => message.id === deferred?.message.id)).toHaveLength(1);
  });

  it('runs /ask in the DM with the bot too (the commands are registered globally, as in production)', async () => {
    const sent = await postAction('command', { where: 'dm', name: 'ask', options: { question: 'Who makes decisions in Russia?' } });
    expect(sent.status, sent.body).toBe(200);
    const dmId = playground.playground.discord.dmChannelWith('member').id;
    await vi.waitFor(
      async () => {
        const state = await fetchPageState(playground.url);
        const answer = state.messages.find((message) => message.channel_id === dmId && message.content === '');
        expect(answer).toBeDefined();
        const stored = playground.playground.discord.getMessage(answer?.id ?? '');
        expect(stored?.embeds).toHaveLength(1);
      },
      { timeout: 20_000, interval: 50 },
    );
  });

  it('gives the page the last 50 messages of the channel and of the DM, and earlier ones 50 at a time on request', async () => {
    const { discord } = playground.playground;
    for (let index = 1; index <= 120; index += 1) discord.createMessage({ content: `history ${index}` });
    discord.createMessage({ content: 'in the DM', dm: true });
    const state = await fetchPageState(playground.url);
    const inChannel = state.messages.filter((message) => message.channel_id === discord.channelId);
    expect(inChannel.map((message) => message.id)).toEqual(
      discord
        .messagesIn(discord.channelId)
        .slice(-50)
        .map((message) => message.id),
    );
    expect(inChannel.at(-1)?.content).toBe('history 120');
    expect(state.messages.some((message) => message.content === 'in the DM')).toBe(true);
    expect(state.earlier).toEqual({ channel: true, dm: false });

    const before = inChannel[0]?.id ?? '';
    const earlier = await fetchEarlier(playground.url, 'channel', before);
    expect(earlier.messages.map((message) => message.content)).toEqual(
      discord
        .messagesIn(discord.channelId)
        .filter((message) => BigInt(message.id) < BigInt(before))
        .slice(-50)
        .map((message) => message.content),
    );
    expect(earlier.messages).toHaveLength(50);
    expect(earlier.hasEarlier).toBe(true);
    expect((await fetchEarlier(playground.url, 'dm', '99999999999999999999')).hasEarlier).toBe(false);
  });

  it('answers the article autocomplete with the bot’s own choices', async () => {
    const response = await postAction('autocomplete', { where: 'channel', name: 'ask', focused: 'article', value: 'trump', options: {} });
    expect(response.status, response.body).toBe(200);
    expect(JSON.parse(response.body).choices).toEqual([
      { name: expect.stringContaining('Trump says he "didn\'t make any progress"'), value: '2025-07-03-trump-putin-call' },
    ]);
  });

  it('gives the person Manage Server with the switch and takes it away again', async () => {
    expect((await fetchPageState(playground.url)).manageServer).toBe(false);
    expect(JSON.parse((await postAction('manage-server', { enabled: true })).body)).toEqual({ manageServer: true });
    expect((await fetchPageState(playground.url)).manageServer).toBe(true);
    expect(JSON.parse((await postAction('manage-server', { enabled: false })).body)).toEqual({ manageServer: false });
  });

  it('lets only the playground’s own bot log in: its Discord-compatible server takes no other token', async () => {
    const { discord } = playground.playground;
    const guess = await rawRequest(discord.port, {
      path: '/api/v10/gateway/bot',
      headers: { Host: `127.0.0.1:${discord.port}`, Authorization: 'Bot guessed-token' },
    });
    expect(guess.status).toBe(401);
    const login = discord.requests.find((r) => r.path === '/gateway/bot');
    expect(login?.status).toBe(200);
    expect(login?.authorization).toMatch(/^Bot [\w-]{40,}$/);
  });
});
