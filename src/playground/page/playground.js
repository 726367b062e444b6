// @ts-check
/**
 * The playground page: a channel and a DM with the bot, kept up to date from the playground
 * server's event stream, a message box (composer.js), replies, the welcome shown before anyone
 * types (welcome.js) and the Manage Server switch. What a person does goes to the server as an
 * action; what the bot does comes back as message changes.
 */
import { createComposer } from './composer.js';
import { refreshRelativeTimestamps } from './markdown.js';
import { renderMessage } from './render-message.js';
import { renderWelcome } from './welcome.js';

/** @typedef {import('./page-shapes').PageState} PageState */
/** @typedef {import('./page-shapes').PageMessage} PageMessage */
/** @typedef {import('./page-shapes').PageMessageChange} PageMessageChange */
/** @typedef {import('./page-shapes').PageCommand} PageCommand */
/** @typedef {import('./page-shapes').PageWelcome} PageWelcome */
/** @typedef {import('./page-shapes').PageEarlierMessages} PageEarlierMessages */
/** @typedef {import('./page-shapes').AutocompleteChoice} AutocompleteChoice */

/** Discord's interaction context for a DM with the bot. */
const BOT_DM_CONTEXT = 1;
const CHAT_INPUT = 1;
const MESSAGE_COMMAND = 3;
/** Discord's message flag bits. */
const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;

/** Messages the page holds per view; older ones are dropped and can be loaded again, as Discord's client does. */
const KEPT_PER_VIEW = 200;
/** Within this many pixels of the bottom, the list counts as at the bottom and follows new messages. */
const FOLLOW_SLACK_PX = 48;

/** What a person is told when the playground cannot be reached at all ("Failed to fetch"). */
const STOPPED = 'The playground is not running any more, so nothing was sent. Start it again (npm start), then reload this page.';

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
function byId(id, type) {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`the page lacks #${id}`);
  return node;
}

const ui = {
  app: byId('app', HTMLElement),
  serverName: byId('server-name', HTMLElement),
  openChannels: byId('open-channels', HTMLButtonElement),
  viewChannel: byId('view-channel', HTMLButtonElement),
  viewDm: byId('view-dm', HTMLButtonElement),
  manageServer: byId('manage-server', HTMLInputElement),
  title: byId('chat-title', HTMLElement),
  connection: byId('connection-status', HTMLElement),
  messages: byId('messages', HTMLOListElement),
  form: byId('composer', HTMLFormElement),
  box: byId('message-box', HTMLTextAreaElement),
  suggestions: byId('suggestions', HTMLElement),
  optionsPanel: byId('command-options', HTMLElement),
  error: byId('composer-error', HTMLElement),
  counter: byId('char-counter', HTMLElement),
  replyBar: byId('reply-bar', HTMLElement),
  replyText: byId('reply-text', HTMLElement),
  replyPing: byId('reply-ping', HTMLButtonElement),
  replyCancel: byId('reply-cancel', HTMLButtonElement),
  menu: byId('message-menu', HTMLElement),
};

/** @type {PageState | null} */
let state = null;
/** @type {'channel' | 'dm'} */
let view = 'channel';
/** @type {Map<string, PageMessage>} */
const messages = new Map();
/** Whether each view has earlier messages than those held. */
const earlier = { channel: false, dm: false };
/** Ephemeral messages the person dismissed. */
const dismissed = new Set();
/** Whether the list follows its newest message (it does until the person scrolls up). */
let following = true;
/** @type {{ message: PageMessage, ping: boolean } | null} The message being replied to, and whether the reply mentions its author. */
let replying = null;

/**
 * @param {string} action
 * @param {unknown} body
 * @returns {Promise<Record<string, unknown>>} The answer; rejects with the playground's own words when it refuses.
 */
