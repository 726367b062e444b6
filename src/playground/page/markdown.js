// @ts-check
/**
 * Discord's markdown, turned into DOM nodes the way Discord's client shows it: bold, italics,
 * underline, strikethrough, spoilers, inline code and code blocks, block quotes, headings, lists,
 * masked links, mentions, timestamps (`<t:seconds:style>`) and backslash escapes. Every piece of
 * text becomes a text node (`textContent`, `createTextNode`): nothing a bot, an article or a
 * person wrote is ever parsed as HTML. Links go only to http(s) addresses.
 */

/**
 * @typedef {object} MarkdownContext
 * @property {(id: string) => string | undefined} userName The name of a user mentioned as `<@id>`.
 * @property {() => number} [now] Epoch milliseconds, for relative timestamps ("in 25 seconds"). Default `Date.now`.
 */

/** Discord's timestamp styles: short and long time, short and long date, date and time, with weekday, relative. */
const TIMESTAMP_STYLES = /** @type {const} */ (['t', 'T', 'd', 'D', 'f', 'F', 'R']);

/** @typedef {typeof TIMESTAMP_STYLES[number]} TimestampStyle */

/**
 * A Discord timestamp as Discord's client shows it, in the reader's language and time zone.
 * @param {number} seconds Epoch seconds.
 * @param {TimestampStyle} style
 * @param {number} now Epoch milliseconds, for `R`.
 * @returns {string}
 */
export function formatTimestamp(seconds, style, now) {
  const date = new Date(seconds * 1000);
  const time = (/** @type {boolean} */ withSeconds) =>
    date.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}) });
  const day = (/** @type {boolean} */ weekday) =>
    date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric', ...(weekday ? { weekday: 'long' } : {}) });
  switch (style) {
    case 't':
      return time(false);
    case 'T':
      return time(true);
    case 'd':
      return date.toLocaleDateString(undefined, { year: 'numeric', month: '2-digit', day: '2-digit' });
    case 'D':
      return day(false);
    case 'f':
      return `${day(false)} ${time(false)}`;
    case 'F':
      return `${day(true)} ${time(false)}`;
    case 'R':
      return relativeTime(seconds * 1000 - now);
  }
}

/** @type {[Intl.RelativeTimeFormatUnit, number][]} From the largest unit down: how many seconds each holds. */
const RELATIVE_UNITS = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/** "in 25 seconds", "2 hours ago": the largest unit the distance holds at least one of. @param {number} ms */
function relativeTime(ms) {
  const seconds = Math.round(ms / 1000);
  const [unit, size] = RELATIVE_UNITS.find(([, length]) => Math.abs(seconds) >= length) ?? ['second', 1];
  return new Intl.RelativeTimeFormat(undefined, { numeric: 'always' }).format(Math.round(seconds / size), unit);
}

/**
 * Brings every relative timestamp under `root` up to date, as Discord's client keeps "in 25
 * seconds" counting down.
 * @param {ParentNode} root
 * @param {number} now Epoch milliseconds.
 */
export function refreshRelativeTimestamps(root, now) {
  for (const node of root.querySelectorAll('.md-timestamp[data-style="R"]')) {
    if (node instanceof HTMLElement) node.textContent = formatTimestamp(Number(node.dataset.seconds), 'R', now);
  }
}

/** @param {string} value @returns {value is TimestampStyle} */
function isTimestampStyle(value) {
  return /** @type {readonly string[]} */ (TIMESTAMP_STYLES).includes(value);
}

/**
 * @typedef {object} InlineRule
 * @property {RegExp} pattern Sticky (`y`): tried at the current position only.
 * @property {boolean} [link] Makes a link (not tried inside a link's label).
 * @property {(match: RegExpExecArray, context: MarkdownContext, before: string) => Node | null} render
 *   The node for the match, or null when it does not apply here (the text is then kept as it is).
 */

/**
 * @param {string} tag
 * @param {string} [className]
 * @returns {HTMLElement}
 */
function element(tag, className) {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  return node;
}

/**
 * @param {string} tag
 * @param {string} className
 * @param {string} inner
 * @param {MarkdownContext} context
 * @returns {HTMLElement}
 */
function wrap(tag, className, inner, context) {
  const node = element(tag, className);
  node.append(renderInline(inner, context));
  return node;
}

