/**
 * The primitives on text as PDFs and real plans give it: hyphenated words, running headers with no page number,
 * labels qualified before their colon, labels inside prose, numbered lists without leader dots, flattened table
 * rows that wrap, years side by side, a code cell before the objective, an owner between two text columns.
 */
import { describe, expect, it } from 'vitest';
import { learnCodeShapes } from '../../../../ingest/extractors/primitives/code-shapes.ts';
import { readScopes } from '../../../../ingest/extractors/primitives/heading-scopes.ts';
import { documentWords, healHyphens } from '../../../../ingest/extractors/primitives/hyphenation.ts';
import { readInline, readLabelValues } from '../../../../ingest/extractors/primitives/label-values.ts';
import { readNumberedLists } from '../../../../ingest/extractors/primitives/numbered-list.ts';
import { pageNoiseLines } from '../../../../ingest/extractors/primitives/page-noise.ts';
import { readOwners } from '../../../../ingest/extractors/primitives/people.ts';
import { readHeader, readTables } from '../../../../ingest/extractors/primitives/table-reader.ts';

describe('healHyphens', () => {
  it('joins a word the line end broke, and keeps the hyphen of a compound', () => {
    const words = documentWords(['gli ambulatori del distretto']);
    expect(healHyphens('visite negli ambu- latori', words)).toBe('visite negli ambulatori');
    expect(healHyphens('personale tecnico- amministrativo', words)).toBe('personale tecnico-amministrativo');
    // never seen whole in the document and no compound part: the break was inside one word
    expect(healHyphens('corsi per il perso- nale', words)).toBe('corsi per il personale');
    // a spaced dash between words is no hyphenation
    expect(healHyphens('Viabilità - strade', words)).toBe('Viabilità - strade');
  });

  it('follows the document where it writes the compound with its hyphen', () => {
    const words = documentWords(['il servizio socio-educativo comunale']);
    expect(healHyphens('centro socio- educativo', words)).toBe('centro socio-educativo');
  });
});

describe('pageNoiseLines', () => {
  it('takes a running header without a page number when it sits by one, everywhere it is written', () => {
    const lines = [
      'Ente Parco delle Gole Piano 2030',
      'Cod. Obiettivo Peso',
      'PG.1 Sentieri 40',
      'Pagina 1 di 2',
      'Ente Parco delle Gole Piano 2030',
      'PG.2 Rifugi 60',
    ];
    expect([...pageNoiseLines(lines)].sort()).toEqual([0, 3, 4]);
  });

  it('never takes a repeated label or value for a running line', () => {
    const lines = ['Obiettivo operativo n.', 'AB.1', 'Pagina 1 di 2', 'Obiettivo operativo n.', 'AB.2'];
    expect([...pageNoiseLines(lines)]).toEqual([2]);
  });
});

describe('label values', () => {
  it('reads a label qualified before its colon', () => {
    expect(readInline('Referente tecnico: Ing. Olga Marri').values).toMatchObject([
      { field: 'owner', value: 'Ing. Olga Marri' },
    ]);
  });

  it('reads no field from a lower-case label inside a sentence', () => {
    const { lead, values } = readInline('Le schede seguenti non riportano il codice: vanno cercate per titolo');
    expect(values).toEqual([]);
    expect(lead).toContain('codice');
  });

  it('cuts single-spaced inline labels once each, a long label holding a shorter one', () => {
    expect(readInline('Indicatore: varchi attivi Valore atteso: 12 Scadenza: 30/04/2031').values).toMatchObject([
      { field: 'indicator', value: 'varchi attivi' },
      { field: 'target', value: '12' },
      { field: 'end', value: '30/04/2031' },
    ]);
  });

  it('keeps the first line under a stacked label even when it opens like a label', () => {
    expect(readLabelValues(['Valore obiettivo:', 'entro il 31/03/2031', 'Peso:', '15'])).toMatchObject([
      { field: 'target', value: 'entro il 31/03/2031' },
      { field: 'weight', value: '15' },
    ]);
  });

  it('goes on to the next line after a hyphenated word or a joining word', () => {
    expect(readLabelValues(['Obiettivo: Censimento delle fonta-', 'nelle storiche e', 'dei lavatoi'])).toMatchObject([
      { field: 'objective', value: 'Censimento delle fonta- nelle storiche e dei lavatoi', lineEnd: 2 },
    ]);
  });

  it('reads a sheet whose labels and values ran together in capitals, and only such a run', () => {
    const sheet = ['CODICE OBIETTIVO GV-31-2', 'DENOMINAZIONE RETE DEI FONTANILI', 'RESPONSABILE LODI CARLA'];
    expect(readLabelValues(sheet).map((v) => [v.field, v.value])).toEqual([
      ['code', 'GV-31-2'],
      ['title', 'RETE DEI FONTANILI'],
      ['owner', 'LODI CARLA'],
    ]);
    expect(readLabelValues(['AREA SERVIZI TECNICI', 'SETTORE LAVORI PUBBLICI'])).toEqual([]);
  });
});

