import { describe, expect, it } from 'vitest';
import { readInline, readLabelValues, stackedLabel } from '../../../../ingest/extractors/primitives/label-values.ts';

const pairs = (line: string) => readInline(line).values.map((v) => [v.field, v.value]);

describe('readInline', () => {
  it('reads several label: value pairs apart by runs of spaces, bars, semicolons or spaced dashes', () => {
    expect(pairs('Codice: X/9   Settore: Cultura   Referente: Ada Neri')).toEqual([
      ['code', 'X/9'],
      ['structure', 'Cultura'],
      ['owner', 'Ada Neri'],
    ]);
    expect(pairs('Indicatore: sale aperte | Valore atteso: 4 ; Peso: 10%')).toEqual([
      ['indicator', 'sale aperte'],
      ['target', '4'],
      ['weight', '10%'],
    ]);
  });

  it('folds accents and case of labels: RESPONSABILITÀ, Responsabilita', () => {
    expect(pairs('CENTRO DI RESPONSABILITA: Ufficio Gare')).toEqual([['structure', 'Ufficio Gare']]);
    expect(pairs('Centro di responsabilità: Ufficio Gare')).toEqual([['structure', 'Ufficio Gare']]);
  });

  it('trusts a label without a colon only before a figure, a date or a code', () => {
    expect(pairs('Indicatore: pratiche evase – peso 25')).toEqual([
      ['indicator', 'pratiche evase'],
      ['weight', '25'],
    ]);
    expect(pairs('Obiettivo Q.7 Nuovo archivio')).toEqual([['objective', 'Q.7 Nuovo archivio']]);
    expect(pairs('Peso degli obiettivi nel sistema di valutazione')).toEqual([]);
  });

  it('keeps a dash inside a value that no label follows', () => {
    expect(pairs('Responsabile: Ugo Pini – Servizio Sport')).toEqual([['owner', 'Ugo Pini – Servizio Sport']]);
  });

  it('reads the number between a label and its colon', () => {
    const [v] = readInline('Fase 2: collaudo – fine: 30/06/2024').values;
    expect([v?.field, v?.ordinal, v?.value]).toEqual(['phase', '2', 'collaudo']);
  });
});

describe('readLabelValues', () => {
  it('reads a stacked label with its value on the next lines, up to the next label', () => {
    const lines = ['Responsabile:', 'Pia Conti', 'Descrizione', 'riordino del', 'magazzino', 'Peso', '20'];
    expect(readLabelValues(lines).map((v) => [v.field, v.value, v.line, v.lineEnd])).toEqual([
      ['owner', 'Pia Conti', 0, 1],
      ['description', 'riordino del magazzino', 2, 4],
      ['weight', '20', 5, 6],
    ]);
  });

  it('takes a line all in capitals for a heading, not a label and its value', () => {
    expect(stackedLabel('SERVIZIO')).not.toBeNull();
    expect(readInline('SERVIZIO ARCHIVIO STORICO').values).toEqual([]);
    expect(pairs('Denominazione RIORDINO ARCHIVIO')).toEqual([['title', 'RIORDINO ARCHIVIO']]);
  });
});
