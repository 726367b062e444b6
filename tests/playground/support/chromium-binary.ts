/**
 * Which Chromium the browser tests drive, so that `npm ci && npm test` runs them on a fresh Linux
 * machine too: `CHROMIUM_PATH` when it is set, else Debian's `/usr/bin/chromium`, else the
 * Chromium that the dev dependency `@sparticuz/chromium` carries inside its npm tarball (a
 * Brotli-compressed headless build for x64 Linux, with the NSS libraries it needs; nothing is
 * downloaded and no install script runs).
 *
 * The package's own `executablePath()` inflates into `/tmp/chromium`, one path for every process:
 * two test files starting at once would write the same file while one of them runs it, and a
 * machine without NSS gets no libraries (it adds them only on Amazon Linux). So this file reads
 * the package's `bin/` files itself, into a folder named after the exact version pinned in
 * package.json, made whole in a temporary folder and renamed into place.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

/** Debian's package, which `.ci/run` installs. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumBinary {
  readonly path: string;
  /** Environment for the browser process beyond the test's own. */
  readonly env: Readonly<Record<string, string>>;
  /** Where it came from, for messages. */
  readonly source: string;
}

/** The Chromium to drive: `CHROMIUM_PATH`, Debian's, or the packaged one. Rejects with what to do when there is none. */
export async function chromiumBinary(): Promise<ChromiumBinary> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured !== undefined && configured !== '') {
    if (!existsSync(configured))
      throw new Error(`CHROMIUM_PATH is ${configured}, which does not exist: point it at a Chromium or Chrome binary`);
    return { path: configured, env: {}, source: 'CHROMIUM_PATH' };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, env: {}, source: "Debian's chromium" };
  return packagedChromium();
}

/** The Chromium inside `@sparticuz/chromium`, inflated once per version into the temporary folder. */
export async function packagedChromium(): Promise<ChromiumBinary> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The browser tests need Chromium: @sparticuz/chromium carries one for x64 Linux only (this is ${process.platform} ${process.arch}). ` +
        'Install Chromium or Chrome and set CHROMIUM_PATH to it.',
    );
  }
  const packageDir = dirname(dirname(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium'))));
  const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const target = join(tmpdir(), `article-qa-chromium-${version}`);
  const binary = join(target, 'chromium');
  if (!existsSync(binary)) await inflateInto(join(packageDir, 'bin'), target);
  const libraries = join(target, 'lib');
  return {
    path: binary,
    env: { LD_LIBRARY_PATH: [libraries, process.env.LD_LIBRARY_PATH].filter((part) => part !== undefined && part !== '').join(':') },
    source: `@sparticuz/chromium ${version}`,
  };
}

async function inflateInto(bin: string, target: string): Promise<void> {
  const building = await mkdtemp(`${target}.building-`);
  try {
    await pipeline(createReadStream(join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(join(building, 'chromium')));
    await chmod(join(building, 'chromium'), 0o755);
    await mkdir(join(building, 'lib'));
    await untar(join(bin, 'al2023.tar.br'), building);
    await rename(building, target);
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    // Another test file inflated it at the same time and renamed first: theirs is as good.
    if (existsSync(join(target, 'chromium'))) return;
    throw error;
  }
}

/** Unpacks a Brotli-compressed tar file with the system's `tar` (which stops reading at the archive's end, hence a file). */
async function untar(file: string, into: string): Promise<void> {
  const archive = join(into, 'unpacking.tar');
  await pipeline(createReadStream(file), createBrotliDecompress(), createWriteStream(archive));
  const tar = spawn('tar', ['-x', '-f', archive, '-C', into], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  tar.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    tar.on('error', reject);
    tar.on('close', resolve);
  });
  await rm(archive, { force: true });
  if (code !== 0) throw new Error(`tar could not unpack ${file} (exit ${code}): ${stderr.trim()}`);
}
