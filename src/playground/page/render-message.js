// @ts-check
/**
 * One Discord message as Discord's client shows it: who wrote it (and who used which command),
 * its markdown, its embeds (colour bar, author, title, description, fields, footer), its buttons,
 * "thinking…" while a reply is deferred, "(edited)", and "Only you can see this" for ephemeral
 * replies. Built from text nodes only (see markdown.js).
 */
import { renderInline, renderMarkdown, safeHref } from './markdown.js';

/** @typedef {import('./page-shapes').PageMessage} PageMessage */
/** @typedef {import('./page-shapes').PageEmbed} PageEmbed */
/** @typedef {import('./page-shapes').PageComponent} PageComponent */
/** @typedef {import('./markdown.js').MarkdownContext} MarkdownContext */

/**
 * @typedef {object} MessageView
 * @property {MarkdownContext} markdown
 * @property {(message: PageMessage, customId: string, button: HTMLButtonElement) => void} onButton
 * @property {(message: PageMessage, anchor: HTMLElement) => void} onMenu Opens the message's menu (Apps → message commands).
 * @property {(message: PageMessage) => void} onDismiss Hides an ephemeral message, as Discord's "Dismiss message".
 * @property {(messageId: string) => void} onJump Shows the message a reply replies to (a click on its preview).
 */

/** A reply's preview shows at most this many characters of the message replied to, then "…". */
const PREVIEW_LENGTH = 120;

/** Discord's message flag bits. */
const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;

