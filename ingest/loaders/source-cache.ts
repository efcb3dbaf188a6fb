import { copyFileSync, existsSync, linkSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type SourceDocument, SourceDocumentSchema } from './source-document.ts';

/**
 * The index keeps every document's text in `sources/<sha256>.json.gz`: an unchanged PDF is read back from it
 * instead of being parsed again, and a plan that turns unreadable falls back on its last good text. Stored
 * without `text` (it is the lines joined) and gzipped: the plain copies were 40 % of a thousand-plan index.
 */
const fileOf = (dir: string, sha256: string) => join(dir, `${sha256}.json.gz`);
/** what indexes written before the cache was compressed hold */
const legacyFileOf = (dir: string, sha256: string) => join(dir, `${sha256}.json`);

export async function writeCachedSource(dir: string, doc: SourceDocument): Promise<void> {
  const { text: _text, ...rest } = doc;
  await writeFile(fileOf(dir, doc.sha256), gzipSync(JSON.stringify(rest), { level: 6 }));
}

/**
 * Hard-links (or copies) a cached text of the previous index into the new one; false when it has none. Synchronous:
 * an incremental ingest carries a thousand of them, and a round trip through the thread pool each cost more than
 * the link itself.
 */
export function carryCachedSource(fromDir: string, toDir: string, sha256: string): boolean {
  const from = fileOf(fromDir, sha256);
  if (!existsSync(from)) return false;
  try {
    linkSync(from, fileOf(toDir, sha256));
  } catch {
    copyFileSync(from, fileOf(toDir, sha256));
  }
  return true;
}

/** The cached text of a document, or null when there is none or it is unreadable. */
export async function readCachedSource(dir: string, sha256: string): Promise<SourceDocument | null> {
  try {
    const gz = fileOf(dir, sha256);
    const raw = existsSync(gz)
      ? JSON.parse(gunzipSync(await readFile(gz)).toString('utf8'))
      : JSON.parse(await readFile(legacyFileOf(dir, sha256), 'utf8'));
    if (raw && typeof raw === 'object' && Array.isArray(raw.lines) && typeof raw.text !== 'string')
      raw.text = raw.lines.join('\n');
    const parsed = SourceDocumentSchema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
