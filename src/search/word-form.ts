import { fold } from './fold.js';

/**
 * British spellings and their American forms, for the words news writes both ways. Articles and
 * questions both pass through it, so "defence" meets "defense" and "organised" meets
 * "organized". Stems are listed, and their endings kept: "colour" covers "colours", "coloured".
 * Our own list, checked against the dictionary spellings of both forms.
 */
const BRITISH_STEMS: ReadonlyArray<readonly [string, string]> = [
  ...'colour favour honour labour neighbour behaviour humour harbour rumour vapour flavour armour savour endeavour odour valour vigour fervour rigour splendour parlour saviour clamour'
    .split(' ')
    .map((word): [string, string] => [word, word.replace(/our$/u, 'or')]),
  ...'centre theatre metre litre fibre kilometre centimetre millimetre spectre calibre sombre meagre lustre'
    .split(' ')
    .map((word): [string, string] => [word, word.replace(/re$/u, 'er')]),
  ['defence', 'defense'],
  ['offence', 'offense'],
  ['licence', 'license'],
  ['pretence', 'pretense'],
  ['catalogue', 'catalog'],
  ['dialogue', 'dialog'],
  ['analogue', 'analog'],
  ['programme', 'program'],
  ['paediatric', 'pediatric'],
  ['anaemia', 'anemia'],
  ['haemorrhage', 'hemorrhage'],
  ['oestrogen', 'estrogen'],
  ['manoeuvre', 'maneuver'],
  ['aluminium', 'aluminum'],
  ['sceptic', 'skeptic'],
  ['mould', 'mold'],
  ['plough', 'plow'],
  ['aeroplane', 'airplane'],
  ['grey', 'gray'],
  ['tyre', 'tire'],
  ['kerb', 'curb'],
  ['jewellery', 'jewelry'],
  ['whilst', 'while'],
  ['amongst', 'among'],
  ['learnt', 'learned'],
  ['burnt', 'burned'],
  ['spelt', 'spelled'],
  ['travell', 'travel'],
  ['cancell', 'cancel'],
  ['labell', 'label'],
  ['modell', 'model'],
  ['fuell', 'fuel'],
  ['signall', 'signal'],
  ['levell', 'level'],
  ['counsell', 'counsel'],
  ['channell', 'channel'],
  ['marvell', 'marvel'],
];
const BRITISH_ENDINGS = /^(?:s|d|ed|ing|er|ers|ist|ists|ite|able|ably|hood|ful|less)?$/u;
const BY_FIRST_LETTERS = new Map<string, Array<readonly [string, string]>>();
for (const entry of BRITISH_STEMS) {
  const key = entry[0].slice(0, 3);
  BY_FIRST_LETTERS.set(key, [...(BY_FIRST_LETTERS.get(key) ?? []), entry]);
}
// -ise / -isation verbs and nouns ("organise", "realised", "privatisation"): the same words as -ize.
// Both sides of a match pass through this, so a word that only looks like one ("promise") is
// changed alike everywhere and still meets itself.
const ISE = /(?<=\p{L}{3})([iy])s(e|es|ed|ing|ation|ations|er|ers)$/u;
const ISE_EXCEPTIONS = new Set(
  `advertise advertised advertises advertising advise advised advises advising adviser advisers
  chastise compromise compromised comprise comprised comprises concise demise despise devise
  devised disguise disguised enterprise enterprises excise exercise exercised exercises expertise
  franchise improvise improvised incise merchandise paradise precise premise premises promise
  promised promises reprise revise revised revises supervise supervised supervises supervising
  supervisor surmise surprise surprised surprises surprising televise televised treatise otherwise
  likewise clockwise praise praised praises cruise cruises cruised bruise bruised`.split(/\s+/u),
);

/** A word's American spelling, when it is a British one we know; else the word. */
export function americanSpelling(word: string): string {
  for (const [british, american] of BY_FIRST_LETTERS.get(word.slice(0, 3)) ?? []) {
    if (word.startsWith(british) && BRITISH_ENDINGS.test(word.slice(british.length))) return american + word.slice(british.length);
  }
  if (!ISE_EXCEPTIONS.has(word) && ISE.test(word)) return word.replace(ISE, '$1z$2');
  return word;
}

/**
 * The one normal form of a word as it stands in text, used everywhere words are compared:
 * folded for case and accents, possessive "'s" and apostrophes dropped ("didn't" -> "didnt"),
 * dots of abbreviations dropped ("U.S." -> "us"), thousands separators dropped ("1,200" ->
 * "1200"), and British spellings made American.
 */
export function wordOf(surface: string): string {
  const word = fold(surface)
    .replace(/['’\u02BC]s$/u, '')
    .replace(/['’\u02BC]|(?<!\p{N})\.|\.(?!\p{N})/gu, '')
    .replace(/(?<=\p{N}),(?=\p{N})/gu, '');
  if (word === '%') return 'percent';
  const number = NUMBER_WORDS.get(word) ?? /^(\p{N}+)(?:ish|st|nd|rd|th)$/u.exec(word)?.[1];
  if (number !== undefined) return number;
  return americanSpelling(word);
}

// Numbers written as words and as digits are one word: "two" meets "2". Ordinals written with
// digits are their number ("July 3rd" meets "July 3"); a question's "2nd" also looks for
// "second" (`ordinalWord`).
const NUMBER_WORDS = new Map<string, string>(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((word, at): [string, string] => [word, String(at + 1)]),
);
const ORDINAL_WORDS = 'first second third fourth fifth sixth seventh eighth ninth tenth'.split(' ');

/** "second" for "2nd" (up to "tenth"), or null for anything that is not an ordinal written with digits. */
export function ordinalWord(surface: string): string | null {
  const number = /^(\d+)(?:st|nd|rd|th)$/u.exec(surface.toLowerCase())?.[1];
  return number === undefined ? null : (ORDINAL_WORDS[Number(number) - 1] ?? null);
}