async function post(action, body) {
  /** @type {Response} */
  let response;
  try {
    response = await fetch(`/actions/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    // fetch rejects only when nothing answered at all: the server is gone.
    throw new Error(STOPPED);
  }
  /** @type {unknown} */
  const answer = await response.json().catch(() => ({}));
  const record = typeof answer === 'object' && answer !== null ? /** @type {Record<string, unknown>} */ (answer) : {};
  if (!response.ok) throw new Error(typeof record.error === 'string' ? record.error : `The playground answered ${response.status}.`);
  return record;
}

/** @param {unknown} failure */
function showFailure(failure) {
  composer.showError(failure instanceof Error ? failure.message : String(failure));
}

/** @param {'channel' | 'dm'} which */
function channelIdOf(which) {
  if (state === null) return '';
  return which === 'dm' ? state.dm.id : state.channel.id;
}

/** @param {PageMessage} message @returns {'channel' | 'dm' | null} */
function viewOf(message) {
  if (state === null) return null;
  if (message.channel_id === state.channel.id) return 'channel';
  if (message.channel_id === state.dm.id) return 'dm';
  return null;
}

/** @returns {PageCommand[]} */
function slashCommands() {
  if (state === null) return [];
  return state.commands.filter(
    (command) =>
      command.type === CHAT_INPUT &&
      (view === 'channel' || (command.dm_permission !== false && (command.contexts ?? [BOT_DM_CONTEXT]).includes(BOT_DM_CONTEXT))),
  );
}

/** @type {import('./render-message.js').MessageView} */
const messageView = {
  markdown: {
    userName: (id) => {
      if (state === null) return undefined;
      if (id === state.bot.id) return state.bot.username;
      if (id === state.you.id) return state.you.username;
      return undefined;
    },
  },
  onButton: (message, customId, button) => {
    button.disabled = true;
    post('button', { messageId: message.id, customId })
      .catch(showFailure)
      .finally(() => {
        // The message may have been replaced by its edit meanwhile; then this button is gone anyway.
        button.disabled = false;
      });
  },
  onMenu: (message, anchor) => openMenu(message, anchor),
  onDismiss: (message) => {
    dismissed.add(message.id);
    document.querySelector(`[data-message-id="${message.id}"]`)?.remove();
  },
  onJump: (messageId) => {
    const target = ui.messages.querySelector(`[data-message-id="${messageId}"]`);
    if (target === null) return;
    target.scrollIntoView({ block: 'center' });
    target.classList.remove('message-jumped');
    // Restarting the highlight's animation needs a reflow in between.
    void target.getBoundingClientRect();
    target.classList.add('message-jumped');
  },
};

/** @param {PageMessage} message */
function isShown(message) {
  return message.channel_id === channelIdOf(view) && !dismissed.has(message.id);
}

/** The view's messages held, oldest first. @param {'channel' | 'dm'} which */
function messagesOf(which) {
  const channelId = channelIdOf(which);
  return [...messages.values()].filter((message) => message.channel_id === channelId).sort(bySnowflake);
}

/** @param {PageMessage} a @param {PageMessage} b */
function bySnowflake(a, b) {
  const difference = BigInt(a.id) - BigInt(b.id);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** What stands above the first message: a button for earlier ones, or at the very beginning the welcome. */
function historyStart() {
  if (earlier[view]) {
    const item = document.createElement('li');
    item.className = 'history-start';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link-button';
    button.textContent = 'Load earlier messages';
    button.addEventListener('click', () => {
      button.disabled = true;
      loadEarlier().catch((/** @type {unknown} */ failure) => {
        button.disabled = false;
        showFailure(failure);
      });
    });
    item.append(button);
    return item;
  }
  if (state === null) return null;
  return renderWelcome(state.welcome, {
    heading: view === 'dm' ? state.bot.username : `Welcome to #${state.channel.name}!`,
    botName: state.bot.username,
    onExample: (question) => composer.fill(`/ask ${question}`),
  });
}

function renderAll() {
  const start = historyStart();
  const shown = messagesOf(view).filter(isShown);
  ui.messages.replaceChildren(...(start === null ? [] : [start]), ...shown.map((message) => renderMessage(message, messageView)));
  following = true;
  followNewest();
}

function distanceFromBottom() {
  return ui.messages.scrollHeight - ui.messages.scrollTop - ui.messages.clientHeight;
}

/** Keeps the newest message in view while the list follows it: after a message is added or edited, or the list is resized. */
function followNewest() {
  if (following) ui.messages.scrollTop = ui.messages.scrollHeight;
}

ui.messages.addEventListener('scroll', () => {
  following = distanceFromBottom() <= FOLLOW_SLACK_PX;
});
// The list shrinks when the message box grows (command fields, the reply bar): the newest message stays in view.
new ResizeObserver(() => followNewest()).observe(ui.messages);

/** @param {PageMessageChange} change */
function applyChange(change) {
  const { message } = change;
  const existing = ui.messages.querySelector(`[data-message-id="${message.id}"]`);
  if (change.kind === 'delete') {
    messages.delete(message.id);
    existing?.remove();
    return;
  }
  messages.set(message.id, message);
  const which = viewOf(message);
  if (change.kind === 'create' && which !== null) dropOldest(which);
  if (!isShown(message)) return;
  const rendered = renderMessage(message, messageView);
  // An edit replaces the message where it is, as on Discord ("thinking…" becomes the answer this way).
  if (existing !== null) existing.replaceWith(rendered);
  else ui.messages.append(rendered);
  followNewest();
}

