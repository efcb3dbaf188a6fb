import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticAsset {
  body: Buffer;
  type: string;
}

/**
 * The pages, styles and scripts, read once at start-up and served by exact name: a request can only ever get one of
 * these files, so no path from a URL reaches the file system. Type declarations (.d.ts) are for tests, not served.
 */
export function loadStaticAssets(dir: string = PUBLIC_DIR): Map<string, StaticAsset> {
  const assets = new Map<string, StaticAsset>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (!type || name.endsWith('.d.ts')) continue;
    assets.set(name, { body: readFileSync(join(dir, name)), type });
  }
  return assets;
}

/** Scripts and styles only from this server, no inline code, no framing: the pages show text from documents. */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};
