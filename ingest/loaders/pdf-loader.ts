import { PianobotError } from '../../src/errors.ts';

/** Extracts the text of a PDF page by page, so that every line keeps its page number for citations. */
export async function readPdf(file: string, bytes: Buffer): Promise<{ lines: string[]; pageOfLine: number[] }> {
  if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) {
    throw new PianobotError('PLAN_FILE_CORRUPT', `${file}: not a PDF (no %PDF header)`);
  }
  // pdf.js's worker swaps Array.prototype.push for a core-js polyfill (2.2× slower in a microbenchmark) when it first
  // parses; every later step of the process would pay for it, so the engine's own is put back afterwards
  const push = Array.prototype.push;
  // pdf.js is loaded on the first PDF only: text plans never pay for it
  const { PasswordException, PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const result = await parser.getText();
    const lines: string[] = [];
    const pageOfLine: number[] = [];
    for (const page of result.pages) {
      for (const line of page.text.split('\n')) {
        lines.push(line);
        pageOfLine.push(page.num);
      }
    }
    if (lines.join('').trim().length === 0) {
      throw new PianobotError('PLAN_FILE_EMPTY', `${file}: the PDF has no extractable text (scanned images?)`);
    }
    return { lines, pageOfLine };
  } catch (cause) {
    if (cause instanceof PianobotError) throw cause;
    if (cause instanceof PasswordException || /password/i.test(String((cause as Error)?.message))) {
      throw new PianobotError('PLAN_FILE_ENCRYPTED', `${file}: the PDF is password-protected`, { cause });
    }
    throw new PianobotError(
      'PLAN_FILE_CORRUPT',
      `${file}: the PDF cannot be parsed (${(cause as Error)?.message ?? cause})`,
      { cause },
    );
  } finally {
    await parser.destroy();
    Array.prototype.push = push;
  }
}
