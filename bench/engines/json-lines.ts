import { readFile, writeFile } from 'node:fs/promises';

/** Writes two JSON documents as one snapshot file, one per line (JSON.stringify never writes a raw newline); returns its size in bytes. */
export async function writeJsonLines(file: string, first: string, second: string): Promise<number> {
  const text = `${first}\n${second}`;
  await writeFile(file, text);
  return Buffer.byteLength(text);
}

export async function readJsonLines(file: string): Promise<[string, string]> {
  const text = await readFile(file, 'utf8');
  const newline = text.indexOf('\n');
  if (newline === -1) throw new Error(`${file} is not two JSON lines`);
  return [text.slice(0, newline), text.slice(newline + 1)];
}

/** The sentence texts stored beside an index, checked since they come from a file. */
export function parseTexts(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((item): item is string => typeof item === 'string'))
    throw new Error('snapshot texts are not an array of strings');
  return parsed;
}
