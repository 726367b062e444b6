/** The alias file a corpus may carry beside its articles; the engine adds it to its own list. */
export const CORPUS_ALIAS_FILE = '_aliases.txt';

/**
 * Alias groups: names that mean the same thing ("Pentagon", "Defense Department").
 * Every occurrence of a name adds one group term, shared by all names of the group, on top
 * of the words themselves; so a question naming the Pentagon finds "the U.S. Defense
 * Department", and a question about the defense department still matches word for word.
 */
export interface AliasGroup {
  /** The first name of the group, as written in the alias file. */
  readonly canonical: string;
  readonly names: readonly string[];
}

/** A problem in an alias file, with the line it is on. */
export interface AliasFileProblem {
  readonly line: number;
  readonly message: string;
}

/**
 * Parses the alias file format: one group per line, names separated by commas, `#` starts a
 * comment. A line with fewer than two names is reported, not guessed at.
 */
export function parseAliasFile(text: string): { groups: AliasGroup[]; problems: AliasFileProblem[] } {
  const groups: AliasGroup[] = [];
  const problems: AliasFileProblem[] = [];
  text.split(/\r?\n/u).forEach((rawLine, index) => {
    const line = rawLine.replace(/#.*$/u, '').trim();
    if (line === '') return;
    const names = line
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    const [canonical] = names;
    if (canonical === undefined || names.length < 2) {
      problems.push({ line: index + 1, message: `an alias group needs at least two names separated by commas (got "${line}")` });
      return;
    }
    groups.push({ canonical, names });
  });
  return { groups, problems };
}
