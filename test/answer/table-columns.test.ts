/**
 * The column of a record's table a question asks for: a budget table's revenue or expense side, an indicator's
 * intermediate or final level, its value at a date or for a year, the rows of a staff table a question names. Over
 * invented records, in this file's own wording.
 */
import { describe, expect, it } from 'vitest';
import { askedColumnKinds, pickColumns } from '../../src/answer/asked-columns.ts';
import { countedFigureLines, countedNoun } from '../../src/answer/counted-figure.ts';
import { figuresSumLines } from '../../src/answer/figures-sum.ts';
import { indicatorColumnAsk, indicatorColumnLines } from '../../src/answer/indicator-column.ts';
import { asksStaffField, namedStaffRows, staffAsked, staffSumLine } from '../../src/answer/routes/staff-rows.ts';
import { packFor } from '../../src/lang/packs.ts';
import type { Indicator, Objective, Project } from '../../src/plan/model.ts';
import { valbrunaStore } from './valbruna-plan.ts';

const span = { doc: 'x.txt', lineStart: 1, lineEnd: 1 };
const labels = ['Entrate Correnti', 'Spese Correnti', 'Spese Investimenti'];

describe('budget columns', () => {
  it('picks the side of the table the question asks for, in either language', () => {
    expect(pickColumns(labels, askedColumnKinds('quanto incassa il progetto X?'))).toEqual(['Entrate Correnti']);
    expect(pickColumns(labels, askedColumnKinds('what revenue does X bring in?'))).toEqual(['Entrate Correnti']);
    expect(pickColumns(labels, askedColumnKinds('uscite per investimenti di X'))).toEqual(['Spese Investimenti']);
    expect(pickColumns(labels, askedColumnKinds('spese correnti di X'))).toEqual(['Spese Correnti']);
  });

  it('says a column the table lacks is absent ([]), and no column asked is null', () => {
    expect(pickColumns(['Spese Correnti'], askedColumnKinds('ha degli incassi?'))).toEqual([]);
    expect(pickColumns(labels, askedColumnKinds('budget del progetto X'))).toBeNull();
  });
});

const objective = { code: 'OB-1', title: 'Sportello', year: 2020 } as Objective;
const indicator = (extra: Partial<Indicator>): Indicator => ({ description: 'Sportelli aperti', span, ...extra });

describe('indicator columns', () => {
  const staged = indicator({
    intermediateTarget: { text: '3', value: 3, date: null },
    intermediateDate: { text: '30 giugno 2020', iso: '2020-06-30' },
    target: { text: '6', value: 6, date: null },
    targetDate: { text: '31 dicembre 2020', iso: '2020-12-31' },
  });

  it('answers the intermediate level, or says plainly that the row has none', () => {
    const ask = indicatorColumnAsk('e il livello intermedio degli sportelli?', null)!;
    const hit = indicatorColumnLines(staged, objective, ask, [2020], 'it')!;
    expect(hit.found).toBe(true);
    expect(hit.lines[0]).toContain('3');
    expect(hit.lines[0]).toContain('30 giugno 2020');
    const miss = indicatorColumnLines(
      indicator({ target: { text: '6', value: 6, date: null } }),
      objective,
      ask,
      [],
      'it',
    )!;
    expect(miss.found).toBe(false);
    expect(miss.lines[0]).toMatch(/non è indicato/);
    expect(miss.lines[1]).toContain('6');
  });

  it('reads a value at a date as the column of that date, and an empty one as not stated', () => {
    const atJune = indicatorColumnAsk('valore al 30/06 degli sportelli', null)!;
    expect(indicatorColumnLines(staged, objective, atJune, [2020], 'it')!.lines[0]).toContain('3');
    const atSept = indicatorColumnAsk('what is the value as of 30/09?', null)!;
    const miss = indicatorColumnLines(staged, objective, atSept, [2020], 'en')!;
    expect(miss.found).toBe(false);
    expect(miss.lines[0]).toContain('not stated');
  });

  it('says a year the sheet does not cover is not stated, and lets the default answer a year it covers', () => {
    const plain = indicator({ target: { text: '40', value: 40, date: null } });
    const other = indicatorColumnLines(plain, objective, indicatorColumnAsk('obiettivo 2023?', 2023)!, [2020], 'it')!;
    expect(other.found).toBe(false);
    expect(other.lines[0]).toContain('2020');
    expect(indicatorColumnLines(plain, objective, indicatorColumnAsk('target 2020', 2020)!, [2020], 'it')).toBeNull();
  });
});

