/**
 * A form whose fields are known labels (a lettered PEG sheet: `A Nr. 1 Descrizione obiettivo`, `B Riferimento al
 * programma …`, `E Responsabile:`): the labels are found in one text stream over the lines, never by tabs or line
 * positions, because a PDF rendering joins cells with spaces, wraps long rows and drops row letters. The value of a
 * label is the text up to the next label, kept as one piece per source line so that every value can be cited.
 */
import { squash } from '../../../src/plan/text.ts';

/** One label of the form: a global regex; its first group, when it has one, is a code written inside the label. */
export interface FormLabel<F extends string> {
  field: F;
  re: RegExp;
}

export interface FormValue<F extends string> {
  field: F;
  code?: string;
  /** 0-based line of the label */
  labelLine: number;
  /** the value, one piece per source line */
  pieces: { line: number; text: string }[];
}

/** Every label found in lines [from, to), each with the text up to the next one. */
export function readForm<F extends string>(
  lines: readonly string[],
  from: number,
  to: number,
  labels: readonly FormLabel<F>[],
): FormValue<F>[] {
  const offsets: number[] = [];
  let stream = '';
  for (let i = from; i < to; i++) {
    offsets.push(stream.length);
    stream += `${lines[i]!}\n`;
  }
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return from + lo;
  };

  const hits: { field: F; code?: string; start: number; end: number }[] = [];
  for (const { field, re } of labels) {
    re.lastIndex = 0;
    for (const m of stream.matchAll(re)) {
      const hit: (typeof hits)[number] = { field, start: m.index, end: m.index + m[0].length };
      if (m[1]) hit.code = m[1];
      hits.push(hit);
    }
  }
  hits.sort((a, b) => a.start - b.start);
  // a label inside another would cut a value in two: the outer one is kept
  const kept = hits.filter((h, i) => i === 0 || h.start >= hits[i - 1]!.end);

  return kept.map((h, i) => {
    const valueEnd = kept[i + 1]?.start ?? stream.length;
    const pieces: FormValue<F>['pieces'] = [];
    let cursor = h.end;
    for (const part of stream.slice(h.end, valueEnd).split('\n')) {
      const text = squash(part);
      if (text) pieces.push({ line: lineAt(cursor), text });
      cursor += part.length + 1;
    }
    const value: FormValue<F> = { field: h.field, labelLine: lineAt(h.start), pieces };
    if (h.code) value.code = h.code;
    return value;
  });
}

/** The values grouped into records: each `opener` label starts one (values before the first belong to none). */
export function formRecords<F extends string>(values: readonly FormValue<F>[], opener: F): FormValue<F>[][] {
  const records: FormValue<F>[][] = [];
  for (const v of values) {
    if (v.field === opener) records.push([v]);
    else records.at(-1)?.push(v);
  }
  return records;
}

/** A value's text on one line. */
export const formText = <F extends string>(v: FormValue<F> | undefined): string =>
  v ? squash(v.pieces.map((p) => p.text).join(' ')) : '';
