import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { PianobotError } from '../../src/errors.ts';
import { decodeUtf8 } from './decode-text.ts';
import { readPdf } from './pdf-loader.ts';
import type { SourceDocument } from './source-document.ts';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.pdf'] as const;

/** Loads one plan file; throws a PianobotError whose message names the file and the reason. */
export async function loadDocument(path: string): Promise<SourceDocument> {
  const file = basename(path);
  const ext = extname(path).toLowerCase();
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new PianobotError(
      'PLAN_FILE_UNSUPPORTED',
      `${file}: unsupported file type "${ext || 'none'}" (expected .txt, .md or .pdf)`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new PianobotError('PLAN_FILE_UNREADABLE', `${file}: cannot be read (${(cause as Error).message})`, { cause });
  }
  if (bytes.length === 0) throw new PianobotError('PLAN_FILE_EMPTY', `${file}: the file is empty`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  if (ext === '.pdf') {
    const { lines, pageOfLine } = await readPdf(file, bytes);
    return finish({ file, path, format: 'pdf', text: lines.join('\n'), lines, pageOfLine, sha256 });
  }
  if (looksBinary(bytes)) throw new PianobotError('PLAN_FILE_CORRUPT', `${file}: looks like a binary file, not text`);
  const text = decodeUtf8(file, bytes)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  return finish({ file, path, format: ext === '.md' ? 'md' : 'txt', text, lines, pageOfLine: null, sha256 });
}

function finish(doc: SourceDocument): SourceDocument {
  if (doc.text.trim().length === 0)
    throw new PianobotError('PLAN_FILE_EMPTY', `${doc.file}: no text could be read from it`);
  return doc;
}

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / sample.length > 0.05;
}
