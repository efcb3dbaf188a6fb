import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['ingest', 'src/plan', 'src/retrieval'];

/**
 * Hash of the code that shapes the index (extractors, model, chunking, embedder). An index built by other code is
 * stale even when the plan files did not change, so upgrading pianobot rebuilds it once.
 */
export function codeVersion(): string {
  const hash = createHash('sha256');
  for (const dir of SOURCES)
    for (const file of listFiles(join(ROOT, dir))) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path);
    return /\.(ts|json)$/.test(name) ? [path] : [];
  });
}