describe('heading scopes', () => {
  it('takes no heading from a line finishing a sentence broken off above', () => {
    const lines = ['Descrizione: nuove panchine e', 'Area fitness nel parco', '', 'Area Cultura e Turismo'];
    expect(readScopes(lines, new Set([0]), new Map()).map((s) => s.structure)).toEqual(['Area Cultura e Turismo']);
  });
});

describe('numbered lists', () => {
  it('reads an item wrapped over two lines and a weight label before the weight', () => {
    const lists = readNumberedLists([
      '1. Riordino della biblioteca ragazzi ........ peso 60',
      '2. Prestito digitale per le scuole medie e',
      '   superiori del territorio ......... peso 40',
    ]);
    expect(lists[0]!.map((i) => [i.n, i.title, i.weight, i.lineEnd])).toEqual([
      ['1', 'Riordino della biblioteca ragazzi', '60', 0],
      ['2', 'Prestito digitale per le scuole medie e superiori del territorio', '40', 2],
    ]);
  });

  it('reads a PDF list with the weight after one space only when the weights add to 100 or a header says so', () => {
    const items = ['n. 1 Nuovo orario degli sportelli 70', 'n. 2 Carta dei servizi 2031 30'];
    expect(readNumberedLists(items)[0]!.map((i) => i.weight)).toEqual(['70', '30']);
    expect(readNumberedLists(['n. 1 Nuovo orario degli sportelli 70', 'n. 2 Carta dei servizi 2031 20'])).toEqual([]);
    expect(readNumberedLists(['Obiettivi Peso', 'n. 1 Sportelli 70', 'n. 2 Carta dei servizi 20'])).toHaveLength(1);
  });
});

describe('tables as PDFs and real plans write them', () => {
  it('reads years alone as target columns side by side', () => {
    const header = readHeader('Codice Obiettivo Indicatore 2031 2032 2033');
    expect(header?.columns.map((c) => [c.field, c.year])).toEqual([
      ['code', undefined],
      ['objective', undefined],
      ['indicator', undefined],
      ['target', 2031],
      ['target', 2032],
      ['target', 2033],
    ]);
  });

  it('splits an owner between text columns of a flattened row', () => {
    const lines = [
      'Cod. Obiettivo Responsabile Indicatore 2031 2032',
      'Q.1 Boschi urbani Dott.ssa Ada Neri alberi piantati 50 80',
    ];
    const [t] = readTables(lines, undefined, new Set(), learnCodeShapes(['Q.1', 'Q.2']));
    expect(t!.rows[0]!.cells).toEqual(['Q.1', 'Boschi urbani', 'Dott.ssa Ada Neri', 'alberi piantati', '50', '80']);
  });

  it('reads again whole a flattened row wrapped before its typed cells', () => {
    const lines = [
      'Cod. Obiettivo Indicatore Peso Responsabile Scadenza',
      'K.1 Riordino degli archivi di deposito del',
      'municipio n. faldoni riordinati 30 Rossi M. 30/09/2031',
      'K.2 Portale dei tributi n. accessi 70 Bruni A. 31/12/2031',
    ];
    const [t] = readTables(lines, undefined, new Set(), learnCodeShapes(['K.1', 'K.2']));
    expect(t!.rows.map((r) => r.cells)).toEqual([
      [
        'K.1',
        'Riordino degli archivi di deposito del municipio',
        'n. faldoni riordinati',
        '30',
        'Rossi M.',
        '30/09/2031',
      ],
      ['K.2', 'Portale dei tributi', 'n. accessi', '70', 'Bruni A.', '31/12/2031'],
    ]);
  });

  it('puts a code column before an objective column whose rows open with a code cell', () => {
    const lines = ['Obiettivo\tIndicatore\tPeso', 'Z9.1\tMappe catastali\tfogli digitalizzati\t40'];
    const [t] = readTables(lines);
    expect(t!.columns.map((c) => c.field)).toEqual(['code', 'objective', 'indicator', 'weight']);
    expect(t!.rows[0]!.cells).toEqual(['Z9.1', 'Mappe catastali', 'fogli digitalizzati', '40']);
  });
});

