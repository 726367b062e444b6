import { readFileSync } from 'node:fs';
import { parseAliasFile, type AliasGroup } from '../corpus/alias-file.js';

/** The alias groups we ship (`data/aliases.txt`): common name variants in world news. */
export function builtInAliasGroups(): readonly AliasGroup[] {
  const text = readFileSync(new URL('./data/aliases.txt', import.meta.url), 'utf8');
  const { groups, problems } = parseAliasFile(text);
  const [problem] = problems;
  if (problem !== undefined) throw new Error(`src/search/data/aliases.txt line ${problem.line}: ${problem.message}`);
  return groups;
}