describe('staff table cells', () => {
  const commitment = (text: string, value: number) => ({ text, value });
  const project = {
    code: 'PR-9',
    staff: [
      { name: 'Educatori di strada', relation: 'Dipendente', commitment: commitment('40,00 %', 40), span },
      { name: 'Rossi Anna', relation: 'Dirigente', commitment: commitment('2,50 %', 2.5), span },
    ],
  } as unknown as Project;

  it('finds a row named by all its words, not by one of them', () => {
    const store = valbrunaStore();
    expect(
      namedStaffRows(project, 'quanto lavorano gli educatori di strada su PR-9?', store).map((s) => s.name),
    ).toEqual(['Educatori di strada']);
    expect(namedStaffRows(project, 'chi lavora in strada su PR-9?', store)).toEqual([]);
  });

  it('reads the staff field named in either language, not any count', () => {
    expect(asksStaffField('quante persone lavorano su PR-9?')).toBe(true);
    expect(asksStaffField("what is PR-9's headcount?")).toBe(true);
    expect(asksStaffField('quanti incontri prevede PR-9?')).toBe(false);
  });

  it('names a person the plans know who is not in this table', () => {
    const asked = staffAsked(project, "quanto lavora Conti Marta sull'PR-9?", valbrunaStore());
    expect(asked.rows).toEqual([]);
    expect(asked.absent).toEqual(['Conti Marta']);
  });

  it('sums the commitments only when a total is asked, and says it is computed', () => {
    expect(staffSumLine(project, 'impegno complessivo su PR-9', 'it')).toMatch(/42,50 %.*calcolato/);
    expect(staffSumLine(project, 'impegno su PR-9', 'it')).toBeNull();
  });
});

describe('a count asked of one record', () => {
  const o = {
    code: 'OB-7',
    title: 'Vigilanza stradale',
    phases: [],
    doc: 'x.txt',
    indicators: [
      {
        description: 'Giornate di formazione degli agenti',
        target: { text: '31/03/2020', value: null, date: '2020-03-31' },
        span,
      },
      {
        description: 'Numero di sanzioni elevate ai mezzi pesanti',
        target: { text: '40,00', value: 40, date: null },
        span,
      },
      {
        description: 'Controlli sui mezzi pesanti',
        target: { text: '0', value: 0, date: null },
        formula: 'giorni di ritardo',
        span,
      },
    ],
  } as unknown as Objective;
  const store = valbrunaStore();

  it('reads the thing counted after the count words, with its synonyms, and leaves record words to the record routes', () => {
    expect(countedNoun('e quante multe fanno?')).toContain('sanzi');
    expect(countedNoun('quanti obiettivi ha?')).toBeNull();
    expect(countedNoun('how many pupils take part?')).toContain('alunn');
  });

  it('answers with the indicator that counts it, not one that only names it', () => {
    const lines = countedFigureLines(o, 'quante multe ai mezzi pesanti?', [], store, 'it')!;
    expect(lines[0]).toContain('40,00');
    expect(countedFigureLines(o, 'quanti controlli sui mezzi pesanti?', [], store, 'it')).toBeNull();
  });

  it('finds the thing counted in an indicator formula, and prefers a sentence sharing more of the question', () => {
    const talks = {
      ...o,
      indicators: [
        {
          description: 'Attività divulgativa nelle scuole',
          formula: 'numero incontri svolti / numero incontri previsti',
          target: { text: '8', value: 8, date: null },
          span,
        },
      ],
    } as unknown as Objective;
    expect(countedFigureLines(talks, "quanti incontri per l'attività divulgativa?", [], store, 'it')![0]).toContain(
      '8',
    );
    const sentence = 'Si terranno 3 incontri serali sul risparmio domestico con le famiglie.';
    expect(
      countedFigureLines(talks, 'quanti incontri serali sul risparmio domestico?', [sentence], store, 'it'),
    ).toEqual([`> ${sentence}`]);
    // an indicator asked for keeps the indicator
    expect(
      countedFigureLines(talks, "valore atteso dell'indicatore: quanti incontri serali?", [sentence], store, 'it')![0],
    ).toContain('8');
  });

  it('else quotes the sentence with a number right before it, the one closest to the question', () => {
    const sentences = [
      'Si terranno tre incontri con le famiglie.',
      'Sono previsti 4 incontri di aggiornamento per gli agenti.',
      "Un incontro d'avvio apre il progetto.",
    ];
    expect(countedFigureLines(o, 'quanti incontri per gli agenti?', sentences, store, 'it')).toEqual([
      `> ${sentences[1]}`,
    ]);
    expect(countedFigureLines(o, 'quanti incontri con le famiglie?', sentences, store, 'it')).toEqual([
      `> ${sentences[0]}`,
    ]);
  });
});

