import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/scale-corpus.ts';
import { type PlanModel, PlanModelSchema } from '../../src/plan/model.ts';
import { fold } from '../../src/plan/text.ts';
import type { QueryFilter, QueryTarget } from '../../src/query/plan-query.ts';
import { type QueryRecord, recordsOf } from '../../src/query/record-fields.ts';
import { containsWordsOf, wordIndexOf } from '../../src/query/word-index.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { runPlanQuery } from '../../src/tools/run-plan-query.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { SMALL_MODEL } from './small-plan.ts';

// the words of this test's invented plans: accents, apostrophes, punctuation and odd whitespace as documents have them
const WORDS = [
  'attività',
  'Città',
  "dell'ente",
  "l'accessibilità",
  'digitale,',
  'DIGITALIZZAZIONE',
  'servizi',
  '(sportello)',
  'anziani/disabili',
  'over-65',
  'verifica',
  'rendicontazione;',
  'qualità',
  'sicurezza',
  'stradale',
  'n.',
  '2024',
  'Èlite',
  'caffè',
];
const GAPS = [' ', ' ', ' ', '  ', '\t', '\u00a0', '\n'];

function generatedModel(seed: number): PlanModel {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const text = (min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min + 1));
    return Array.from({ length: n }, () => pick(WORDS)).reduce((out, w) => (out ? `${out}${pick(GAPS)}${w}` : w), '');
  };
  const span = (doc: string, line: number) => ({ doc, lineStart: line, lineEnd: line });
  const docs = SMALL_MODEL.documents.map((d) => d.file);
  const objectives = Array.from({ length: 240 }, (_, i) => {
    const doc = docs[i % docs.length]!;
    return {
      doc,
      code: `T-${String(i).padStart(3, '0')}`,
      title: text(1, 5),
      ...(random() < 0.7 ? { description: text(0, 12) } : {}),
      ...(random() < 0.4 ? { expectedResult: text(1, 6) } : {}),
      owners: random() < 0.5 ? ['Neri Carla'] : ['Rosi Bruno', 'Neri Carla'],
      phases: Array.from({ length: Math.floor(random() * 3) }, (_, p) => ({
        title: text(1, 6),
        span: span(doc, 1000 + i * 10 + p),
      })),
      indicators: Array.from({ length: Math.floor(random() * 3) }, (_, n) => ({
        description: text(1, 6),
        span: span(doc, 5000 + i * 10 + n),
      })),
      span: span(doc, 10 + i),
    };
  });
  const projects = Array.from({ length: 60 }, (_, i) => ({
    doc: docs[i % docs.length]!,
    code: `P-${i}`,
    cdr: '41',
    title: text(1, 4),
    ...(random() < 0.6 ? { description: text(1, 10) } : {}),
    budget: null,
    budgetShare: null,
    budgetRows: [],
    budgetTotals: {},
    objectives: [],
    staff: [],
    span: span(docs[i % docs.length]!, 800 + i),
  }));
  return PlanModelSchema.parse({ ...SMALL_MODEL, objectives, projects });
}

/** What the `contains` filter keeps, tested on every record: the folded text holds every folded word. */
function scanned(records: readonly QueryRecord[], field: string, value: string): QueryRecord[] {
  const words = fold(value).split(/\s+/).filter(Boolean);
  return records.filter((r) => {
    const cell = r.cells[field];
    return cell != null && words.every((w) => fold(cell.text).includes(w));
  });
}

