const ELLIPSIS = '…';

/**
 * Shortens text to at most `max` UTF-16 units (Discord counts no more than that), cutting at a
 * word boundary and adding `…`. The cut never leaves markdown open (`**`, `__`, `~~`, `||`,
 * `` ` ``, `[text](url)`) and never splits a `\` escape, so whatever was bold stays bold and
 * nothing after the cut changes meaning. Only a single word longer than `max` is cut inside.
 */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;

  let cut = cutAtWhitespace(text, max - ELLIPSIS.length);
  for (;;) {
    const open = firstUnclosedMarkup(cut);
    if (open === -1) break;
    cut = cutAtWhitespace(cut, open);
  }
  return `${cut}${ELLIPSIS}`;
}

/** The longest prefix of at most `budget` units that ends before a whitespace, trimmed. */
function cutAtWhitespace(text: string, budget: number): string {
  if (text.length <= budget) return text.trimEnd();
  // `budget` may fall right before a space: that space is a fine place to cut.
  for (let index = budget; index > 0; index -= 1) {
    if (/\s/.test(text.charAt(index))) return text.slice(0, index).trimEnd();
  }
  return hardCut(text, budget);
}

/** For one overlong word: cut anywhere, but not inside a surrogate pair or after a lone `\`. */
function hardCut(text: string, budget: number): string {
  let end = budget;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  let cut = text.slice(0, end);
  const trailingBackslashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (trailingBackslashes % 2 === 1) cut = cut.slice(0, -1);
  // What remains may still hold an opening marker; the caller's loop trims back past it.
  return cut;
}

const PAIRED_MARKERS = ['**', '__', '~~', '||'] as const;

/**
 * The index where the earliest still-open markdown construct starts, or -1 when all are closed.
 * Escaped characters (`\*`) are skipped, as Discord does.
 */
export function firstUnclosedMarkup(text: string): number {
  const openAt = new Map<string, number>();
  let linkOpenAt = -1;
  let linkInUrl = false;
  let codeOpenAt = -1;

  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    if (char === '\\') {
      index += 1;
      continue;
    }
    if (char === '`') {
      codeOpenAt = codeOpenAt === -1 ? index : -1;
      continue;
    }
    if (codeOpenAt !== -1) continue;

    const marker = PAIRED_MARKERS.find((candidate) => text.startsWith(candidate, index));
    if (marker !== undefined) {
      if (openAt.has(marker)) openAt.delete(marker);
      else openAt.set(marker, index);
      index += marker.length - 1;
      continue;
    }
    if (char === '[' && linkOpenAt === -1) {
      linkOpenAt = index;
    } else if (char === ']' && linkOpenAt !== -1 && !linkInUrl) {
      if (text.charAt(index + 1) === '(') {
        linkInUrl = true;
        index += 1;
      } else {
        linkOpenAt = -1;
      }
    } else if (char === ')' && linkInUrl) {
      linkOpenAt = -1;
      linkInUrl = false;
    }
  }

  const starts = [...openAt.values(), linkOpenAt, codeOpenAt].filter((start) => start !== -1);
  return starts.length === 0 ? -1 : Math.min(...starts);
}