describe('a total of figures written in a record', () => {
  const o = {
    code: 'OB-9',
    title: 'Accoglienza',
    doc: 'x.txt',
    span,
    phases: [],
    description:
      'Il dormitorio di via Alta avrà dodici posti letto. Il centro diurno accoglierà 20 persone al giorno. Saranno assunti 3 operatori.',
    indicators: [
      { description: 'n. posti letto nella casa famiglia', target: { text: '6,00', value: 6, date: null }, span },
    ],
  } as unknown as Objective;
  const store = valbrunaStore();
  const it_ = packFor('it');

  it('adds up the figure each part of the question names, says it is computed and quotes each', () => {
    const sum = figuresSumLines('quanti posti letto in tutto tra il dormitorio e la casa famiglia?', [o], store, it_)!;
    expect(sum.lines[0]).toMatch(/18,00.*calcolato/);
    expect(sum.lines.join('\n')).toContain('dodici');
    expect(sum.lines.join('\n')).toContain('6,00');
  });

  it('of two indicators holding a named part, takes the plain one, not the one adding a word to it', () => {
    const patrols = {
      ...o,
      code: 'OB-10',
      description: '',
      indicators: [
        { description: 'n. pattuglie Aurora', target: { text: '4,00', value: 4, date: null }, span },
        { description: 'n. pattuglie Aurora notturne', target: { text: '9,00', value: 9, date: null }, span },
        { description: 'n. pattuglie Meridiana', target: { text: '3,00', value: 3, date: null }, span },
      ],
    } as unknown as Objective;
    const sum = figuresSumLines('quante pattuglie in tutto tra Aurora e Meridiana?', [patrols], store, it_)!;
    expect(sum.lines[0]).toMatch(/7,00.*calcolato/);
    expect(sum.lines.join('\n')).not.toContain('notturne');
  });

  it("adds the counts of one sentence on the question's subject when the question names no parts", () => {
    const park = {
      ...o,
      code: 'OB-11',
      description:
        'Il nuovo giardino del rione Pratolungo sarà vicino a tre palestre comunali e ad una palestra privata.',
      indicators: [],
    } as unknown as Objective;
    const sum = figuresSumLines('quante palestre in tutto vicino al giardino di Pratolungo?', [park], store, it_)!;
    expect(sum.lines[0]).toMatch(/Totale: 4 .*calcolato/);
    expect(figuresSumLines('quante palestre in tutto?', [park], store, it_)).toBeNull();
  });

  it('adds nothing when the question names one part only, or asks no total', () => {
    expect(figuresSumLines('quanti posti letto in tutto nel dormitorio?', [o], store, it_)).toBeNull();
    expect(figuresSumLines('quanti posti letto tra il dormitorio e la casa famiglia?', [o], store, it_)).toBeNull();
  });
});
