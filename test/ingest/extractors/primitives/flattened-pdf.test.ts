/**
 * What PDF text makes of forms and tables — tabs, runs of spaces and blank lines gone, long rows wrapped — and how
 * the primitives still read them: flattened rows cut by what their cells hold, wrapped cells put back in their
 * column, label / value sheets whose columns ran together, code cascades, form rows numbered after a number sign.
 */
import { describe, expect, it } from 'vitest';
import { readCodeCascade } from '../../../../ingest/extractors/primitives/code-cascade.ts';
import { learnCodeShapes } from '../../../../ingest/extractors/primitives/code-shapes.ts';
import { readHeading } from '../../../../ingest/extractors/primitives/heading-scopes.ts';
import { readInline, readLabelValues } from '../../../../ingest/extractors/primitives/label-values.ts';
import { readNumberedLists } from '../../../../ingest/extractors/primitives/numbered-list.ts';
import { pageNoiseLines } from '../../../../ingest/extractors/primitives/page-noise.ts';
import { datedPhase } from '../../../../ingest/extractors/primitives/phase-list.ts';
import { readHeader, readTables, splitFlatRow } from '../../../../ingest/extractors/primitives/table-reader.ts';

const columns = (header: string) => readHeader(header)!.columns;

describe('flattened table rows', () => {
  it('opens the indicator at the noun its closing participle agrees with, or at a unit', () => {
    const cols = columns('Codice Obiettivo Indicatore Valore atteso Peso');
    expect(splitFlatRow('Q.7 Rinnovo del parco mezzi comunali veicoli elettrici acquistati 6 40', cols)).toEqual([
      'Q.7',
      'Rinnovo del parco mezzi comunali',
      'veicoli elettrici acquistati',
      '6',
      '40',
    ]);
    expect(splitFlatRow('Q.8 Mappatura dei sentieri collinari km tracciati sul totale 100% 60', cols)[2]).toBe(
      'km tracciati sul totale',
    );
  });

  it('keeps a sign before a target, and the "?" a PDF font leaves for "≥", but no "entro" before a percentage', () => {
    const cols = columns('Codice Obiettivo Indicatore Target Peso');
    expect(splitFlatRow('Z1 Sportello serale Utenti ricevuti ? 120 50', cols)[3]).toBe('? 120');
    expect(splitFlatRow('Z2 Sportello serale Utenti ricevuti ≤ 15% 50', cols)[3]).toBe('≤ 15%');
    expect(splitFlatRow('Z3 Bandi per le borse di studio Domande evase entro 90% 50', cols)[3]).toBe('90%');
  });

  it('reads a unit-of-measure column between the indicator and its target', () => {
    const cols = columns('Indicatore Unità di misura Target 2030 Peso');
    expect(cols.map((c) => c.field)).toEqual(['indicator', 'unit', 'target', 'weight']);
    expect(splitFlatRow('tratti di ciclabile aperti km 12 70', cols)).toEqual([
      'tratti di ciclabile aperti',
      'km',
      '12',
      '70',
    ]);
  });

  it('puts a wrapped line back in the cell it finishes', () => {
    const lines = [
      'Cod. Obiettivo Indicatore Target Peso',
      'W1 Riordino degli archivi della polizia locale fascicoli riordinati 400 50',
      'W2 Bando per i contributi alle Domande liquidate entro 30/09/2030 50',
      'associazioni sportive',
      'W3 Censimento delle fontane e dei contatori idrici verificati 90% 100',
    ];
    const rows = readTables(lines)[0]!.rows.map((r) => r.cells.slice(0, 3));
    expect(rows[1]).toEqual(['W2', 'Bando per i contributi alle associazioni sportive', 'Domande liquidate']);
    expect(rows[2]).toEqual(['W3', 'Censimento delle fontane e dei', 'contatori idrici verificati']);
  });

  it('ends a table at the heading of the next section, and never takes a row of figures for a matrix header', () => {
    const lines = [
      'Cod. Obiettivo Indicatore Target Peso',
      'V1 Apertura del nuovo asilo nido posti attivati 24 100',
      'Settore 4 – Cultura e Turismo',
    ];
    expect(readTables(lines)[0]!.lineEnd).toBe(1);
    expect(readHeader('iscrizioni on line\tn.\t30\t50')).toBeNull();
  });
});

describe('headings', () => {
  it('keeps the name after the dash of a numbered unit, and drops any other note', () => {
    expect(readHeading('Settore 5 – Servizi Demografici')?.structure).toBe('Settore 5 – Servizi Demografici');
    expect(readHeading('Settore Servizi Demografici – anno 2030')?.structure).toBe('Settore Servizi Demografici');
  });
});

describe('label / value sheets in PDF text', () => {
  it('reads a run of label lines in ordinary case with a code among them, joining a wrapped value', () => {
    const lines = [
      'Codice obiettivo TR-30-02',
      'Titolo Riqualificazione energetica della palestra comunale',
      'Descrizione Sostituzione degli infissi e del generatore di calore, con',
      'monitoraggio dei consumi per due stagioni.',
      'Responsabile Arch. Nadia Ferri',
      'Peso 30',
    ];
    const values = readLabelValues(lines).map((v) => [v.field, v.value]);
    expect(values).toEqual([
      ['code', 'TR-30-02'],
      ['title', 'Riqualificazione energetica della palestra comunale'],
      [
        'description',
        'Sostituzione degli infissi e del generatore di calore, con monitoraggio dei consumi per due stagioni.',
      ],
      ['owner', 'Arch. Nadia Ferri'],
      ['weight', '30'],
    ]);
  });

  it('takes one line for a stacked code and stops a stacked value at the next record’s code', () => {
    const code = readLabelValues(['Codice obiettivo:', 'PX - 3', 'Riferimento al programma']);
    expect(code[0]?.value).toBe('PX - 3');
    const value = readLabelValues(['Azione', 'Mobilità dolce', '2030_OB_77_1 Piste ciclabili di quartiere']);
    expect(value[0]?.value).toBe('Mobilità dolce');
  });

  it('reads a form row whose cells ran together after its number sign', () => {
    const { values } = readInline('C Nr. 4 Descrizione obiettivo Orti urbani condivisi nel quartiere est');
    expect(values.map((v) => [v.field, v.value])).toEqual([
      ['code', '4'],
      ['description', 'Orti urbani condivisi nel quartiere est'],
    ]);
  });
});

