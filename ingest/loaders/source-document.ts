import { z } from 'zod';
import type { SourceSpan } from '../../src/plan/model.ts';

/** A plan file loaded as text, with what is needed to cite it: lines (1-based in spans) and, for PDFs, their pages. */
export interface SourceDocument {
  file: string;
  path: string;
  format: 'txt' | 'md' | 'pdf';
  text: string;
  lines: string[];
  /** pageOfLine[i] is the 1-based page of lines[i]; null when the format has no pages. */
  pageOfLine: number[] | null;
  sha256: string;
}

/** The same, as read back from the index's cache of parsed PDFs. */
export const SourceDocumentSchema = z.object({
  file: z.string(),
  path: z.string(),
  format: z.enum(['txt', 'md', 'pdf']),
  text: z.string(),
  lines: z.array(z.string()),
  pageOfLine: z.array(z.number().int()).nullable(),
  sha256: z.string(),
}) satisfies z.ZodType<SourceDocument>;

/** Source span for 0-based line indexes `from..to` (inclusive) of a loaded document. */
export function spanOf(doc: SourceDocument, from: number, to: number = from): SourceSpan {
  const start = Math.max(0, Math.min(from, to));
  const end = Math.max(from, to);
  const span: SourceSpan = { doc: doc.file, lineStart: start + 1, lineEnd: end + 1 };
  const page = doc.pageOfLine?.[start];
  if (page !== undefined) span.page = page;
  return span;
}
