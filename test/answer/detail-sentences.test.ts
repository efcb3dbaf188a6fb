/**
 * Records named by their words and the sentence of a record that answers, over a small plan written here (its own
 * names, codes and wording: nothing of the sample plans).
 */
import { describe, expect, it } from 'vitest';
import { bestSentenceOf } from '../../src/answer/routes/detail-route.ts';
import { type PlanModel, PlanModelSchema } from '../../src/plan/model.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { resolveRecord } from '../../src/tools/resolve-record.ts';

const span = (line: number) => ({ doc: 'm.txt', lineStart: line, lineEnd: line });

const objective = (code: string, title: string, description: string, extra: Record<string, unknown> = {}) => ({
  doc: 'm.txt',
  code,
  title,
  description,
  owners: ['Bianchi Elsa'],
  phases: [],
  indicators: [],
  span: span(10),
  ...extra,
});

const MODEL: PlanModel = PlanModelSchema.parse({
  version: 1,
  builtAt: '2026-01-01T00:00:00.000Z',
  documents: [
    {
      file: 'm.txt',
      entity: 'Comune di Valfiorita',
      kind: 'piano_obiettivi',
      title: 'Piano Valfiorita',
      years: [2025],
      layout: 'test',
      format: 'txt',
      lineCount: 200,
      sha256: 'm',
    },
  ],
  structures: [],
  people: [],
  objectives: [
    objective(
      'VF-01',
      'Ludoteca di quartiere',
      'Sarà aperta una ludoteca nel quartiere Borgo Alto, un luogo sperimentale di gioco per bambini da 3 a 10 anni. La ludoteca offrirà giochi da tavolo e laboratori creativi. La sperimentazione, finanziata con un contributo della Fondazione Aurora, durerà un anno. La ludoteca ospiterà anche i gruppi di lettura.',
      {
        phases: [
          { title: 'Rendicontazione mensile alla fondazione', span: span(20) },
          { title: 'Allestimento della ludoteca', span: span(21) },
        ],
      },
    ),
    objective(
      'VF-02',
      'Archivio storico digitale',
      "Con questo obiettivo si completa il riordino dell'ex caserma Verdi. L'edificio sarà adibito alla funzione di archivio storico comunale. Gli strumenti disponibili sono molti: - Le risorse del bilancio comunale - Volontari del servizio civile - Catalogo in rete",
    ),
    objective(
      'VF-03',
      'Censimento degli alberi monumentali',
      'Rilievo degli alberi di pregio nei parchi cittadini con schede per ogni esemplare.',
    ),
    objective('VF-04', 'Sportello energia', 'Consulenza alle famiglie sul risparmio energetico in bolletta.'),
    objective('VF-05', 'Sportello lavoro', 'Orientamento al lavoro per giovani in cerca di occupazione.'),
  ],
  projects: [],
  totals: [],
  tables: [],
  warnings: [],
});

const store = new PlanStore(MODEL);
const record = (code: string) => store.objectives.find((o) => o.code === code)!;

describe('resolveRecord', () => {
  it('finds the record whose own text holds the words its title lacks', () => {
    const r = resolveRecord(store, 'chi segue il progetto dei giochi per bambini a Borgo Alto');
    expect(r.status).toBe('sure');
    if (r.status === 'sure') expect(r.named.record.code).toBe('VF-01');
  });

  it('meets a title through a synonym of the glossary', () => {
    // "scuole" → "istituto", "scolastico" is not needed here: "caserma" is in the text, "archivio" in the title
    const r = resolveRecord(store, "responsabile del riordino della caserma per l'archivio");
    expect(r.status).toBe('sure');
    if (r.status === 'sure') expect(r.named.record.code).toBe('VF-02');
  });

  it('is unsure, and offers both, when two records answer to the words alike', () => {
    const r = resolveRecord(store, 'chi gestisce lo sportello?');
    expect(r.status).toBe('unsure');
    if (r.status === 'unsure') expect(r.candidates.map((c) => c.named.record.code).sort()).toEqual(['VF-04', 'VF-05']);
  });

  it('names nothing when no record holds the words', () => {
    expect(resolveRecord(store, 'piscina olimpionica').status).toBe('none');
  });
});

describe('bestSentenceOf', () => {
  it('quotes the sentence holding the source of funding, not the one repeating the subject', () => {
    const best = bestSentenceOf(record('VF-01'), 'con quali fondi si paga la ludoteca di Borgo Alto?', store);
    expect(best?.sentence).toContain('Fondazione Aurora');
    expect(best?.typed).toBe(true);
  });

  it('quotes a phase when it holds how often', () => {
    const best = bestSentenceOf(record('VF-01'), 'ogni quanto si rende conto alla fondazione?', store);
    expect(best?.sentence).toContain('Rendicontazione mensile');
  });

  it('joins the next sentence when it holds the purpose the subject sentence lacks', () => {
    const best = bestSentenceOf(record('VF-02'), "a cosa servirà l'ex caserma Verdi?", store);
    expect(best?.sentence).toContain('ex caserma Verdi');
    expect(best?.sentence).toContain('funzione di archivio storico');
  });

  it('reads a list kept on one line item by item', () => {
    const best = bestSentenceOf(record('VF-02'), 'chi lavora al catalogo in rete?', store);
    expect(best?.sentence).toBe('Catalogo in rete');
  });

  it('finds nothing when no sentence shares a word with the question', () => {
    expect(bestSentenceOf(record('VF-03'), 'quanto costa la piscina?', store)).toBeNull();
  });
});
