import { describe, expect, it } from 'vitest';
import { learnCodeShapes } from '../../../../ingest/extractors/primitives/code-shapes.ts';
import { readHeader, readTables } from '../../../../ingest/extractors/primitives/table-reader.ts';

const fields = (line: string) => readHeader(line)?.columns.map((c) => c.field);

describe('readHeader', () => {
  it('recognises a header from the lexicon, tabbed, spaced or flattened with single spaces', () => {
    expect(fields('Cod.\tAttività\tScadenza')).toEqual(['code', 'phase', 'end']);
    expect(fields('Obiettivo    Indicatore    Target    Peso')).toEqual(['objective', 'indicator', 'target', 'weight']);
    expect(fields('Codice Obiettivo Indicatore Valore atteso Peso %')).toEqual([
      'code',
      'objective',
      'indicator',
      'target',
      'weight',
    ]);
  });

  it('reads the year of a column and keeps unknown columns (people, structures) as unnamed', () => {
    const h = readHeader('Codice\tObiettivo\tTarget 2031\tTarget 2032\tVerdi\tNeri');
    expect(h?.columns.map((c) => [c.field, c.year])).toEqual([
      ['code', undefined],
      ['objective', undefined],
      ['target', 2031],
      ['target', 2032],
      [null, undefined],
      [null, undefined],
    ]);
  });

  it('takes no line of prose for a header', () => {
    expect(readHeader("L'obiettivo del servizio è ridurre i tempi di attesa")).toBeNull();
  });
});

describe('readTables', () => {
  it('joins a wrapped cell to the row above (the first column left blank)', () => {
    const lines = ['Cod.\tObiettivo\tPeso', 'K1\tRiordino del\t50', '\tmagazzino\t', 'K2\tInventario\t50'];
    expect(readTables(lines)[0]?.rows.map((r) => r.cells)).toEqual([
      ['K1', 'Riordino del magazzino', '50'],
      ['K2', 'Inventario', '50'],
    ]);
  });

  it('puts a spaced cell under the header cell it lies under', () => {
    const lines = ['Cod.   Obiettivo           Target   Risultato', 'Z-1    Sportello unico     40       38'];
    expect(readTables(lines)[0]?.rows[0]?.cells).toEqual(['Z-1', 'Sportello unico', '40', '38']);
  });

  it('reads a flattened row from both ends: code first; name, weight and target last; texts between', () => {
    const lines = [
      'Codice Obiettivo Indicatore Target Peso Responsabile',
      'R.1.1 Nuovo portale numero accessi 2.000 30 Bruni Ada',
      'R.1.2 Anagrafe canina percentuale microchip 80% 70 Bruni Ada',
    ];
    const shapes = learnCodeShapes(['R.1.1', 'R.1.2']);
    expect(readTables(lines, undefined, new Set(), shapes)[0]?.rows.map((r) => r.cells)).toEqual([
      ['R.1.1', 'Nuovo portale', 'numero accessi', '2.000', '30', 'Bruni Ada'],
      ['R.1.2', 'Anagrafe canina', 'percentuale microchip', '80%', '70', 'Bruni Ada'],
    ]);
  });

  it('stops at a total row', () => {
    const lines = ['Cod.\tObiettivo\tPeso', 'K1\tRiordino\t50', '\tTotale\t50', 'altro testo'];
    expect(readTables(lines)[0]?.rows).toHaveLength(1);
  });
});
