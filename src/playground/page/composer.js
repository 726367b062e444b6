// @ts-check
/**
 * The message box, as Discord's: typing `/` lists the bot's commands; `/ask who makes decisions in
 * russia?` + Enter sends /ask with that text as its first option (Discord fills a command's first
 * option the same way), and `name: value` pairs fill the others; the command's other options get
 * fields of their own, the `article` field showing the bot's autocomplete answers as you type.
 * `@` offers to mention the bot. Anything else is a plain message.
 */

/** @typedef {import('./page-shapes').PageCommand} PageCommand */
/** @typedef {import('./page-shapes').PageCommandOption} PageCommandOption */
/** @typedef {import('./page-shapes').AutocompleteChoice} AutocompleteChoice */

/**
 * @typedef {object} ComposerHost
 * @property {() => PageCommand[]} commands The slash commands usable in the current view.
 * @property {() => string} botName
 * @property {() => string} botId
 * @property {(name: string, options: Record<string, string | boolean>) => Promise<boolean>} sendCommand Resolves true when sent.
 * @property {(content: string) => Promise<boolean>} sendMessage Resolves true when sent.
 * @property {(name: string, focused: string, value: string, options: Record<string, string | boolean>) => Promise<AutocompleteChoice[]>} autocomplete
 */

/** Discord's option types the page fills in. */
const STRING = 3;
const BOOLEAN = 5;

/** Discord's longest message from a person without Nitro (the playground server holds it to the same). */
const MAX_MESSAGE_LENGTH = 2000;
/** The counter shows once no more than this share of the limit is left, as Discord's does near the end. */
const COUNTER_FROM_SHARE = 0.2;

/** How long typing in an autocompleted field pauses before the bot is asked (Discord asks as you type, a little debounced). */
const AUTOCOMPLETE_DELAY_MS = 150;

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

/**
 * The option typed straight after the command's name: its first option, when that takes text.
 * @param {PageCommand} command
 * @returns {PageCommandOption | undefined}
 */
export function mainOption(command) {
  const first = command.options?.[0];
  return first !== undefined && first.type === STRING ? first : undefined;
}

/**
 * Splits `/name rest` into the command's option values, as Discord's client fills them: `name: value`
 * pairs set those options, and text before the first pair goes to the first option.
 * @param {PageCommand} command
 * @param {string} rest What follows `/name `.
 * @returns {Record<string, string | boolean>}
 */
