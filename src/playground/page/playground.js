// @ts-check
/**
 * The playground page: a channel and a DM with the bot, kept up to date from the playground
 * server's event stream, a message box (composer.js) and the Manage Server switch. What a person
 * does goes to the server as an action; what the bot does comes back as message changes.
 */
import { createComposer } from './composer.js';
import { renderMessage } from './render-message.js';

/** @typedef {import('./page-shapes').PageState} PageState */
/** @typedef {import('./page-shapes').PageMessage} PageMessage */
/** @typedef {import('./page-shapes').PageMessageChange} PageMessageChange */
/** @typedef {import('./page-shapes').PageCommand} PageCommand */
/** @typedef {import('./page-shapes').AutocompleteChoice} AutocompleteChoice */

/** Discord's interaction context for a DM with the bot. */
const BOT_DM_CONTEXT = 1;
const CHAT_INPUT = 1;
const MESSAGE_COMMAND = 3;

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
  serverName: byId('server-name', HTMLElement),
  viewChannel: byId('view-channel', HTMLButtonElement),
  viewDm: byId('view-dm', HTMLButtonElement),
  manageServer: byId('manage-server', HTMLInputElement),
  title: byId('chat-title', HTMLElement),
  messages: byId('messages', HTMLOListElement),
  form: byId('composer', HTMLFormElement),
  box: byId('message-box', HTMLTextAreaElement),
  suggestions: byId('suggestions', HTMLElement),
  optionsPanel: byId('command-options', HTMLElement),
  error: byId('composer-error', HTMLElement),
  menu: byId('message-menu', HTMLElement),
};

/** @type {PageState | null} */
let state = null;
/** @type {'channel' | 'dm'} */
let view = 'channel';
/** @type {Map<string, PageMessage>} */
const messages = new Map();
/** Ephemeral messages the person dismissed. */
const dismissed = new Set();

/**
 * @param {string} action
 * @param {unknown} body
 * @returns {Promise<Record<string, unknown>>} The answer; rejects with the playground's own words when it refuses.
 */
async function post(action, body) {
  const response = await fetch(`/actions/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  /** @type {unknown} */
  const answer = await response.json().catch(() => ({}));
  const record = typeof answer === 'object' && answer !== null ? /** @type {Record<string, unknown>} */ (answer) : {};
  if (!response.ok) throw new Error(typeof record.error === 'string' ? record.error : `The playground answered ${response.status}.`);
  return record;
}

function currentChannelId() {
  if (state === null) return '';
  return view === 'dm' ? state.dm.id : state.channel.id;
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
      .catch((/** @type {unknown} */ failure) => composer.showError(failure instanceof Error ? failure.message : String(failure)))
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
};

/** @param {PageMessage} message */
function isShown(message) {
  return message.channel_id === currentChannelId() && !dismissed.has(message.id);
}

function renderAll() {
  const shown = [...messages.values()].filter(isShown);
  ui.messages.replaceChildren(...shown.map((message) => renderMessage(message, messageView)));
  scrollToEnd();
}

function scrollToEnd() {
  ui.messages.scrollTop = ui.messages.scrollHeight;
}

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
  if (!isShown(message)) return;
  const rendered = renderMessage(message, messageView);
  // An edit replaces the message where it is, as on Discord.
  if (existing !== null) existing.replaceWith(rendered);
  else {
    ui.messages.append(rendered);
    scrollToEnd();
  }
}

/** @param {'channel' | 'dm'} next */
function show(next) {
  view = next;
  if (state === null) return;
  ui.viewChannel.toggleAttribute('aria-current', next === 'channel');
  ui.viewDm.toggleAttribute('aria-current', next === 'dm');
  ui.title.textContent = next === 'dm' ? `@${state.bot.username}` : `#${state.channel.name}`;
  ui.box.placeholder =
    next === 'dm'
      ? `Message @${state.bot.username}: ask a question, or type / for commands`
      : `Message #${state.channel.name}: type / for commands, @ to mention the bot`;
  renderAll();
  composer.refresh();
}

/**
 * @param {PageMessage} message
 * @param {HTMLElement} anchor
 */
function openMenu(message, anchor) {
  if (state === null) return;
  ui.menu.replaceChildren();
  const commands = state.commands.filter((command) => command.type === MESSAGE_COMMAND);
  const heading = document.createElement('div');
  heading.className = 'menu-heading';
  heading.textContent = 'Apps';
  ui.menu.append(heading);
  for (const command of commands) {
    const item = document.createElement('button');
    item.type = 'button';
    item.className = 'menu-item';
    item.setAttribute('role', 'menuitem');
    item.textContent = command.name;
    item.addEventListener('click', () => {
      closeMenu();
      post('message-command', { messageId: message.id, name: command.name }).catch((/** @type {unknown} */ failure) =>
        composer.showError(failure instanceof Error ? failure.message : String(failure)),
      );
    });
    ui.menu.append(item);
  }
  const box = anchor.getBoundingClientRect();
  ui.menu.style.top = `${Math.round(box.bottom + window.scrollY)}px`;
  ui.menu.style.left = `${Math.round(Math.max(8, box.right - 220))}px`;
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
  if (event.key === 'Escape') closeMenu();
});

const composer = createComposer(
  { form: ui.form, box: ui.box, suggestions: ui.suggestions, optionsPanel: ui.optionsPanel, error: ui.error },
  {
    commands: slashCommands,
    botName: () => state?.bot.username ?? 'bot',
    botId: () => state?.bot.id ?? '',
    sendCommand: (name, options) =>
      post('command', { where: view, name, options }).then(
        () => true,
        (/** @type {unknown} */ failure) => {
          composer.showError(failure instanceof Error ? failure.message : String(failure));
          return false;
        },
      ),
    sendMessage: (content) =>
      post('message', { where: view, content }).then(
        () => true,
        (/** @type {unknown} */ failure) => {
          composer.showError(failure instanceof Error ? failure.message : String(failure));
          return false;
        },
      ),
    autocomplete: async (name, focused, value, options) => {
      const answer = await post('autocomplete', { where: view, name, focused, value, options });
      return Array.isArray(answer.choices) ? /** @type {AutocompleteChoice[]} */ (answer.choices) : [];
    },
  },
);

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
      composer.showError(failure instanceof Error ? failure.message : String(failure));
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
  ui.serverName.textContent = loaded.guild.name;
  ui.manageServer.checked = loaded.manageServer;
  ui.viewDm.textContent = `@${loaded.bot.username}`;
  show(view);
  document.body.dataset.ready = 'true';
}

function listen() {
  const events = new EventSource('/events');
  let opened = false;
  events.addEventListener('message', (event) => {
    /** @type {PageMessageChange} */
    const change = JSON.parse(event.data);
    applyChange(change);
  });
  events.addEventListener('open', () => {
    // After a lost connection, changes may have been missed: start again from the server's state.
    if (opened) void loadState();
    opened = true;
  });
}

listen();
loadState().catch((/** @type {unknown} */ failure) => composer.showError(`The playground is not answering: ${String(failure)}`));