describe('readCodeCascade', () => {
  it('cuts a flattened cascade of codes into its deepest records, title and structure apart', () => {
    const lines = [
      'OBIETTIVO STRATEGICO OBIETTIVO OPERATIVO OBIETTIVO DI PERFORMANCE STRUTTURA',
      '04.01 TERRITORIO SICURO 04.01.01 Prevenzione dei rischi naturali 04.01.01.01 Aggiornare il piano',
      'comunale di protezione civile Ufficio Protezione Civile',
      '04.01.01.02 Esercitazione annuale con le scuole Ufficio Protezione Civile',
      '04.01.02 Manutenzione del reticolo idrico 04.01.02.01 Pulizia dei fossi e dei canali Servizio Ambiente',
      'AREA TECNICA',
    ];
    const cascade = readCodeCascade(lines, new Set());
    expect(cascade?.records.map((r) => [r.code, r.title, r.structure])).toEqual([
      ['04.01.01.01', 'Aggiornare il piano comunale di protezione civile', 'Ufficio Protezione Civile'],
      ['04.01.01.02', 'Esercitazione annuale con le scuole', 'Ufficio Protezione Civile'],
      ['04.01.02.01', 'Pulizia dei fossi e dei canali', 'Servizio Ambiente'],
    ]);
  });

  it('leaves a tabbed table, or codes that nest nothing, to the other readers', () => {
    const tabbed = ['01.01\t01.01.01 Uno\t01.01.01.01 Primo obiettivo\tUfficio A'];
    expect(readCodeCascade([...tabbed, ...tabbed, ...tabbed], new Set())).toBeNull();
    expect(readCodeCascade(['Obiettivo 1.2 e 1.3 del piano', 'vedi 2.1 e 2.4'], new Set())).toBeNull();
  });
});

describe('code shapes', () => {
  it('stretch a long shape to its family: the same first group and separators', () => {
    const shapes = learnCodeShapes(['2030_OB_11_1', '2030_OB_11_2', '2030_OB_12_1']);
    expect(shapes.isCode('2030_OB_11_B')).toBe(true);
    expect(shapes.isCode('2030_OB_1X_3')).toBe(true);
    expect(shapes.isCode('M_11_1_1')).toBe(false);
  });
});

describe('datedPhase', () => {
  it('sets the dates that read as dates and the weight that is written', () => {
    const span = { doc: 'x', lineStart: 1, lineEnd: 1 };
    expect(datedPhase({ title: 'Gara', span }, { start: '01/02/2030', end: 'da definire', weight: '20' })).toEqual({
      title: 'Gara',
      span,
      start: { text: '01/02/2030', iso: '2030-02-01' },
      weight: { text: '20', value: 20 },
    });
  });
});

/**
 * An office PDF writes a table cell by cell: a cell's wrapped lines, then the next cell's, the cells of one line
 * height on one line. Headers wrap in their narrow columns, rows come as their text cells then their figures.
 */
describe('tables an office PDF wrote cell by cell', () => {
  it('joins a header wrapped over short lines, and reads rows whose figures follow their text lines', () => {
    const lines = [
      'Codice Obiettivo',
      'operativo',
      'Indicatore Valore atteso Peso',
      '5.01 Apertura',
      'serale della',
      'biblioteca',
      'ore di apertura',
      'aggiunte',
      '6 100',
    ];
    const [table] = readTables(lines, undefined, new Set(), learnCodeShapes(['5.01', '5.02']));
    expect(table?.columns.map((c) => c.field)).toEqual(['code', 'objective', 'indicator', 'target', 'weight']);
    expect(table?.rows.map((r) => [r.line, r.lineEnd, r.cells[3], r.cells[4]])).toEqual([[3, 8, '6', '100']]);
  });

  it('opens a row with no code column where the lines below complete it', () => {
    const lines = ['Indicatore Valore atteso Peso', 'fascicoli del personale', 'digitalizzati', '250 40'];
    expect(readTables(lines)[0]?.rows.map((r) => r.cells)).toEqual([
      ['fascicoli del personale digitalizzati', '250', '40'],
    ]);
  });

  it('reads a numbered item whose weight follows its title on a line of its own', () => {
    const lines = [
      'Obiettivi assegnati Peso',
      'n. 1 Riordino del deposito',
      'comunale',
      '55',
      'n. 2 Nuovo sito web 45',
    ];
    expect(
      readNumberedLists(lines)
        .flat()
        .map((i) => [i.n, i.title, i.weight]),
    ).toEqual([
      ['1', 'Riordino del deposito comunale', '55'],
      ['2', 'Nuovo sito web', '45'],
    ]);
  });

  it('takes a bare number for a page number only at the top or bottom of its PDF page', () => {
    const lines = ['Titolo', 'n. 1 Riordino del deposito', '55', 'altro testo', '7'];
    expect([...pageNoiseLines(lines, [1, 1, 1, 1, 1])]).toEqual([4]);
    expect([...pageNoiseLines(lines)].sort()).toEqual([2, 4]);
  });
});
