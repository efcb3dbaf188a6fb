import { describe, expect, it } from 'vitest';
import {
  isMoney,
  placeAmounts,
  splitBudgetAndShare,
  splitTrailingAmounts,
} from '../../../../ingest/extractors/primitives/amount-cells.ts';
import { DATE_IN_TEXT, readDateCell, WHEN_IN_TEXT } from '../../../../ingest/extractors/primitives/date-cells.ts';
import { readFigureTables } from '../../../../ingest/extractors/primitives/figure-tables.ts';
import {
  isMisspelling,
  isNameRun,
  ownerSplitter,
  sameStructure,
} from '../../../../ingest/extractors/primitives/owner-split.ts';
import {
  knownStructures,
  splitTitleAndStructure,
  structureKind,
} from '../../../../ingest/extractors/primitives/structure-cell.ts';
import { splitTrailingTarget } from '../../../../ingest/extractors/primitives/target-cells.ts';
import { tabCells } from '../../../../ingest/extractors/primitives/wrapped-text.ts';

describe('amount cells', () => {
  it('tells a money figure from other figures', () => {
    expect(isMoney('12.500,00')).toBe(true);
    expect(isMoney('-300,50')).toBe(true);
    expect(isMoney('2024')).toBe(false);
    expect(isMoney('12,5 %')).toBe(false);
  });

  it('splits trailing amounts and a share off a row label', () => {
    expect(splitTrailingAmounts('Cap. 210 manutenzione parchi 4.000,00 1.250,00')).toEqual({
      head: 'Cap. 210 manutenzione parchi',
      amounts: ['4.000,00', '1.250,00'],
    });
    expect(splitBudgetAndShare('Verde pubblico 75.000,00 8,40 %')).toEqual({
      head: 'Verde pubblico',
      budget: '75.000,00',
      share: '8,40 %',
    });
  });

  it('places a lone amount in the column that makes the totals add up', () => {
    const rows = [
      { placed: null, amounts: ['100,00', '50,00'] },
      { placed: null, amounts: ['30,00'] },
    ];
    const placed = placeAmounts(rows, 2, ['100,00', '80,00']);
    expect(placed.exact).toBe(true);
    expect(placed.columns[1]).toEqual([null, '30,00']);
  });
});

describe('structure cells', () => {
  it('splits a trailing unit name off a title and names its kind', () => {
    const rows = ['Ridurre i tempi di pagamento Servizio Ragioneria', 'Digitalizzare gli atti Ufficio Protocollo'];
    const known = knownStructures(rows);
    expect(known).toEqual(expect.arrayContaining(['Servizio Ragioneria', 'Ufficio Protocollo']));
    expect(splitTitleAndStructure('Aggiornare il regolamento Servizio Ragioneria', known)).toEqual({
      title: 'Aggiornare il regolamento',
      structure: 'Servizio Ragioneria',
      how: 'known',
    });
    expect(splitTitleAndStructure('Un titolo senza struttura', known).how).toBe('none');
    expect(structureKind('UFFICI DEMOGRAFICI')).toBe('ufficio');
    expect(structureKind('Servizi sociali')).toBe('servizio');
    expect(structureKind('Comando Polizia Locale')).toBe('other');
  });
});

describe('figure tables', () => {
  it('reads a small table of figures with its caption and tabbed header', () => {
    const lines = [
      'Personale in servizio',
      'Categoria\t2022\t2023',
      'Istruttori\t12\t14',
      'Funzionari\t5\t6 (+ 1 TD)',
      '',
      'Testo che segue la tabella.',
    ];
    const [table] = readFigureTables(lines);
    expect(table?.title).toBe('Personale in servizio');
    expect(table?.header).toEqual(['Categoria', '2022', '2023']);
    expect(table?.rows).toEqual([
      { label: 'Istruttori', cells: ['12', '14'] },
      { label: 'Funzionari', cells: ['5', '6 (+ 1 TD)'] },
    ]);
    expect(table?.uncertain).toBeUndefined();
  });
});

describe('date cells', () => {
  it('reads abbreviated months and the year-end rule, keeping the text as written', () => {
    expect(readDateCell('15 set. 2024', undefined)).toEqual({ text: '15 set. 2024', iso: '2024-09-15' });
    expect(readDateCell('entro la fine di ogni anno', 2025)).toEqual({
      text: 'entro la fine di ogni anno',
      iso: '2025-12-31',
    });
    expect(readDateCell('entro la fine di ogni anno', undefined).iso).toBeNull();
    expect(readDateCell('a regime', 2025).iso).toBeNull();
  });

  it('finds the dates written inside a flattened row', () => {
    const row = 'Verifiche svolte 4 30 giu 2024 10 31/12/2024 nessuna';
    expect([...row.matchAll(DATE_IN_TEXT)].map((m) => m[0])).toEqual(['30 giu 2024', '31/12/2024']);
    const when = [...'Collaudo entro la fine dell’anno 100%'.matchAll(WHEN_IN_TEXT)].map((m) => m[0]);
    expect(when).toEqual(['entro la fine dell’anno']);
  });
});

describe('owner split', () => {
  it('splits "structure owner" using the structures and owners the document states elsewhere', () => {
    const cells = ['Tributi e Catasto Neri Anna Maria', 'Polizia Locale Bruni Carlo', 'Tributi Neri Anna Maria'];
    const split = ownerSplitter(cells, ['Tributi e Catasto']);
    expect(split('Tributi e Catasto Neri Anna Maria')).toEqual({
      structure: 'Tributi e Catasto',
      owner: 'Neri Anna Maria',
    });
    expect(split('Polizia Locale Bruni Carlo')).toEqual({ structure: 'Polizia Locale', owner: 'Bruni Carlo' });
    expect(split('senza nome')).toBeNull();
  });

  it('never ends a structure on a connector word', () => {
    const split = ownerSplitter([], []);
    expect(split('Servizi Sociali e Immigrazione Sardi Valentina')).toEqual({
      structure: 'Servizi Sociali e Immigrazione',
      owner: 'Sardi Valentina',
    });
  });

  it('compares structure names loosely and tells a misspelling from an abbreviation', () => {
    expect(sameStructure('Protez. Civile', 'Protezione Civile')).toBe(true);
    expect(isMisspelling('Risorese Umane', 'Risorse Umane')).toBe(true);
    expect(isMisspelling('Protez Civile', 'Protezione Civile')).toBe(false);
    expect(isNameRun('Rossi Maria Grazia')).toBe(true);
    expect(isNameRun('Ufficio tecnico')).toBe(false);
  });
});

describe('target and tab cells', () => {
  it('splits a trailing date or figure off a flattened indicator row', () => {
    expect(splitTrailingTarget('Pratiche evase nei termini 95 %')).toEqual({
      head: 'Pratiche evase nei termini',
      target: '95 %',
    });
    expect(splitTrailingTarget('Adozione del piano 30 giugno 2025')).toEqual({
      head: 'Adozione del piano',
      target: '30 giugno 2025',
    });
    expect(splitTrailingTarget('Nessun valore indicato')).toEqual({ head: 'Nessun valore indicato' });
  });

  it('keeps blank tab cells in their column', () => {
    expect(tabCells('**Totale**\t\t 1.200,00 ')).toEqual(['Totale', '', '1.200,00']);
  });
});
