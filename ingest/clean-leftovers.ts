import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Removes the `<index>.tmp-<pid>-<time>` and `<index>.old-<pid>-<time>` folders an interrupted ingestion left beside
 * the index. A folder whose process is still running belongs to an ingestion in progress and is left alone.
 * Returns the names removed.
 */
export async function cleanLeftovers(indexDir: string): Promise<string[]> {
  const target = resolve(indexDir);
  const parent = dirname(target);
  const prefix = `${basename(target)}.`;
  const names = await readdir(parent).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = name.startsWith(prefix) ? /^(tmp|old)-(\d+)-\d+$/.exec(name.slice(prefix.length)) : null;
    if (!match || isRunning(Number(match[2]))) continue;
    await rm(join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
