import PDFDocument from 'pdfkit';

/**
 * Renders plan text as a real office PDF would be: A4 pages, long lines wrapped at the page width, tab stops lost
 * (cells separated by single spaces). Returns the PDF bytes.
 */
export function makePdf(text: string, options: { password?: string } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margin: 40,
      compress: false,
      ...(options.password ? { userPassword: options.password, ownerPassword: options.password } : {}),
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.font('Helvetica').fontSize(9);
    const width = pdf.page.width - 80;
    for (const line of text.split('\n')) {
      const flat = line
        .replace(/<[^>]+>/g, ' ')
        .replace(/\t+/g, ' ')
        .replace(/ {2,}/g, ' ');
      pdf.text(flat.length ? toWinAnsi(flat) : ' ', { width });
    }
    pdf.end();
  });
}

/** The standard PDF fonts only carry WinAnsi; characters outside it would be dropped or garbled by the viewer. */
export function toWinAnsi(s: string): string {
  return s
    .replace(/[\u2070-\u209f\u00b9\u00b2\u00b3]/g, '')
    .replace(/[^\u0000-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u20ac\u2026]/g, '?');
}