/** Holds at most `KEPT_PER_VIEW` messages of a view; the dropped ones are "earlier" again. @param {'channel' | 'dm'} which */
function dropOldest(which) {
  const held = messagesOf(which);
  if (held.length <= KEPT_PER_VIEW) return;
  for (const old of held.slice(0, held.length - KEPT_PER_VIEW)) {
    messages.delete(old.id);
    dismissed.delete(old.id);
    if (which === view) ui.messages.querySelector(`[data-message-id="${old.id}"]`)?.remove();
  }
  if (!earlier[which]) {
    earlier[which] = true;
    if (which === view) ui.messages.firstElementChild?.replaceWith(historyStart() ?? document.createTextNode(''));
  }
}

/** The 50 messages before the first one shown, above it, the list staying where the person is reading. */
async function loadEarlier() {
  const first = messagesOf(view)[0];
  if (first === undefined) return;
  const asked = view;
  /** @type {Response} */
  let response;
  try {
    response = await fetch(`/messages?where=${asked}&before=${first.id}`);
  } catch {
    throw new Error(STOPPED);
  }
  if (!response.ok) throw new Error(`The playground answered ${response.status}.`);
  /** @type {PageEarlierMessages} */
  const page = await response.json();
  for (const message of page.messages) messages.set(message.id, message);
  earlier[asked] = page.hasEarlier;
  if (asked !== view) return;
  const fromBottom = distanceFromBottom();
  renderAll();
  following = false;
  ui.messages.scrollTop = ui.messages.scrollHeight - ui.messages.clientHeight - fromBottom;
}

/** @param {'channel' | 'dm'} next */
function show(next) {
  view = next;
  ui.app.classList.remove('sidebar-open');
  if (state === null) return;
  ui.viewChannel.toggleAttribute('aria-current', next === 'channel');
  ui.viewDm.toggleAttribute('aria-current', next === 'dm');
  ui.title.textContent = next === 'dm' ? `@${state.bot.username}` : `#${state.channel.name}`;
  showPlaceholder();
  stopReplying();
  renderAll();
  composer.refresh();
}

/** A phone-wide screen (the narrow layout of playground.css) has room for the channel's name only, as Discord's app. */
const narrow = window.matchMedia('(max-width: 700px)');

function showPlaceholder() {
  if (state === null) return;
  const where = view === 'dm' ? `@${state.bot.username}` : `#${state.channel.name}`;
  const hint = view === 'dm' ? 'ask a question, or type / for commands' : 'type / for commands, @ to mention the bot';
  ui.box.placeholder = narrow.matches ? `Message ${where}` : `Message ${where}: ${hint}`;
}

narrow.addEventListener('change', showPlaceholder);

/** @param {PageMessage} message */
function startReplying(message) {
  replying = { message, ping: true };
  ui.replyText.textContent = `Replying to ${message.author.global_name ?? message.author.username}`;
  showPing();
  ui.replyBar.hidden = false;
  ui.box.focus();
}

function stopReplying() {
  replying = null;
  ui.replyBar.hidden = true;
}

function showPing() {
  const ping = replying?.ping ?? true;
  ui.replyPing.textContent = ping ? '@ ON' : '@ OFF';
  ui.replyPing.setAttribute('aria-pressed', String(ping));
}

ui.replyPing.addEventListener('click', () => {
  if (replying === null) return;
  replying = { ...replying, ping: !replying.ping };
  showPing();
});
ui.replyCancel.addEventListener('click', stopReplying);

/**
 * @param {PageMessage} message
 * @param {HTMLElement} anchor
 */
function openMenu(message, anchor) {
  if (state === null) return;
  ui.menu.replaceChildren();
  /** @param {string} label @param {() => void} act */
  const item = (label, act) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'menu-item';
    button.setAttribute('role', 'menuitem');
    button.textContent = label;
    button.addEventListener('click', () => {
      closeMenu();
      act();
    });
    return button;
  };
  // As on Discord, a message only its reader sees, or one still loading, cannot be replied to.
  if ((message.flags & (EPHEMERAL | LOADING)) === 0) ui.menu.append(item('Reply', () => startReplying(message)));
  const heading = document.createElement('div');
  heading.className = 'menu-heading';
  heading.textContent = 'Apps';
  ui.menu.append(heading);
  for (const command of state.commands.filter((candidate) => candidate.type === MESSAGE_COMMAND)) {
    ui.menu.append(
      item(command.name, () => {
        post('message-command', { messageId: message.id, name: command.name }).catch(showFailure);
      }),
    );
  }
  const box = anchor.getBoundingClientRect();
  ui.menu.style.top = `${Math.round(box.bottom + window.scrollY)}px`;
  ui.menu.style.left = `${Math.round(Math.max(8, Math.min(box.right, window.innerWidth - 8) - 220))}px`;
  ui.menu.hidden = false;
  ui.menu.querySelector('button')?.focus();
}

