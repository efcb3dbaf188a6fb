import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PianobotError } from '../../src/errors.ts';

export const DEFAULT_MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;

export interface PlanFile {
  path: string;
  file: string;
  /** place among all the files found, refused ones included: the order of the inputs, then of the folder */
  position: number;
}

/**
 * A file that is not read at all. `fingerprint` stands in for its content hash in the manifest, so that the same
 * refused file counts as unchanged, and a fixed one (a real file, a smaller one) triggers a rebuild.
 */
export interface RefusedFile {
  file: string;
  code: 'PLAN_FILE_REFUSED' | 'PLAN_FILE_TOO_LARGE';
  message: string;
  fingerprint: string;
  position: number;
}

/**
 * The plan files of the inputs (files or folders), checked before a byte is read: only regular files are taken —
 * a symbolic link could make the index quote any file of the machine (/etc/passwd) to the public, and a FIFO or
 * device would block the read forever — and none larger than `maxBytes`, which would hold up the whole ingestion.
 */
export async function listPlanFiles(
  inputs: string[],
  maxBytes = DEFAULT_MAX_PLAN_FILE_BYTES,
): Promise<{ files: PlanFile[]; refused: RefusedFile[] }> {
  const files: PlanFile[] = [];
  const refused: RefusedFile[] = [];
  let position = 0;
  const check = async (path: string) => {
    const file = basename(path);
    position++;
    const info = await lstat(path);
    const kind = info.isSymbolicLink() ? 'a symbolic link' : info.isFile() ? null : 'not a regular file';
    if (kind) {
      refused.push({
        file,
        code: 'PLAN_FILE_REFUSED',
        message: `${file}: refused, ${kind} (copy the plan itself into the folder)`,
        fingerprint: `refused:${kind}`,
        position,
      });
    } else if (info.size > maxBytes) {
      refused.push({
        file,
        code: 'PLAN_FILE_TOO_LARGE',
        message: `${file}: refused, ${mb(info.size)} MB is over the limit of ${mb(maxBytes)} MB per file (MAX_PLAN_FILE_MB)`,
        fingerprint: `too-large:${info.size}:${info.mtimeMs}`,
        position,
      });
    } else files.push({ path, file, position });
  };
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new PianobotError('PLAN_FILE_UNREADABLE', `${input}: no such file or folder`);
    if (!info.isDirectory()) {
      await check(input);
      continue;
    }
    const names = (await readdir(input)).filter((n) => !n.startsWith('.') && !/^readme/i.test(n)).sort();
    for (const name of names) {
      const entry = await lstat(join(input, name));
      // sub-folders are not plans and never were; everything else is reported if it cannot be taken
      if (!entry.isDirectory()) await check(join(input, name));
    }
  }
  return { files, refused };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
