import { describe, expect, it } from 'vitest';
import { codeSignature, learnCodeShapes, readCodeLine } from '../../../../ingest/extractors/primitives/code-shapes.ts';
import { findIssuingBody } from '../../../../ingest/extractors/primitives/entity.ts';
import { readHeading, readScopes, scopeAt } from '../../../../ingest/extractors/primitives/heading-scopes.ts';
import { readMatrix } from '../../../../ingest/extractors/primitives/matrix-reader.ts';
import { readNumberedLists } from '../../../../ingest/extractors/primitives/numbered-list.ts';
import { isPageNoise } from '../../../../ingest/extractors/primitives/page-noise.ts';
import { readOwners } from '../../../../ingest/extractors/primitives/people.ts';
import { readPhaseList } from '../../../../ingest/extractors/primitives/phase-list.ts';
import { readTables } from '../../../../ingest/extractors/primitives/table-reader.ts';

describe('code shapes', () => {
  it('learns the shapes that recur in code positions, and no plain numbers', () => {
    expect(codeSignature('ZT-2031-04')).toBe('A-9-9');
    const shapes = learnCodeShapes(['ZT-2031-04', 'QQ-2031-05', '3', '4', 'Premessa']);
    expect(shapes.shapes).toEqual(['A-9-9']);
    expect(shapes.isCode('AB-1-2')).toBe(true);
    expect(shapes.isCode('12')).toBe(false);
  });

  it('reads a line opening with a learned code as code and title', () => {
    const shapes = learnCodeShapes(['P_31_1', 'P_31_2']);
    expect(readCodeLine('P_31_7 Riordino degli uffici comunali', shapes)).toEqual({
      code: 'P_31_7',
      title: 'Riordino degli uffici comunali',
    });
    expect(readCodeLine('1.2 Premessa generale del piano', learnCodeShapes(['1.2', '1.3']))).toBeNull();
  });
});

describe('readOwners', () => {
  it('keeps titles and ranks apart and a structure named after a dash', () => {
    expect(readOwners('Comm. Lia Berti – Servizio Vigilanza')).toEqual({
      people: [{ name: 'Lia Berti', title: 'Comm.' }],
      structure: 'Servizio Vigilanza',
    });
  });

  it('reads several people and drops a role written after the name', () => {
    expect(readOwners('Ada Neri -- Ing. Bruno Sala').people.map((p) => p.name)).toEqual(['Ada Neri', 'Bruno Sala']);
    expect(readOwners('Ugo Pini (funzionario), su delega').people).toEqual([{ name: 'Ugo Pini' }]);
    expect(readOwners('da nominare').people).toEqual([]);
  });
});

describe('heading scopes', () => {
  it('reads the structure a heading names and the owner written in it or below it', () => {
    expect(readHeading('2. SETTORE AMBIENTE (Dirigente: Ing. Rita Sacchi)')).toEqual({
      structure: 'SETTORE AMBIENTE',
      owner: { people: [{ name: 'Rita Sacchi', title: 'Ing.' }] },
    });
    expect(readHeading('Servizio: Polizia Locale')).toBeNull();
    const lines = ['AREA TECNICA', 'Obiettivi vari', 'Area Amministrativa', 'Altro'];
    const scopes = readScopes(lines, new Set(), new Map());
    expect(scopeAt(scopes, 1)?.structure).toBe('AREA TECNICA');
    expect(scopeAt(scopes, 3)?.structure).toBe('Area Amministrativa');
  });
});

describe('readMatrix', () => {
  it('gives each row the columns where its weight is not zero, completing surnames from a legend', () => {
    const lines = [
      'Pesi per dirigente',
      'Cod.\tObiettivo\tSala\tPoli',
      'M1\tArchivio\t30\t0',
      'M2\tPortale\t-\t20%',
      '',
      'Dirigenti: Sala Mirko, Poli Ines',
    ];
    const table = readTables(lines)[0]!;
    const m = readMatrix(table, lines);
    expect(m?.holdersArePeople).toBe(true);
    expect(m?.assignments.map((a) => a.holders)).toEqual([['Sala Mirko'], ['Poli Ines']]);
  });
});

describe('readNumberedLists', () => {
  it('reads runs of numbered items that end in a weight, and no prose numbering', () => {
    const lists = readNumberedLists(['n. 1 Riordino ....... 40', 'n. 2 Inventario ..... 60', '', '1. Premessa']);
    expect(lists.map((l) => l.map((i) => [i.n, i.title, i.weight]))).toEqual([
      [
        ['1', 'Riordino', '40'],
        ['2', 'Inventario', '60'],
      ],
    ]);
  });
});

describe('readPhaseList', () => {
  it('splits phases on semicolons and reads their dates and weights', () => {
    expect(readPhaseList('gara entro il 31/03/2031; lavori dal 01/04/2031 al 30/09/2031 (peso 60%)')).toEqual([
      { title: 'gara', end: { text: '31/03/2031', iso: '2031-03-31' } },
      {
        title: 'lavori',
        start: { text: '01/04/2031', iso: '2031-04-01' },
        end: { text: '30/09/2031', iso: '2031-09-30' },
        weight: { text: '60%', value: 60 },
      },
    ]);
  });
});

describe('page noise', () => {
  it('recognises page numbers and running footers ending in one', () => {
    expect(isPageNoise('Pag. 3 di 12')).toBe(true);
    expect(isPageNoise('- 14 -')).toBe(true);
    expect(isPageNoise('Piano 2031 – Comune di Esempio            pagina 7')).toBe(true);
    expect(isPageNoise('Peso 40')).toBe(false);
  });
});

describe('findIssuingBody', () => {
  it('takes the body the title page opens with, not a place the text mentions more', () => {
    const lines = [
      'COMUNE DI BORGO FINTO',
      'Provincia di Capoluogo Finto',
      'Il piano recepisce gli indirizzi della Provincia di Capoluogo Finto e della Provincia di Capoluogo Finto.',
    ];
    expect(findIssuingBody(lines)).toBe('Comune di Borgo Finto');
  });

  it('reads a body named without "di" on the title page', () => {
    expect(findIssuingBody(['AGENZIA REGIONALE PER LE ACQUE INTERNE (ARAI)', 'Piano 2031'])).toBe(
      'Agenzia Regionale per le Acque Interne',
    );
  });

  it('takes the comune under a regional letterhead, and a title that runs on into "della Provincia di …"', () => {
    expect(findIssuingBody(['REGIONE AUTONOMA FINTA', 'COMUNE DI BORGO FINTO', 'Piano 2031'])).toBe(
      'Comune di Borgo Finto',
    );
    expect(
      findIssuingBody([
        'Piano della performance 2031',
        'della Provincia di Capoluogo Finto',
        'Il piano tiene conto degli indirizzi del Comune di Capoluogo Finto.',
      ]),
    ).toBe('Provincia di Capoluogo Finto');
  });

  it('takes the running header of every page over a provincia named once at the top', () => {
    const lines = [
      'ALLEGATO 1 alla deliberazione n. 45',
      'Piano della performance 2031',
      'Provincia di Capoluogo Finto: accordo per la viabilità',
      'Comune di Borgo Finto – Piano 2031 Pagina 1 di 2',
      'Comune di Borgo Finto – Piano 2031 Pagina 2 di 2',
    ];
    expect(findIssuingBody(lines)).toBe('Comune di Borgo Finto');
  });

  it('says sconosciuto when no body is named', () => {
    expect(findIssuingBody(['Note di lavoro'])).toBe('sconosciuto');
  });
});
