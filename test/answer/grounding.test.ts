import { describe, expect, it } from 'vitest';
import { boundEvidenceOf, unboundFigures, ungroundedFigures } from '../../src/answer/grounding.ts';

// what get_project returns for 2021_PD_8735 (Reggio Emilia PEG 2021), as the agent records it
const project8735 = JSON.stringify({
  status: 'found',
  projects: [
    {
      doc: '002_51402a20550dfbf2.txt',
      code: '2021_PD_8735',
      title: 'Servizi per la residenzialità anziani',
      cdr: '87',
      budget: { text: '1.920.000,00', value: 1920000 },
      budgetShare: { text: '20,72 %', value: 20.72 },
      budgetRows: [{ capitolo: '31270', text: '1.800.000,00', value: 1800000 }],
      span: '002_51402a20550dfbf2.txt lines 2293-2330',
      years: [2020, 2021],
    },
  ],
});
const phase = JSON.stringify({ code: '2020-CP09', end: { text: '31/12/2020', iso: '2020-12-31' } });

describe('ungroundedFigures', () => {
  it('accepts an answer whose figures all appear in the tool results', () => {
    const answer =
      'Il budget di 2021_PD_8735 è 1.920.000,00 (20,72 % del CdR 87). Fonti: 002_51402a20550dfbf2.txt righe 2293-2330';
    expect(ungroundedFigures(answer, [project8735])).toEqual([]);
  });

  it('reports an invented amount', () => {
    expect(ungroundedFigures('Il budget è 2.500.000,00.', [project8735])).toEqual(['2.500.000,00']);
  });

  it('reports only the invented figures when real ones stand beside them', () => {
    expect(
      ungroundedFigures('Spese 1.800.000,00, entrate 130.000,00, scadenza 30/09/2021.', [project8735, phase]),
    ).toEqual(['130.000,00', '30/09/2021']);
  });

  it('compares whole figures, so a part of a real figure or a real figure inside a longer one is not enough', () => {
    const evidence = [JSON.stringify({ amount: '12.500.000,00' })];
    expect(ungroundedFigures('Il budget è 2.500.000,00', evidence)).toEqual(['2.500.000,00']);
    expect(ungroundedFigures('Il budget è 500.000,00', evidence)).toEqual(['500.000,00']);
  });

  it.each([
    ['20,72%', '20,72 %'],
    ['20,72 %', '20,72%'],
    ['20,72\u00a0%', '20,72 %'],
  ])('ignores spacing around a percent sign: %j is grounded by %j', (written, inEvidence) => {
    expect(ungroundedFigures(`Assorbe il ${written} delle risorse.`, [JSON.stringify({ share: inEvidence })])).toEqual(
      [],
    );
  });

  it('accepts a localized rendering of a figure beside the figure as written', () => {
    const answer = 'The budget is 1.920.000,00 (€1,920,000.00), 20,72 % (20.72%) of the CdR resources.';
    expect(ungroundedFigures(answer, [project8735])).toEqual([]);
  });

  it('accepts a date written as in the document or in ISO form, and reports a date no tool returned', () => {
    expect(ungroundedFigures('Scadenza: 31/12/2020 (2020-12-31).', [phase])).toEqual([]);
    expect(ungroundedFigures('Scadenza: 30/12/2020.', [phase])).toEqual(['30/12/2020']);
  });

  it('reports a percentage even when it is a small integer', () => {
    expect(ungroundedFigures('Impegno del 45% sul progetto.', [project8735])).toEqual(['45%']);
  });

  it('does not check years, list numbering, small counts or the digits inside codes and file names', () => {
    const answer =
      '1. Obiettivo 2020-CP09 del PEG 2021: 3 fasi, 2 indicatori (2021_OB_8735_1, file 003_3c291b98105b86e1.txt).';
    expect(ungroundedFigures(answer, [])).toEqual([]);
  });

  it('finds nothing to check in an answer without figures', () => {
    expect(ungroundedFigures('Non ho trovato il progetto richiesto.', [])).toEqual([]);
  });
});

describe('unboundFigures', () => {
  // a project as a tool returns it, whose free-text description carries a figure of its own
  const project = {
    status: 'found',
    projects: [
      {
        code: 'PRJ-1',
        title: 'Nuova biblioteca di quartiere',
        description: 'Il comitato propone di arrivare a 750.000,00 di spesa complessiva.',
        budget: { text: '480.000,00', value: 480000 },
        budgetShare: { text: '12,50 %', value: 12.5 },
        span: 'piano.txt lines 10-20',
      },
      { code: 'PRJ-2', title: 'Piste ciclabili', budget: { text: '90.000,00', value: 90000 } },
    ],
  };
  const objective = {
    code: 'OB-7',
    title: 'Digitalizzare lo sportello',
    phases: [
      { title: 'Collaudo', end: { text: '30/06/2022', iso: '2022-06-30' }, weight: { text: '40,00', value: 40 } },
    ],
    indicators: [{ code: 'OB-7.1', description: 'Pratiche online', target: { text: '85 %', value: 85 } }],
  };
  const evidence = boundEvidenceOf({ results: [project, objective] });

  it('accepts figures stated as the fields that hold them', () => {
    expect(unboundFigures('Il budget di PRJ-1 è 480.000,00, pari al 12,50 % delle risorse.', evidence)).toEqual([]);
    expect(unboundFigures('La fase di collaudo di OB-7 scade il 30/06/2022 e pesa 40,00.', evidence)).toEqual([]);
    expect(unboundFigures("Il valore atteso dell'indicatore OB-7.1 è 85 %.", evidence)).toEqual([]);
  });

  it('rejects a figure held only by free text when the answer states it as its own', () => {
    expect(unboundFigures('Il budget di PRJ-1 è 750.000,00.', evidence)).toEqual(['750.000,00']);
    expect(unboundFigures('Sono previsti 750.000,00.', evidence)).toEqual(['750.000,00']);
  });

  it('accepts the same free-text figure when the answer quotes the plan', () => {
    expect(
      unboundFigures(
        'La descrizione dice: «Il comitato propone di arrivare a 750.000,00 di spesa complessiva.»',
        evidence,
      ),
    ).toEqual([]);
    expect(unboundFigures('> Il comitato propone di arrivare a 750.000,00 di spesa complessiva.', evidence)).toEqual(
      [],
    );
  });

  it('rejects a real figure given as a field of another kind', () => {
    // 40,00 is a phase weight, not a budget; 85 % is a target, not a weight
    expect(unboundFigures('Il budget di OB-7 è 40,00.', evidence)).toEqual(['40,00']);
    expect(unboundFigures('Il peso di OB-7 è 85 %.', evidence)).toEqual(['85 %']);
  });

  it('rejects another record’s figure given for the record the sentence names', () => {
    expect(unboundFigures('Il budget di PRJ-1 è 90.000,00.', evidence)).toEqual(['90.000,00']);
    expect(unboundFigures('Il budget di PRJ-2 è 90.000,00.', evidence)).toEqual([]);
  });

  it('takes the lines of the router’s answer as fields, but not the passages it quotes', () => {
    const routed = boundEvidenceOf({
      answer: 'Il budget di PRJ-9 è 1.250,00.\n> Nel testo compare 3.333,33 come ipotesi.\nFonti: piano.txt righe 4-9',
    });
    expect(unboundFigures('Il budget di PRJ-9 è 1.250,00.', routed)).toEqual([]);
    expect(unboundFigures('Il budget di PRJ-9 è 3.333,33.', routed)).toEqual(['3.333,33']);
  });
});