function closeMenu() {
  ui.menu.hidden = true;
}

document.addEventListener('mousedown', (event) => {
  if (!ui.menu.hidden && event.target instanceof Node && !ui.menu.contains(event.target)) closeMenu();
});
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  if (!ui.menu.hidden) closeMenu();
  else if (replying !== null) stopReplying();
});

/**
 * Sends, then (as on Discord) shows the bottom of the list, and ends a reply.
 * @param {string} action
 * @param {Record<string, unknown>} body
 * @returns {Promise<boolean>}
 */
function sendAction(action, body) {
  return post(action, body).then(
    () => {
      stopReplying();
      following = true;
      followNewest();
      return true;
    },
    (/** @type {unknown} */ failure) => {
      showFailure(failure);
      return false;
    },
  );
}

const composer = createComposer(
  { form: ui.form, box: ui.box, suggestions: ui.suggestions, optionsPanel: ui.optionsPanel, error: ui.error, counter: ui.counter },
  {
    commands: slashCommands,
    botName: () => state?.bot.username ?? 'bot',
    botId: () => state?.bot.id ?? '',
    // A slash command is never a reply, on Discord either.
    sendCommand: (name, options) => sendAction('command', { where: view, name, options }),
    sendMessage: (content) =>
      sendAction('message', {
        where: view,
        content,
        ...(replying === null ? {} : { replyTo: replying.message.id, ping: replying.ping }),
      }),
    autocomplete: async (name, focused, value, options) => {
      const answer = await post('autocomplete', { where: view, name, focused, value, options });
      return Array.isArray(answer.choices) ? /** @type {AutocompleteChoice[]} */ (answer.choices) : [];
    },
  },
);

ui.openChannels.addEventListener('click', () => ui.app.classList.toggle('sidebar-open'));
// On a narrow screen the channels cover the conversation; a tap beside them closes them.
ui.app.addEventListener('click', (event) => {
  const target = event.target;
  if (!ui.app.classList.contains('sidebar-open') || !(target instanceof Node)) return;
  if (!target.isConnected || ui.openChannels.contains(target) || document.querySelector('.sidebar')?.contains(target)) return;
  ui.app.classList.remove('sidebar-open');
});
ui.viewChannel.addEventListener('click', () => show('channel'));
ui.viewDm.addEventListener('click', () => show('dm'));
ui.manageServer.addEventListener('change', () => {
  const enabled = ui.manageServer.checked;
  post('manage-server', { enabled }).then(
    (answer) => {
      ui.manageServer.checked = answer.manageServer === true;
    },
    (/** @type {unknown} */ failure) => {
      ui.manageServer.checked = !enabled;
      showFailure(failure);
    },
  );
});

async function loadState() {
  const response = await fetch('/state');
  /** @type {PageState} */
  const loaded = await response.json();
  state = loaded;
  messages.clear();
  for (const message of loaded.messages) messages.set(message.id, message);
  earlier.channel = loaded.earlier.channel;
  earlier.dm = loaded.earlier.dm;
  ui.serverName.textContent = loaded.guild.name;
  ui.manageServer.checked = loaded.manageServer;
  ui.viewDm.textContent = `@${loaded.bot.username}`;
  show(view);
  document.body.dataset.ready = 'true';
}

/** @param {PageWelcome | null} welcome */
function updateWelcome(welcome) {
  if (state === null) return;
  state = { ...state, welcome };
  const current = ui.messages.querySelector('.welcome');
  const start = historyStart();
  if (current !== null && start !== null) current.replaceWith(start);
}

function listen() {
  const events = new EventSource('/events');
  let opened = false;
  events.addEventListener('message', (event) => {
    /** @type {PageMessageChange} */
    const change = JSON.parse(event.data);
    applyChange(change);
  });
  events.addEventListener('welcome', (event) => {
    if (event instanceof MessageEvent) updateWelcome(JSON.parse(event.data));
  });
  events.addEventListener('open', () => {
    ui.connection.hidden = true;
    // After a lost connection, changes may have been missed: start again from the server's state.
    if (opened) void loadState();
    opened = true;
  });
  events.addEventListener('error', () => {
    ui.connection.hidden = false;
  });
}

// "in 25 seconds" counts down, as on Discord.
setInterval(() => refreshRelativeTimestamps(ui.messages, Date.now()), 1000);

listen();
loadState().catch(() => composer.showError(STOPPED));
