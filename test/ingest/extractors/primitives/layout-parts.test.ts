/**
 * The primitives the layout-specific extractors are composed of: markers that score a layout, the labelled-form
 * reader, the structures read from objectives, and the plan parts (warnings with spans, first record per code).
 */
import { describe, expect, it } from 'vitest';
import { formRecords, formText, readForm } from '../../../../ingest/extractors/primitives/labelled-form.ts';
import { markerScore, markerText } from '../../../../ingest/extractors/primitives/layout-markers.ts';
import { firstByCode, planOf, warningLog } from '../../../../ingest/extractors/primitives/plan-parts.ts';
import { present } from '../../../../ingest/extractors/primitives/present.ts';
import { mentionsOf, structuresOf } from '../../../../ingest/extractors/primitives/structures-of-objectives.ts';
import type { SourceDocument } from '../../../../ingest/loaders/source-document.ts';
import type { Objective, PlanDocument } from '../../../../src/plan/model.ts';

const docOf = (text: string, pageOfLine: number[] | null = null): SourceDocument => ({
  file: 'prova.txt',
  path: 'prova.txt',
  format: pageOfLine ? 'pdf' : 'txt',
  text,
  lines: text.split('\n'),
  pageOfLine,
  sha256: '',
});

describe('layout markers', () => {
  it('matches on folded text without markup, so bold marks and accents do not hide a phrase', () => {
    expect(markerText(docOf('**Unità**  Organizzativa\n<b>RESPONSABILITÀ</b>'))).toBe(
      'unita organizzativa responsabilita',
    );
  });

  it('adds the weight of each marker found, equal shares when none is given, at most 1', () => {
    const text = 'scheda di budget riga totale riga totale';
    expect(markerScore(text, [{ re: /scheda di budget/ }, { re: /assente/ }])).toBe(0.5);
    expect(
      markerScore(text, [
        { re: /scheda/, weight: 0.7 },
        { re: /budget/, weight: 0.7 },
      ]),
    ).toBe(1);
  });

  it('needs every phrase of a group, and a counted marker its number of occurrences', () => {
    const text = 'riga totale riga totale scheda';
    expect(markerScore(text, [{ re: [/scheda/, /riga/], weight: 0.4 }])).toBe(0.4);
    expect(markerScore(text, [{ re: [/scheda/, /assente/], weight: 0.4 }])).toBe(0);
    expect(markerScore(text, [{ re: /riga totale/g, weight: 0.3, min: 2 }])).toBe(0.3);
    expect(markerScore(text, [{ re: /riga totale/g, weight: 0.3, min: 3 }])).toBe(0);
  });
});

describe('labelled form', () => {
  const LABELS = [
    { field: 'head' as const, re: /(?:(?<=^|\s)X\s+)?Voce\s+n\.\s*(\S+)/g },
    { field: 'owner' as const, re: /Incaricato\s*:/g },
    { field: 'note' as const, re: /Annotazioni\s*:/g },
  ];

  it('cuts the values between labels across lines, with the line of each piece, and a code inside a label', () => {
    const lines = [
      'Premessa',
      'Voce n. 7 Riordino archivio',
      'storico comunale Incaricato: Neri',
      'Paola',
      'Annotazioni: -',
    ];
    const values = readForm(lines, 0, lines.length, LABELS);
    expect(values.map((v) => [v.field, v.code, v.labelLine, formText(v)])).toEqual([
      ['head', '7', 1, 'Riordino archivio storico comunale'],
      ['owner', undefined, 2, 'Neri Paola'],
      ['note', undefined, 4, '-'],
    ]);
    expect(values[1]!.pieces).toEqual([
      { line: 2, text: 'Neri' },
      { line: 3, text: 'Paola' },
    ]);
  });

  it('groups the values into records, each opened by its own label', () => {
    const lines = ['Voce n. 1 Alfa Incaricato: Rossi', 'Voce n. 2 Beta', 'Incaricato: Verdi'];
    const records = formRecords(readForm(lines, 0, lines.length, LABELS), 'head');
    expect(records.map((r) => r.map((v) => formText(v)))).toEqual([
      ['Alfa', 'Rossi'],
      ['Beta', 'Verdi'],
    ]);
  });
});

