/**
 * Turns the loaded text of a Reggio Emilia PEG into segments: one per line piece, with tabs folded to spaces and
 * `**` bold markers used as piece boundaries (the template glues labels to values with them:
 * `Obiettivo di miglioramento**2021_OB_8903_1**`, `Z_23101**Intervento …****Indirizzo Strategico di riferimento**`).
 * Tab-separated cells are kept beside the text when the source has them (the .txt); the PDF rendering has none.
 */
import { squash } from '../../../src/plan/text.ts';
import type { SourceDocument } from '../../loaders/source-document.ts';

export interface Segment {
  /** the piece's text with tabs and runs of spaces collapsed */
  text: string;
  /** tab-separated cells (squashed) when the source line had tabs, else null */
  cells: string[] | null;
  /** 0-based index of the source line */
  line: number;
  /** first piece of its source line: only such pieces can open a record */
  first: boolean;
  /** last piece of its source line */
  last: boolean;
}

/**
 * Labels of the template that a PDF may wrap across two lines; a piece ending with the head of one of them followed
 * by a piece starting with its tail is healed back into one label segment.
 */
const WRAPPABLE_LABELS = [
  'Indirizzo Strategico di riferimento',
  'Codice indicatore Indicatore Valore previsto',
  'Nome Soggetto Relazione Personale Impegno Personale',
  'Ordine Fase Cod. Obiettivo Descrizione Fase',
  'Obiettivo gestionale ordinario',
  'Obiettivo di miglioramento',
  'Budget previsto',
];

/** Every way a label can be cut in two by a line wrap, indexed by the first word of the part on the next line. */
const CUTS = new Map<string, { label: string; head: string; tail: string }[]>();
for (const label of WRAPPABLE_LABELS) {
  const words = label.split(' ');
  for (let j = 1; j < words.length; j++) {
    const cut = { label, head: words.slice(0, j).join(' '), tail: words.slice(j).join(' ') };
    CUTS.set(words[j]!, [...(CUTS.get(words[j]!) ?? []), cut]);
  }
}

export function toSegments(doc: SourceDocument): Segment[] {
  const out: Segment[] = [];
  doc.lines.forEach((raw, line) => {
    if (!raw.trim()) return;
    const pieces: { text: string; cells: string[] | null }[] = [];
    for (const piece of raw.includes('**') ? raw.split(/\*{2,}/) : [raw]) {
      const hasTab = piece.includes('\t');
      const text = squash(hasTab ? piece.replace(/\t/g, ' ') : piece);
      if (text) pieces.push({ text, cells: hasTab ? piece.split('\t').map((c) => squash(c)) : null });
    }
    pieces.forEach((p, i) => {
      out.push({ text: p.text, cells: p.cells, line, first: i === 0, last: i === pieces.length - 1 });
    });
  });
  return healWrappedLabels(out);
}

function healWrappedLabels(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (let k = 0; k < segs.length; k++) {
    const seg = segs[k]!;
    const next = segs[k + 1];
    const healed = next && seg.last && next.first && next.line === seg.line + 1 ? heal(seg, next) : null;
    if (!healed) {
      out.push(seg);
      continue;
    }
    out.push(...healed);
    k++;
  }
  return out;
}

function heal(seg: Segment, next: Segment): Segment[] | null {
  const space = next.text.indexOf(' ');
  const cuts = CUTS.get(space < 0 ? next.text : next.text.slice(0, space));
  if (!cuts) return null;
  for (const { label, head, tail } of cuts) {
    const endsWithHead = seg.text === head || seg.text.endsWith(` ${head}`);
    const startsWithTail = next.text === tail || next.text.startsWith(`${tail} `);
    if (!endsWithHead || !startsWithTail) continue;
    const before = seg.text.slice(0, seg.text.length - head.length).trim();
    const after = next.text.slice(tail.length).trim();
    const out: Segment[] = [];
    if (before) out.push({ ...seg, text: before, cells: null, last: false });
    out.push({ text: label, cells: null, line: seg.line, first: before ? false : seg.first, last: !after });
    if (after) out.push({ ...next, text: after, cells: null, first: false });
    return out;
  }
  return null;
}