describe('the word index of a query field', () => {
  const store = new PlanStore(generatedModel(15));
  const random = mulberry32(3);
  // whole words, pieces of words, words across punctuation, two words, case and accents as users type them, absent
  const values = [
    ...WORDS,
    ...WORDS.map((w) => w.slice(1, 1 + Math.max(2, Math.floor(w.length / 2)))),
    'accessibilita',
    'citta',
    'CITTÀ',
    "dell'",
    "'e",
    'digitale, servizi',
    'over 65',
    '65',
    'e',
    'a d',
    'sportello) anziani',
    'caffe',
    'parolaassente',
    'servizi parolaassente',
    ...Array.from({ length: 40 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const w = fold(WORDS[Math.floor(random() * WORDS.length)]!);
        const from = Math.floor(random() * w.length);
        return w.slice(from, from + 1 + Math.floor(random() * 6));
      }).join(' '),
    ),
  ];
  // a list field's text is its items joined by "; "
  const names = ['neri', 'CARLA', 'bruno;', 'rosi bruno', 'o; n', 'i c', 'ner car', 'carla neri', 'verdi'];
  const fields: [QueryTarget, string, string[]][] = [
    ['objective', 'text', values],
    ['objective', 'title', values],
    ['objective', 'description', values],
    ['objective', 'owner', names],
    ['phase', 'title', values],
    ['indicator', 'title', values],
    ['project', 'text', values],
  ];

  it.each(fields)('finds exactly the %s records whose %s the scan keeps', (target, field, values) => {
    const all = recordsOf(store, target);
    const index = wordIndexOf(store, target, field);
    let nonEmpty = 0;
    for (const value of values) {
      const expected = scanned(all, field, value);
      expect(index.recordsWith(containsWordsOf(value)), JSON.stringify(value)).toEqual(expected);
      if (expected.length > 0 && expected.length < all.length) nonEmpty++;
    }
    // not vacuous: most values select some records and not all
    expect(nonEmpty).toBeGreaterThan(values.length / 4);
  });

  it('is built once per store and field', () => {
    expect(wordIndexOf(store, 'objective', 'text')).toBe(wordIndexOf(store, 'objective', 'text'));
    expect(wordIndexOf(new PlanStore(store.model), 'objective', 'text')).not.toBe(
      wordIndexOf(store, 'objective', 'text'),
    );
  });

  it('selects every record with the field for a value of no words, as the filter does', () => {
    const all = recordsOf(store, 'objective');
    expect(wordIndexOf(store, 'objective', 'description').recordsWith([])).toEqual(
      all.filter((r) => r.cells.description != null),
    );
  });
});

describe('runPlanQuery with text filters at any scope', () => {
  const store = new PlanStore(generatedModel(16));
  const ctx = (over: Partial<ToolContext> = {}): ToolContext => ({
    store,
    search: null,
    allowedDocs: null,
    includeInternal: true,
    ...over,
  });
  const keys = (r: ReturnType<typeof runPlanQuery>) => (r.ok ? r.records.map((x) => `${x.doc} ${x.key}`) : [r.error]);

  /** The same query answered by testing every record in scope. */
  function byScan(c: ToolContext, target: QueryTarget, filters: QueryFilter[], documents?: string[]): string[] {
    let records = recordsOf(store, target).filter(
      (r) => (!c.allowedDocs || c.allowedDocs.includes(r.doc)) && (!documents || documents.includes(r.doc)),
    );
    for (const f of filters) {
      if (f.op === 'contains') records = scanned(records, f.field, String(f.value));
      else if (f.op === 'exists') records = records.filter((r) => r.cells[f.field] != null);
      else throw new Error(`not written for ${f.op}`);
    }
    return records.map((x) => `${x.doc} ${x.key}`);
  }

  it.each([
    [[{ field: 'text', op: 'contains', value: 'digital' }]],
    [[{ field: 'text', op: 'contains', value: "dell'ente servizi" }]],
    [
      [
        { field: 'text', op: 'contains', value: 'qualita' },
        { field: 'title', op: 'contains', value: 'sicur' },
      ],
    ],
    [
      [
        { field: 'description', op: 'exists' },
        { field: 'text', op: 'contains', value: 'anziani' },
      ],
    ],
    [[{ field: 'text', op: 'contains', value: ' ' }]],
    [[{ field: 'text', op: 'contains', value: 'parolaassente' }]],
  ] as [QueryFilter[]][])('lists the objectives of %j as a scan does, whole or in part of the plans', (filters) => {
    for (const [c, documents] of [
      [ctx(), undefined],
      [ctx(), ['b.txt']],
      [ctx({ allowedDocs: ['a.txt', 'c.txt'] }), undefined],
      [ctx({ allowedDocs: ['a.txt'] }), ['a.txt', 'b.txt']],
    ] as [ToolContext, string[] | undefined][]) {
      const r = runPlanQuery(c, { target: 'objective', filters, ...(documents ? { documents } : {}) });
      expect(keys(r)).toEqual(byScan(c, 'objective', filters, documents));
    }
  });
});
