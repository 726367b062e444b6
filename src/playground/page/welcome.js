// @ts-check
/**
 * What the page shows at the beginning of the channel and of the DM, as Discord shows a channel's
 * start: which articles the bot answers from, the corpus files that failed and what to do, what
 * the bot compares, and example questions that fill the message box. Text nodes only.
 */

/** @typedef {import('./page-shapes').PageWelcome} PageWelcome */

/**
 * @typedef {object} WelcomeView
 * @property {string} heading "Welcome to #general!", or the bot's name in the DM.
 * @property {string} botName
 * @property {(question: string) => void} onExample A person picked an example question.
 */

const DATE = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

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

/** @param {number} count @param {string} noun */
function plural(count, noun) {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/** "Jul 3, 2025" for an ISO date; anything else as written. @param {string} date */
function shownDate(date) {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : null;
  return parsed === null || Number.isNaN(parsed.getTime()) ? date : DATE.format(parsed);
}

/**
 * @param {PageWelcome | null} welcome Null while the bot is still starting.
 * @param {WelcomeView} view
 * @returns {HTMLLIElement}
 */
export function renderWelcome(welcome, view) {
  const item = /** @type {HTMLLIElement} */ (element('li', 'welcome'));
  item.append(element('h3', 'welcome-heading', view.heading));
  if (welcome === null) {
    item.append(element('p', 'welcome-summary', `${view.botName} is loading the articles…`));
    return item;
  }
  item.append(
    element(
      'p',
      'welcome-summary',
      `${view.botName} answers from ${plural(welcome.articleCount, 'article')} (${plural(welcome.sentenceCount, 'sentence')}), ` +
        'quoting the passages that answer a question. This is the playground: the real bot, on this machine.',
    ),
  );

  const articles = element('ul', 'welcome-articles');
  for (const article of welcome.articles) {
    const parts = [article.title, article.date === null ? null : shownDate(article.date), plural(article.sentences, 'sentence')];
    articles.append(element('li', undefined, parts.filter((part) => part !== null).join(' · ')));
  }
  item.append(articles);
  const unlisted = welcome.articleCount - welcome.articles.length;
  if (unlisted > 0) item.append(element('p', 'welcome-note', `and ${plural(unlisted, 'more article')}: /sources lists them all.`));

  if (welcome.problemCount > 0) {
    const errors = welcome.problems.filter((problem) => problem.severity === 'error').length;
    item.append(
      element(
        'p',
        'welcome-problems-heading',
        errors > 0
          ? `⚠ ${plural(welcome.problemCount, 'problem')} in the corpus: these files were not loaded, or only in part.`
          : `⚠ ${plural(welcome.problemCount, 'warning')} in the corpus: these files loaded with something ignored.`,
      ),
    );
    const problems = element('ul', 'welcome-problems');
    for (const problem of welcome.problems) problems.append(element('li', undefined, `${problem.where} — ${problem.message}`));
    item.append(problems);
    const unlistedProblems = welcome.problemCount - welcome.problems.length;
    if (unlistedProblems > 0)
      item.append(element('p', 'welcome-note', `and ${plural(unlistedProblems, 'more')}: the terminal lists them all.`));
    item.append(
      element(
        'p',
        'welcome-fix',
        'To fix one: correct the file (or move it out of the corpus folder), then turn on the Manage Server switch beside the channels and send /reload.',
      ),
    );
  }

  item.append(element('p', 'welcome-how', welcome.howItMatches));
  if (welcome.examples.length > 0) {
    const examples = element('div', 'welcome-examples');
    examples.append(element('span', 'welcome-examples-label', 'Try asking:'));
    for (const question of welcome.examples) {
      const button = /** @type {HTMLButtonElement} */ (element('button', 'example-question', question));
      button.type = 'button';
      button.title = `Put "/ask ${question}" in the message box`;
      button.addEventListener('click', () => view.onExample(question));
      examples.append(button);
    }
    item.append(examples);
  }
  return item;
}
