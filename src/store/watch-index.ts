import { type Stats, unwatchFile, watchFile } from 'node:fs';
import { indexPaths } from './index-layout.ts';

/**
 * Calls `onChange` when the index's manifest changes on disk — `npm run ingest` writes it last and swaps the whole
 * folder in, so a new manifest means a finished index. Polls the path (`fs.watchFile`), which survives the folder
 * being renamed away and back, unlike an inode watch. `intervalMs` 0 turns it off. Returns a function that stops it.
 */
export function watchIndex(indexDir: string, intervalMs: number, onChange: () => void): () => void {
  if (intervalMs <= 0) return () => {};
  const manifest = indexPaths(indexDir).manifest;
  const listener = (current: Stats, previous: Stats) => {
    if (current.mtimeMs !== previous.mtimeMs || current.ino !== previous.ino) onChange();
  };
  watchFile(manifest, { interval: intervalMs, persistent: false }, listener);
  return () => unwatchFile(manifest, listener);
}