/** Discord's button styles, by number. */
const BUTTON_STYLES = /** @type {const} */ ({ 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link', 6: 'premium' });

/**
 * @param {string} tag
 * @param {string} [className]
 * @param {string} [text]
 * @returns {HTMLElement}
 */
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** @param {import('./page-shapes').PageUser} user */
function displayName(user) {
  return user.global_name ?? user.username;
}

/** @param {string} iso */
function clock(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/**
 * @param {PageMessage} message
 * @param {MessageView} view
 * @returns {HTMLLIElement}
 */
export function renderMessage(message, view) {
  const item = /** @type {HTMLLIElement} */ (element('li', 'message'));
  item.dataset.messageId = message.id;
  const ephemeral = (message.flags & EPHEMERAL) !== 0;
  const thinking = (message.flags & LOADING) !== 0;
  if (ephemeral) item.classList.add('message-ephemeral');
  if (message.author.bot === true) item.classList.add('message-bot');

  const context = messageContext(message, view);
  if (context !== null) item.append(context);

  const head = element('div', 'message-head');
  head.append(element('span', 'message-author', displayName(message.author)));
  if (message.author.bot === true) head.append(element('span', 'message-badge', 'APP'));
  const time = /** @type {HTMLTimeElement} */ (element('time', 'message-time', clock(message.timestamp)));
  time.dateTime = message.timestamp;
  head.append(time);
  item.append(head);

  if (thinking) {
    item.classList.add('message-thinking');
    item.append(element('div', 'message-thinking-text', `${displayName(message.author)} is thinking…`));
  }
  if (message.content !== '') {
    const body = element('div', 'message-content');
    body.append(renderMarkdown(message.content, view.markdown));
    if (message.edited_timestamp !== null) body.append(element('span', 'message-edited', ' (edited)'));
    item.append(body);
  } else if (message.edited_timestamp !== null && !thinking && message.embeds.length === 0) {
    item.append(element('span', 'message-edited', '(edited)'));
  }
  for (const embed of message.embeds) item.append(renderEmbed(embed, view.markdown));
  for (const attachment of message.attachments) item.append(element('div', 'message-attachment', `📎 ${attachment.filename ?? 'file'}`));
  if (message.components.length > 0) item.append(renderComponents(message, view));
  if (ephemeral) {
    const note = element('div', 'message-ephemeral-note');
    note.append(element('span', undefined, '👁 Only you can see this · '));
    const dismiss = /** @type {HTMLButtonElement} */ (element('button', 'link-button', 'Dismiss message'));
    dismiss.type = 'button';
    dismiss.addEventListener('click', () => view.onDismiss(message));
    note.append(dismiss);
    item.append(note);
  }

  const menu = /** @type {HTMLButtonElement} */ (element('button', 'message-menu-button', '⋯'));
  menu.type = 'button';
  menu.setAttribute('aria-label', 'Message menu');
  menu.setAttribute('aria-haspopup', 'menu');
  menu.addEventListener('click', () => view.onMenu(message, menu));
  item.addEventListener('contextmenu', (event) => {
    event.preventDefault();
    view.onMenu(message, menu);
  });
  item.append(menu);
  return item;
}

/**
 * The line above a message: "you used /ask" for a command's reply, or the message it replies to.
 * @param {PageMessage} message
 * @param {MessageView} view
 * @returns {HTMLElement | null}
 */
function messageContext(message, view) {
  if (message.interaction !== undefined) {
    const line = element('div', 'message-context');
    line.append(element('span', 'message-context-user', displayName(message.interaction.user)));
    // Type 2 is a command; a slash command's name is shown with its slash, a menu command's as it is.
    const slash = message.type === 20 ? '/' : '';
    line.append(document.createTextNode(' used '), element('span', 'message-context-command', `${slash}${message.interaction.name}`));
    return line;
  }
  if (message.message_reference === undefined && message.referenced_message === undefined) return null;
  // One line, as Discord shows it: who is replied to, and the start of what they wrote.
  const line = element('div', 'message-context message-reply');
  const replied = message.referenced_message;
  if (replied === undefined || replied === null) {
    line.append(element('span', 'message-context-snippet message-context-missing', 'Original message was deleted'));
    return line;
  }
  line.append(element('span', 'message-context-user', `@${displayName(replied.author)}`), document.createTextNode(' '));
  const snippet = element('span', 'message-context-snippet');
  const text = previewText(replied);
  if (text === null) snippet.append(element('em', undefined, 'Click to see the message'));
  else snippet.append(renderInline(text, view.markdown));
  snippet.title = 'Show the message replied to';
  snippet.addEventListener('click', () => view.onJump(replied.id));
  line.append(snippet);
  return line;
}

/**
 * The start of a message for a reply's preview: its first line with text (or its first embed's
 * title), cut to `PREVIEW_LENGTH` characters with "…" when there is more; null when it has no text.
 * @param {PageMessage} message
 * @returns {string | null}
 */
function previewText(message) {
  const lines = message.content.split('\n').map((line) => line.trim());
  const first = lines.find((line) => line !== '') ?? message.embeds.find((embed) => embed.title !== undefined)?.title;
  if (first === undefined) return null;
  const characters = [...first];
  const more = characters.length > PREVIEW_LENGTH || lines.filter((line) => line !== '').length > 1;
  return more ? `${characters.slice(0, PREVIEW_LENGTH).join('').trimEnd()}…` : first;
}

/**
 * @param {PageEmbed} embed
 * @param {MarkdownContext} markdown
 * @returns {HTMLElement}
 */
export function renderEmbed(embed, markdown) {
  const box = element('article', 'embed');
  if (typeof embed.color === 'number') box.style.borderLeftColor = `#${embed.color.toString(16).padStart(6, '0')}`;
  if (embed.author?.name !== undefined) box.append(element('div', 'embed-author', embed.author.name));
  if (embed.title !== undefined) {
    const title = element('div', 'embed-title');
    const href = embed.url === undefined ? null : safeHref(embed.url);
    const inline = renderInline(embed.title, markdown, { links: false });
    if (href === null) title.append(inline);
    else {
      const anchor = document.createElement('a');
      anchor.href = href;
      anchor.target = '_blank';
      anchor.rel = 'noopener noreferrer nofollow';
      anchor.append(inline);
      title.append(anchor);
    }
    box.append(title);
  }
  if (embed.description !== undefined) {
    const description = element('div', 'embed-description');
    description.append(renderMarkdown(embed.description, markdown));
    box.append(description);
  }
  if (embed.fields !== undefined && embed.fields.length > 0) {
    const fields = element('div', 'embed-fields');
    for (const field of embed.fields) {
      const node = element('div', field.inline === true ? 'embed-field embed-field-inline' : 'embed-field');
      const name = element('div', 'embed-field-name');
      name.append(renderInline(field.name ?? '', markdown, { links: false }));
      const value = element('div', 'embed-field-value');
      value.append(renderMarkdown(field.value ?? '', markdown));
      node.append(name, value);
      fields.append(node);
    }
    box.append(fields);
  }
  const media = embed.image?.url ?? embed.thumbnail?.url;
  // Images are not loaded from elsewhere (nothing leaves this machine); their place is marked.
  if (media !== undefined) box.append(element('div', 'embed-media', '[image]'));
  const footerText = [embed.footer?.text, embed.timestamp === undefined ? undefined : new Date(embed.timestamp).toLocaleString()]
    .filter((part) => part !== undefined && part !== '')
    .join(' • ');
  // Discord shows footers as plain text: no markdown there.
  if (footerText !== '') box.append(element('footer', 'embed-footer', footerText));
  return box;
}

/**
 * @param {PageMessage} message
 * @param {MessageView} view
 * @returns {HTMLElement}
 */
function renderComponents(message, view) {
  const area = element('div', 'components');
  for (const row of message.components) {
    const rowElement = element('div', 'action-row');
    for (const component of row.components ?? []) rowElement.append(renderComponent(message, component, view));
    area.append(rowElement);
  }
  return area;
}

/**
 * @param {PageMessage} message
 * @param {PageComponent} component
 * @param {MessageView} view
 * @returns {HTMLElement}
 */
function renderComponent(message, component, view) {
  if (component.type !== 2) return element('span', 'component-unsupported', '(a menu the playground cannot show)');
  const style = BUTTON_STYLES[/** @type {keyof typeof BUTTON_STYLES} */ (component.style ?? 2)] ?? 'secondary';
  const label = [component.emoji?.name ?? '', component.label ?? ''].filter((part) => part !== '').join(' ');
  if (style === 'link') {
    const href = component.url === undefined ? null : safeHref(component.url);
    const anchor = document.createElement('a');
    anchor.className = 'button button-secondary';
    anchor.textContent = `${label} ↗`;
    if (href !== null) {
      anchor.href = href;
      anchor.target = '_blank';
      anchor.rel = 'noopener noreferrer nofollow';
    }
    return anchor;
  }
  const button = /** @type {HTMLButtonElement} */ (element('button', `button button-${style}`, label));
  button.type = 'button';
  button.disabled = component.disabled === true;
  const customId = component.custom_id;
  if (customId !== undefined) button.addEventListener('click', () => view.onButton(message, customId, button));
  return button;
}