/** Only http(s) links are followed; anything else stays text. @param {string} raw @returns {string | null} */
export function safeHref(raw) {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * @param {string} href
 * @param {Node} label
 * @returns {HTMLAnchorElement}
 */
function link(href, label) {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.target = '_blank';
  anchor.rel = 'noopener noreferrer nofollow';
  anchor.append(label);
  return anchor;
}

/** A run of characters that either is escaped or is anything but a backslash. */
const INNER = String.raw`((?:\\[\s\S]|[^\\])+?)`;

/** @type {InlineRule[]} */
const INLINE_RULES = [
  // Discord drops the backslash before any punctuation and shows the character as it is.
  { pattern: /\\([^\p{L}\p{N}\s])/uy, render: (match) => document.createTextNode(match[1] ?? '') },
  {
    pattern: /(`+)([\s\S]*?[^`])\1(?!`)/y,
    render: (match) => {
      const code = element('code', 'md-code');
      code.textContent = (match[2] ?? '').trim() === '' ? (match[2] ?? '') : (match[2] ?? '').replace(/^ (.*) $/s, '$1');
      return code;
    },
  },
  {
    link: true,
    pattern: /\[((?:\\[\s\S]|[^\\\]])+)\]\(\s*<?([^\s)<>]+)>?\s*\)/y,
    render: (match, context) => {
      const href = safeHref(match[2] ?? '');
      return href === null ? null : link(href, renderInline(match[1] ?? '', context, { links: false }));
    },
  },
  {
    link: true,
    pattern: /<?(https?:\/\/[^\s<>]*[^\s<>.,:;"')\]])>?/y,
    render: (match) => {
      const href = safeHref(match[1] ?? '');
      return href === null ? null : link(href, document.createTextNode(match[1] ?? ''));
    },
  },
  {
    pattern: /<@!?(\d{17,20})>/y,
    render: (match, context) => {
      const pill = element('span', 'md-mention');
      pill.textContent = `@${context.userName(match[1] ?? '') ?? 'unknown-user'}`;
      return pill;
    },
  },
  {
    pattern: /<@&(\d{17,20})>/y,
    render: () => {
      const pill = element('span', 'md-mention');
      pill.textContent = '@role';
      return pill;
    },
  },
  {
    pattern: /<#(\d{17,20})>/y,
    render: () => {
      const pill = element('span', 'md-mention');
      pill.textContent = '#channel';
      return pill;
    },
  },
  { pattern: /<a?:(\w{2,32}):\d{17,20}>/y, render: (match) => document.createTextNode(`:${match[1] ?? ''}:`) },
  {
    // Up to year 9999 either way, as Discord reads them; the default style is `f`.
    pattern: /<t:(-?\d{1,12})(?::([A-Za-z]))?>/y,
    render: (match, context) => {
      const style = match[2] ?? 'f';
      if (!isTimestampStyle(style)) return null;
      const seconds = Number(match[1]);
      const now = context.now?.() ?? Date.now();
      const stamp = element('time', 'md-timestamp');
      stamp.dataset.seconds = String(seconds);
      stamp.dataset.style = style;
      stamp.textContent = formatTimestamp(seconds, style, now);
      stamp.title = formatTimestamp(seconds, 'F', now);
      if (stamp instanceof HTMLTimeElement) stamp.dateTime = new Date(seconds * 1000).toISOString();
      return stamp;
    },
  },
  {
    pattern: new RegExp(String.raw`\*\*${INNER}\*\*(?!\*)`, 'y'),
    render: (match, context) => wrap('strong', 'md-bold', match[1] ?? '', context),
  },
  {
    pattern: new RegExp(`__${INNER}__(?!_)`, 'y'),
    render: (match, context) => wrap('u', 'md-underline', match[1] ?? '', context),
  },
  {
    pattern: /\*(?=\S)((?:\\[\s\S]|\*\*(?:\\[\s\S]|[^\\])+?\*\*|[^\\*])+?)\*(?!\*)/y,
    render: (match, context) => wrap('em', 'md-italic', match[1] ?? '', context),
  },
  {
    // `snake_case_words` are not italic: an underscore opens emphasis only after a non-word character.
    pattern: /_((?:\\[\s\S]|[^\\_])+?)_(?![\p{L}\p{N}_])/uy,
    render: (match, context, before) => (/[\p{L}\p{N}]$/u.test(before) ? null : wrap('em', 'md-italic', match[1] ?? '', context)),
  },
  { pattern: new RegExp(`~~${INNER}~~`, 'y'), render: (match, context) => wrap('s', 'md-strike', match[1] ?? '', context) },
  {
    pattern: new RegExp(String.raw`\|\|${INNER}\|\|`, 'y'),
    render: (match, context) => {
      const spoiler = wrap('span', 'md-spoiler', match[1] ?? '', context);
      spoiler.tabIndex = 0;
      spoiler.title = 'Spoiler: click to show';
      spoiler.addEventListener('click', () => spoiler.classList.add('md-spoiler-shown'));
      return spoiler;
    },
  },
];

/** Characters at which an inline rule can start; everything else is plain text. */
const RULE_START = /[\\`[<h*_~|]/;

/**
 * Inline markdown (no blocks): what Discord shows in an embed's title or a field's name.
 * @param {string} text
 * @param {MarkdownContext} context
 * @param {{ links?: boolean }} [options] `links: false` inside a link's label.
 * @returns {DocumentFragment}
 */
export function renderInline(text, context, options = {}) {
  const fragment = document.createDocumentFragment();
  let plain = '';
  let position = 0;
  while (position < text.length) {
    const char = text.charAt(position);
    let matched = false;
    if (RULE_START.test(char)) {
      for (const rule of INLINE_RULES) {
        if (options.links === false && rule.link === true) continue;
        rule.pattern.lastIndex = position;
        const match = rule.pattern.exec(text);
        if (match === null) continue;
        const node = rule.render(match, context, text.slice(0, position));
        if (node === null) continue;
        if (plain !== '') fragment.append(document.createTextNode(plain));
        plain = '';
        fragment.append(node);
        position += match[0].length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      plain += char;
      position += 1;
    }
  }
  if (plain !== '') fragment.append(document.createTextNode(plain));
  return fragment;
}

/**
 * A message's or an embed description's markdown, blocks and all.
 * @param {string} text
 * @param {MarkdownContext} context
 * @returns {DocumentFragment}
 */
export function renderMarkdown(text, context) {
  const fragment = document.createDocumentFragment();
  const lines = text.split('\n');
  /** @type {string[]} */
  let paragraph = [];
  const flush = () => {
    if (paragraph.length === 0) return;
    const block = element('div', 'md-paragraph');
    paragraph.forEach((line, index) => {
      if (index > 0) block.append(element('br'));
      block.append(renderInline(line, context));
    });
    fragment.append(block);
    paragraph = [];
  };

  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    const fence = /^```(\S*)\s*$/.exec(line) ?? /^```(.*)$/.exec(line);
    if (fence !== null) {
      flush();
      /** @type {string[]} */
      const code = [];
      const opening = line.slice(3);
      // ```text``` on one line, or ```lang on its own line and the code below it.
      if (opening.endsWith('```') && opening.length >= 3) {
        code.push(opening.slice(0, -3));
        index += 1;
      } else {
        index += 1;
        while (index < lines.length && !(lines[index] ?? '').endsWith('```')) code.push(lines[index++] ?? '');
        const last = lines[index];
        if (last !== undefined) {
          const rest = last.slice(0, -3);
          if (rest !== '') code.push(rest);
          index += 1;
        }
      }
      const pre = element('pre', 'md-codeblock');
      const codeElement = element('code');
      codeElement.textContent = code.join('\n');
      pre.append(codeElement);
      fragment.append(pre);
      continue;
    }
    if (line.startsWith('>>> ')) {
      flush();
      fragment.append(quote([line.slice(4), ...lines.slice(index + 1)].join('\n'), context));
      break;
    }
    if (line.startsWith('> ') || line === '>') {
      flush();
      /** @type {string[]} */
      const quoted = [];
      while (index < lines.length && ((lines[index] ?? '').startsWith('> ') || lines[index] === '>')) {
        quoted.push((lines[index] ?? '').slice(2));
        index += 1;
      }
      fragment.append(quote(quoted.join('\n'), context));
      continue;
    }
    const heading = /^(#{1,3}) (.+)$/.exec(line);
    if (heading !== null) {
      flush();
      const level = heading[1]?.length ?? 1;
      const node = wrap(`h${level + 2}`, `md-heading md-heading-${level}`, heading[2] ?? '', context);
      fragment.append(node);
      index += 1;
      continue;
    }
    const subtext = /^-# (.+)$/.exec(line);
    if (subtext !== null) {
      flush();
      fragment.append(wrap('small', 'md-subtext', subtext[1] ?? '', context));
      index += 1;
      continue;
    }
    const listKind = /^\s*[-*] \S/.test(line) ? 'ul' : /^\s*\d{1,9}\. \S/.test(line) ? 'ol' : null;
    if (listKind !== null) {
      flush();
      const list = element(listKind, 'md-list');
      const itemPattern = listKind === 'ul' ? /^\s*[-*] (.*)$/ : /^\s*\d{1,9}\. (.*)$/;
      const first = /^\s*(\d{1,9})\./.exec(line);
      if (listKind === 'ol' && first !== null && list instanceof HTMLOListElement) list.start = Number(first[1]);
      for (let item = itemPattern.exec(lines[index] ?? ''); item !== null; item = itemPattern.exec(lines[index] ?? '')) {
        list.append(wrap('li', 'md-list-item', item[1] ?? '', context));
        index += 1;
        if (index >= lines.length) break;
      }
      fragment.append(list);
      continue;
    }
    paragraph.push(line);
    index += 1;
  }
  flush();
  return fragment;
}

/**
 * @param {string} inner
 * @param {MarkdownContext} context
 * @returns {HTMLElement}
 */
function quote(inner, context) {
  const block = element('blockquote', 'md-quote');
  block.append(renderMarkdown(inner, context));
  return block;
}
