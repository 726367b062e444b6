/**
 * The custom ids of our buttons. Each carries what its handler needs beyond the message it sits
 * on (pages are 1-based), and stays far below Discord's 100-character limit.
 */
export type ButtonAction =
  | { readonly kind: 'more'; readonly page: number }
  | { readonly kind: 'context'; readonly page: number }
  | { readonly kind: 'feedback'; readonly vote: 'up' | 'down'; readonly page: number }
  | { readonly kind: 'sources'; readonly page: number };

export function buttonCustomId(action: ButtonAction): string {
  switch (action.kind) {
    case 'more':
      return `more:${action.page}`;
    case 'context':
      return `context:${action.page}`;
    case 'feedback':
      return `fb:${action.vote}:${action.page}`;
    case 'sources':
      return `sources:${action.page}`;
  }
}

/** The action behind a custom id, or null for one we did not make (or made by an older version). */
export function parseButtonCustomId(customId: string): ButtonAction | null {
  const parts = customId.split(':');
  const [kind] = parts;
  const page = parsePage(parts.at(-1));
  if (page === null) return null;
  if (kind === 'more' && parts.length === 2) return { kind: 'more', page };
  if (kind === 'context' && parts.length === 2) return { kind: 'context', page };
  if (kind === 'sources' && parts.length === 2) return { kind: 'sources', page };
  if (kind === 'fb' && parts.length === 3 && (parts[1] === 'up' || parts[1] === 'down')) {
    return { kind: 'feedback', vote: parts[1], page };
  }
  return null;
}

function parsePage(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,6}$/.test(text)) return null;
  const page = Number(text);
  return page >= 1 ? page : null;
}
