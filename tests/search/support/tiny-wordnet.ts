import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A synset of the tiny WordNet: its words, and pointers to other synsets by key. */
export interface TinySynset {
  readonly part: 'n' | 'v' | 'a' | 'r';
  readonly words: readonly string[];
  /** [symbol, target synset key, source word (1-based, 0 = whole synset), target word (1-based, 0 = whole synset)] */
  readonly pointers?: ReadonlyArray<readonly [string, string, number, number]>;
}

const FILE_OF = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' } as const;

/**
 * Writes a WordNet database in WordNet's own file format (index.* sorted with a licence header,
 * data.* with synsets at the byte offsets the index gives), from a handful of synsets: enough to
 * test look-ups, detachment rules and relations without the 27 MB of the real one.
 */
export function writeTinyWordNet(synsets: Readonly<Record<string, TinySynset>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tiny-wordnet-'));
  mkdirSync(dir, { recursive: true });
  const header = '  1 This is a tiny WordNet for tests, in the format of WordNet 3.1.\n  2 \n';
  const offsets = new Map<string, number>();
  const lines = new Map<string, string[]>();
  for (const part of ['n', 'v', 'a', 'r'] as const) {
    // Offsets first: each synset line is padded to a fixed width so that offsets are known before writing.
    let offset = header.length;
    for (const [key, synset] of Object.entries(synsets)) {
      if (synset.part !== part) continue;
      offsets.set(key, offset);
      offset += 300;
    }
  }
  for (const [key, synset] of Object.entries(synsets)) {
    const offset = String(offsets.get(key) ?? 0).padStart(8, '0');
    const words = synset.words.map((word) => `${word.replace(/ /gu, '_')} 0`).join(' ');
    const pointers = (synset.pointers ?? []).map(([symbol, target, source, targetWord]) => {
      const targetSynset = synsets[target];
      const hex = (value: number) => value.toString(16).padStart(2, '0');
      return `${symbol} ${String(offsets.get(target) ?? 0).padStart(8, '0')} ${targetSynset?.part ?? 'n'} ${hex(source)}${hex(targetWord)}`;
    });
    const line = `${offset} 05 ${synset.part} ${synset.words.length.toString(16).padStart(2, '0')} ${words} ${String(pointers.length).padStart(3, '0')} ${pointers.join(' ')} | a test synset`;
    if (line.length >= 299) throw new Error(`tiny WordNet synset ${key} is too long for its slot`);
    const list = lines.get(synset.part) ?? [];
    list.push(line.padEnd(299, ' '));
    lines.set(synset.part, list);
  }
  for (const part of ['n', 'v', 'a', 'r'] as const) {
    writeFileSync(join(dir, `data.${FILE_OF[part]}`), header + (lines.get(part) ?? []).map((line) => `${line}\n`).join(''));
    const lemmas = new Map<string, string[]>();
    for (const [key, synset] of Object.entries(synsets)) {
      if (synset.part !== part) continue;
      for (const word of synset.words) {
        const lemma = word.toLowerCase().replace(/ /gu, '_');
        lemmas.set(lemma, [...(lemmas.get(lemma) ?? []), String(offsets.get(key) ?? 0).padStart(8, '0')]);
      }
    }
    const index = [...lemmas]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([lemma, synsetOffsets]) => `${lemma} ${part} ${synsetOffsets.length} 0 ${synsetOffsets.length} 0 ${synsetOffsets.join(' ')} `);
    writeFileSync(join(dir, `index.${FILE_OF[part]}`), header + index.map((line) => `${line}\n`).join(''));
  }
  return dir;
}
