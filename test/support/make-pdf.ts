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

/**
 * Renders plan text as an office suite exports a table: each tab-separated cell (or cell apart by three spaces or
 * more) in its own column of the page width, wrapped inside it, the cells written one after the other. PDF text
 * then gives a cell's wrapped lines before the next cell's, and the short cells of one height on one line.
 */
export function makeCellPdf(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 40, compress: false });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.font('Helvetica').fontSize(9);
    const left = 40;
    const width = pdf.page.width - 80;
    for (const line of text.split('\n')) {
      const plain = line.replace(/<[^>]+>/g, ' ');
      const cells = plain.replace(/ {3,}/g, '\t').split('\t');
      if (cells.length === 1) {
        pdf.text(toWinAnsi(plain.trim()) || ' ', left, undefined, { width });
        continue;
      }
      if (pdf.y > pdf.page.height - 120) pdf.addPage();
      const top = pdf.y;
      const column = width / cells.length;
      let bottom = top;
      cells.forEach((c, k) => {
        pdf.text(toWinAnsi(c.trim()), left + k * column, top, { width: column - 12 });
        bottom = Math.max(bottom, pdf.y);
      });
      pdf.x = left;
      pdf.y = bottom;
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
