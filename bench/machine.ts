import { readFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load average when the run started: other work on a shared machine skews timings. */
  readonly loadAverage: number;
  readonly date: string;
}

export function describeMachine(): Machine {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown CPU',
    cores: cores.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    date: new Date().toISOString(),
  };
}

export function machineLine(machine: Machine): string {
  return `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}, load average ${machine.loadAverage} at start, ${machine.date}`;
}

/** Installed versions of the engines' packages, read from node_modules. */
export async function packageVersions(root: string, names: readonly string[]): Promise<Record<string, string>> {
  const versions: Record<string, string> = {};
  for (const name of names) {
    try {
      const manifest: unknown = JSON.parse(await readFile(`${root}/node_modules/${name}/package.json`, 'utf8'));
      versions[name] =
        typeof manifest === 'object' && manifest !== null && 'version' in manifest && typeof manifest.version === 'string'
          ? manifest.version
          : 'unknown';
    } catch {
      versions[name] = 'not installed';
    }
  }
  return versions;
}