describe('readOwners', () => {
  it("keeps an initial's full stop", () => {
    expect(readOwners('Neri A.').people).toEqual([{ name: 'Neri A.' }]);
  });
});

describe('label variants of other entities', () => {
  it.each([
    ['Responsabile del procedimento', 'owner'],
    ['Missione/Programma', 'strategic'],
    ['Obiettivo operativo n.', 'objective'],
    ['Cod. obiettivo', 'code'],
    ['Dirigente responsabile', 'owner'],
    ['Unità organizzativa', 'structure'],
    ['Indicatore di risultato', 'indicator'],
    ['Valore obiettivo', 'target'],
    ['Target 2031', 'target'],
    ['Peso %', 'weight'],
    ['Data fine', 'end'],
    ['Termine', 'end'],
  ])('reads "%s" alone on its line as a %s label', (label, field) => {
    expect(readLabelValues([label, 'valore scritto sotto']).map((v) => v.field)).toEqual([field]);
  });
});

describe('a flattened matrix of full names', () => {
  it('merges the header words into one column per person when the rows fill only half of them', () => {
    const lines = [
      'Cod. Obiettivo Marta Bini Ugo Ferri Lea Conti',
      'M.1 Riordino del protocollo 40 - 20',
      'M.2 Nuovo sito istituzionale - 60 -',
    ];
    const [t] = readTables(lines, undefined, new Set(), learnCodeShapes(['M.1', 'M.2']));
    expect(t!.columns.map((c) => c.label)).toEqual(['Cod.', 'Obiettivo', 'Marta Bini', 'Ugo Ferri', 'Lea Conti']);
    expect(t!.rows.map((r) => r.cells)).toEqual([
      ['M.1', 'Riordino del protocollo', '40', '-', '20'],
      ['M.2', 'Nuovo sito istituzionale', '-', '60', '-'],
    ]);
  });
});

describe('more flattened headers and rows', () => {
  it('reads a leading "N." as the row-number column and a unit between text columns', () => {
    const lines = [
      'N. Obiettivo Struttura Indicatore Target Peso',
      '1 Sportello unico per i tirocini Area Didattica e Servizi tirocini attivati 120 60',
      '2 Inventario dei laboratori Servizio Patrimonio beni inventariati 900 40',
    ];
    const [t] = readTables(lines);
    expect(t!.columns.map((c) => c.field)).toEqual(['code', 'objective', 'structure', 'indicator', 'target', 'weight']);
    expect(t!.rows.map((r) => r.cells)).toEqual([
      ['1', 'Sportello unico per i tirocini', 'Area Didattica e Servizi', 'tirocini attivati', '120', '60'],
      ['2', 'Inventario dei laboratori', 'Servizio Patrimonio', 'beni inventariati', '900', '40'],
    ]);
  });

  it('reads a header of one indicator and targets for two years', () => {
    expect(readHeader('Indicatore Valore atteso 2031 Valore atteso 2032')?.columns.map((c) => c.year)).toEqual([
      undefined,
      2031,
      2032,
    ]);
  });
});

describe('a title run into its indicator with no opener or capital between them', () => {
  const shapes = learnCodeShapes(['R.1', 'R.2']);
  const header = 'Cod. Obiettivo Indicatore Target Peso';

  it('opens the indicator at a noun of the title written again', () => {
    const [t] = readTables(
      [header, 'R.1 Verifiche sugli ascensori comunali ascensori verificati 12 50'],
      undefined,
      new Set(),
      shapes,
    );
    expect(t!.rows[0]!.cells.slice(1, 3)).toEqual(['Verifiche sugli ascensori comunali', 'ascensori verificati']);
  });

  it('else at a noun and the participle closing the row', () => {
    const [t] = readTables(
      [header, 'R.2 Mostra sul Novecento in biblioteca visitatori accolti 900 50'],
      undefined,
      new Set(),
      shapes,
    );
    expect(t!.rows[0]!.cells.slice(1, 3)).toEqual(['Mostra sul Novecento in biblioteca', 'visitatori accolti']);
  });

  it('leaves the text whole when neither cue is there', () => {
    const [t] = readTables([header, 'R.1 Festa della musica in piazza concerti 4 50'], undefined, new Set(), shapes);
    expect(t!.rows[0]!.cells.slice(1, 3)).toEqual(['Festa della musica in piazza concerti', '']);
  });
});