export function parseCommandText(command, rest) {
  const options = command.options ?? [];
  /** @type {Record<string, string | boolean>} */
  const values = {};
  const names = options.map((option) => option.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const main = mainOption(command);
  const found = names.length === 0 ? [] : [...rest.matchAll(new RegExp(`(?:^|\\s)(${names.join('|')}):`, 'g'))];
  // Once the first option is being typed as plain text, "question:" inside it is just text: nothing typed is dropped.
  const typedPlain = (found[0]?.index ?? rest.length) > 0 && rest.trim() !== '';
  const pairs = found.filter((pair) => !(typedPlain && pair[1] === main?.name));
  const lead = (pairs.length === 0 ? rest : rest.slice(0, pairs[0]?.index ?? 0)).trim();
  if (lead !== '' && main !== undefined) values[main.name] = lead;
  pairs.forEach((pair, index) => {
    const name = pair[1] ?? '';
    const start = (pair.index ?? 0) + pair[0].length;
    const end = pairs[index + 1]?.index ?? rest.length;
    const text = rest.slice(start, end).trim();
    const option = options.find((candidate) => candidate.name === name);
    if (option === undefined) return;
    values[name] = option.type === BOOLEAN ? /^(true|yes|1)$/i.test(text) : text;
  });
  return values;
}

/**
 * What the box holds, measured against its limit: a command's first option against that option's
 * `max_length`, anything else against Discord's message limit. Characters are counted as code
 * points, as the playground server counts them.
 * @param {string} text
 * @param {PageCommand | undefined} command The command typed, when the text is one.
 * @param {string | null} rest What follows the command's name.
 * @returns {{ what: string, length: number, max: number }}
 */
export function measure(text, command, rest) {
  if (command !== undefined && rest !== null) {
    const main = mainOption(command);
    const value = main === undefined ? undefined : parseCommandText(command, rest)[main.name];
    if (main !== undefined && typeof main.max_length === 'number') {
      return { what: main.name, length: typeof value === 'string' ? [...value].length : 0, max: main.max_length };
    }
  }
  return { what: 'A message', length: [...text].length, max: MAX_MESSAGE_LENGTH };
}

/**
 * @param {{ form: HTMLFormElement, box: HTMLTextAreaElement, suggestions: HTMLElement, optionsPanel: HTMLElement, error: HTMLElement, counter: HTMLElement }} parts
 * @param {ComposerHost} host
 */
export function createComposer(parts, host) {
  const { form, box, suggestions, optionsPanel, error, counter } = parts;
  /** @type {{ label: string, hint: string, pick: () => void }[]} */
  let shown = [];
  let highlighted = 0;
  /** The command whose option fields are shown, and the fields by option name. */
  /** @type {PageCommand | null} */
  let fieldsFor = null;
  /** @type {Map<string, () => string | boolean>} */
  let fieldValues = new Map();
  let sending = false;

  const showError = (/** @type {string} */ text) => {
    error.textContent = text;
    error.hidden = text === '';
  };

  const hideSuggestions = () => {
    shown = [];
    suggestions.replaceChildren();
    suggestions.hidden = true;
  };

  const renderSuggestions = () => {
    suggestions.replaceChildren();
    shown.forEach((entry, index) => {
      const option = element('div', index === highlighted ? 'suggestion suggestion-active' : 'suggestion');
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', String(index === highlighted));
      option.append(element('span', 'suggestion-label', entry.label), element('span', 'suggestion-hint', entry.hint));
      // mousedown, not click: the box must not lose focus first.
      option.addEventListener('mousedown', (event) => {
        event.preventDefault();
        entry.pick();
      });
      suggestions.append(option);
    });
    suggestions.hidden = shown.length === 0;
  };

  /** @returns {{ command: PageCommand | undefined, name: string, rest: string | null }} */
  const typedCommand = () => {
    const match = /^\/(\S*)(?:\s([\s\S]*))?$/.exec(box.value);
    if (match === null) return { command: undefined, name: '', rest: null };
    const name = match[1] ?? '';
    return { command: host.commands().find((command) => command.name === name), name, rest: match[2] ?? null };
  };

  /** Characters left, shown near the limit, in red past it. */
  const updateCounter = () => {
    const typed = typedCommand();
    const { length, max } = measure(box.value, box.value.startsWith('/') ? typed.command : undefined, typed.rest);
    const left = max - length;
    counter.hidden = left > max * COUNTER_FROM_SHARE;
    counter.textContent = String(left);
    counter.classList.toggle('char-counter-over', left < 0);
  };

  const update = () => {
    showError('');
    updateCounter();
    const typed = typedCommand();
    if (box.value.startsWith('/') && typed.rest === null) {
      const prefix = typed.name.toLowerCase();
      shown = host
        .commands()
        .filter((command) => command.name.startsWith(prefix))
        .map((command) => ({
          label: `/${command.name}`,
          hint: command.default_member_permissions === null ? command.description : `${command.description} (needs Manage Server)`,
          pick: () => {
            box.value = `/${command.name} `;
            update();
            box.focus();
          },
        }));
      highlighted = Math.min(highlighted, Math.max(0, shown.length - 1));
      renderSuggestions();
    } else {
      const mention = /(^|\s)@(\S*)$/.exec(box.value);
      const name = host.botName();
      if (mention !== null && name.toLowerCase().startsWith((mention[2] ?? '').toLowerCase())) {
        shown = [
          {
            label: `@${name}`,
            hint: 'mention the bot: it answers what follows',
            pick: () => {
              box.value = `${box.value.slice(0, box.value.length - (mention[2] ?? '').length - 1)}@${name} `;
              update();
              box.focus();
            },
          },
        ];
        highlighted = 0;
        renderSuggestions();
      } else {
        hideSuggestions();
      }
    }
    showFields(typed.rest === null ? undefined : typed.command);
  };

  /** @param {PageCommand | undefined} command */
  const showFields = (command) => {
    if (command === fieldsFor || (command !== undefined && command.name === fieldsFor?.name)) return;
    fieldsFor = command ?? null;
    fieldValues = new Map();
    optionsPanel.replaceChildren();
    optionsPanel.hidden = command === undefined;
    if (command === undefined) return;
    const main = mainOption(command);
    const heading = element('div', 'command-heading');
    heading.append(element('strong', undefined, `/${command.name}`), document.createTextNode(` ${command.description}`));
    optionsPanel.append(heading);
    for (const option of command.options ?? []) {
      if (option === main) {
        optionsPanel.append(
          element(
            'div',
            'command-option-note',
            `${option.name}: what you type after /${command.name}${option.required === true ? ' (required)' : ''}`,
          ),
        );
        continue;
      }
      optionsPanel.append(optionField(command, option));
    }
  };

  /**
   * @param {PageCommand} command
   * @param {PageCommandOption} option
   * @returns {HTMLElement}
   */
  const optionField = (command, option) => {
    const wrapper = element('div', 'command-option');
    const label = /** @type {HTMLLabelElement} */ (element('label', 'command-option-label'));
    const id = `option-${command.name}-${option.name}`;
    label.htmlFor = id;
    label.append(
      element('span', 'command-option-name', option.name),
      element('span', 'command-option-description', option.description ?? ''),
    );
    wrapper.append(label);
    if (option.type === BOOLEAN) {
      const input = /** @type {HTMLInputElement} */ (element('input'));
      input.type = 'checkbox';
      input.id = id;
      fieldValues.set(option.name, () => (input.checked ? true : ''));
      wrapper.prepend(input);
      wrapper.classList.add('command-option-boolean');
      return wrapper;
    }
    const input = /** @type {HTMLInputElement} */ (element('input', 'command-option-input'));
    input.type = 'text';
    input.id = id;
    input.autocomplete = 'off';
    if (option.max_length !== undefined) input.maxLength = option.max_length;
    wrapper.append(input);
    if (option.autocomplete !== true) {
      fieldValues.set(option.name, () => input.value.trim());
      return wrapper;
    }
    // An autocompleted option shows the chosen answer's name and sends its value, as Discord does.
    let chosen = /** @type {AutocompleteChoice | null} */ (null);
    fieldValues.set(option.name, () => (chosen !== null && chosen.name === input.value ? String(chosen.value) : input.value.trim()));
    const list = element('ul', 'autocomplete');
    list.id = `${id}-choices`;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', `${option.name} choices`);
    list.hidden = true;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    wrapper.append(list);
    let asked = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const ask = () => {
      const ticket = ++asked;
      const { rest } = typedCommand();
      const others = rest === null ? {} : parseCommandText(command, rest);
      host.autocomplete(command.name, option.name, input.value, others).then(
        (choices) => {
          // An answer to an older keystroke must not replace a newer one.
          if (ticket !== asked) return;
          list.replaceChildren();
          for (const choice of choices) {
            const item = element('li', 'autocomplete-choice', choice.name);
            item.setAttribute('role', 'option');
            item.addEventListener('mousedown', (event) => {
              event.preventDefault();
              chosen = choice;
              input.value = choice.name;
              list.hidden = true;
              input.setAttribute('aria-expanded', 'false');
              box.focus();
            });
            list.append(item);
          }
          if (choices.length === 0) list.append(element('li', 'autocomplete-empty', 'No matches'));
          list.hidden = false;
          input.setAttribute('aria-expanded', 'true');
        },
        (/** @type {unknown} */ failure) => {
          if (ticket === asked) showError(failure instanceof Error ? failure.message : String(failure));
        },
      );
    };
    const askSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(ask, AUTOCOMPLETE_DELAY_MS);
    };
    input.addEventListener('input', () => {
      if (chosen !== null && chosen.name !== input.value) chosen = null;
      askSoon();
    });
    input.addEventListener('focus', askSoon);
    input.addEventListener('blur', () => {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
    });
    return wrapper;
  };

  const send = async () => {
    if (sending) return;
    const text = box.value;
    if (text.trim() === '') return;
    const typed = typedCommand();
    // Discord's client sends nothing over the limit; it says so, in the words the server would use.
    const size = measure(text, text.startsWith('/') ? typed.command : undefined, typed.rest);
    if (size.length > size.max) {
      showError(`${size.what} can be at most ${size.max} characters (this one has ${size.length}).`);
      return;
    }
    sending = true;
    try {
      let sent;
      if (text.startsWith('/')) {
        if (typed.command === undefined) {
          showError(`There is no command /${typed.name}. Type / to see the commands.`);
          return;
        }
        /** @type {Record<string, string | boolean>} */
        const values = {};
        for (const [name, read] of fieldValues) {
          const value = read();
          if (value !== '') values[name] = value;
        }
        Object.assign(values, parseCommandText(typed.command, typed.rest ?? ''));
        sent = await host.sendCommand(typed.command.name, values);
      } else {
        // Discord's client turns a picked @mention into <@id>; so does this box, for the bot.
        const content = text.replace(
          new RegExp(`(^|\\s)@${host.botName().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`, 'gi'),
          `$1<@${host.botId()}>`,
        );
        sent = await host.sendMessage(content);
      }
      if (sent) {
        box.value = '';
        showFields(undefined);
        update();
      }
    } finally {
      sending = false;
    }
  };

  box.addEventListener('input', update);
  box.addEventListener('keydown', (event) => {
    if (!suggestions.hidden && shown.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        highlighted = (highlighted + (event.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
        renderSuggestions();
        return;
      }
      if (event.key === 'Tab' || (event.key === 'Enter' && !event.shiftKey && box.value.startsWith('/') && typedCommand().rest === null)) {
        event.preventDefault();
        shown[highlighted]?.pick();
        return;
      }
      if (event.key === 'Escape') {
        hideSuggestions();
        return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void send();
    }
  });
  box.addEventListener('blur', hideSuggestions);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });

  return {
    /** Re-reads the commands (after switching between the channel and the DM). */
    refresh() {
      fieldsFor = null;
      update();
    },
    /** Puts `text` in the box, ready to send with Enter (an example question picked from the welcome). */
    fill(/** @type {string} */ text) {
      box.value = text;
      update();
      hideSuggestions();
      box.focus();
      box.setSelectionRange(text.length, text.length);
    },
    showError,
  };
}
