import type { Engine } from '../search/types.js';
import { articleIdOfKey, articleKey } from './article-key.js';
import type { ShownPassage } from './bot-context.js';
import type { PassageKey } from './custom-ids.js';

/**
 * The passages a vote is about, exactly those shown with the buttons that were clicked (never
 * a search run again, which after a `/reload` could find other passages). Each comes from
 * memory while the answer is remembered; otherwise its article, paragraph and sentence come
 * from the button and its text from the message, as displayed. Null when the button names an
 * article that is neither remembered nor in the corpus any more.
 */
export function votedPassages(
  keys: readonly PassageKey[],
  remembered: readonly ShownPassage[],
  engine: Engine,
  displayed: readonly string[],
): ShownPassage[] | null {
  const passages: ShownPassage[] = [];
  for (const [index, key] of keys.entries()) {
    const known = remembered.find(
      (shown) => shown.paragraph === key.paragraph && shown.sentence === key.sentence && articleKey(shown.article) === key.article,
    );
    if (known !== undefined) {
      passages.push(known);
      continue;
    }
    const article = articleIdOfKey(engine, key.article);
    if (article === undefined) return null;
    passages.push({ article, paragraph: key.paragraph, sentence: key.sentence, passage: displayed[index] ?? '' });
  }
  return passages;
}