const objective = (code: string, structure: string | undefined, owners: string[], line: number, area?: string) =>
  ({
    doc: 'prova.txt',
    code,
    title: `titolo ${code}`,
    owners,
    ...(structure ? { structure } : {}),
    ...(area ? { strategic: { area } } : {}),
    phases: [],
    indicators: [],
    span: { doc: 'prova.txt', lineStart: line, lineEnd: line + 3 },
  }) as Objective;

describe('structures of objectives', () => {
  const objectives = [
    objective('A1', 'Ufficio Tributi', ['Bianchi Anna'], 1, 'Area Finanze'),
    objective('A2', 'UFFICIO TRIBUTI', ['Bianchi Anna'], 5, 'Area Finanze'),
    objective('B1', 'Ufficio Gare', ['Gialli Carlo'], 9),
    objective('B2', 'Ufficio Gare', ['Neri Ugo'], 13),
    objective('C1', 'Ufficio Sport', ['Viola Ada', 'Blu Teo'], 17),
    objective('D1', undefined, ['Rosa Eva'], 21),
  ];

  it('gives one structure per name as first written, with a head only when all its objectives share one owner', () => {
    const structures = structuresOf('prova.txt', mentionsOf(objectives), objectives, {
      kind: () => 'ufficio',
      headRole: 'Responsabile',
    });
    expect(structures.map((s) => [s.name, s.head, s.area, s.span.lineStart])).toEqual([
      ['Ufficio Tributi', 'Bianchi Anna', 'Area Finanze', 1],
      ['Ufficio Gare', undefined, undefined, 9],
      ['Ufficio Sport', undefined, undefined, 17],
    ]);
  });

  it('claims no head where the owners are not people', () => {
    const structures = structuresOf('prova.txt', mentionsOf(objectives), objectives, { kind: () => 'ufficio' });
    expect(structures.every((s) => s.head === undefined)).toBe(true);
  });
});

describe('plan parts', () => {
  it('notes warnings with the span (and page) of the lines that show them', () => {
    const log = warningLog(docOf('uno\ndue\ntre', [1, 1, 2]));
    log.warn('senza righe');
    log.warn('righe 2-3', 1, 2);
    log.warnAt('con span', { doc: 'prova.txt', lineStart: 1, lineEnd: 1 });
    expect(log.warnings).toEqual([
      { doc: 'prova.txt', message: 'senza righe' },
      { doc: 'prova.txt', message: 'righe 2-3', span: { doc: 'prova.txt', lineStart: 2, lineEnd: 3, page: 1 } },
      { doc: 'prova.txt', message: 'con span', span: { doc: 'prova.txt', lineStart: 1, lineEnd: 1 } },
    ]);
  });

  it('keeps the first record of a code and reports the repeats', () => {
    const repeats: string[] = [];
    const kept = firstByCode(
      [
        { code: 'X', n: 1 },
        { code: 'Y', n: 2 },
        { code: 'X', n: 3 },
      ],
      (r) => repeats.push(`${r.code}#${r.n}`),
    );
    expect(kept).toEqual([
      { code: 'X', n: 1 },
      { code: 'Y', n: 2 },
    ]);
    expect(repeats).toEqual(['X#3']);
  });

  it('keeps the fields a document fills in, and no empty string or missing value', () => {
    expect(present({ a: 'x', b: '', c: undefined, d: null, e: 0, f: false })).toEqual({ a: 'x', e: 0, f: false });
  });

  it('fills the record lists a layout does not read with empty ones', () => {
    const document = { file: 'prova.txt' } as PlanDocument;
    expect(planOf(document, { warnings: [] })).toEqual({
      document,
      structures: [],
      objectives: [],
      projects: [],
      totals: [],
      tables: [],
      warnings: [],
    });
  });
});
