import { describe, expect, it } from 'vitest';
import { joinWrapped } from '../../../../ingest/extractors/primitives/wrapped-text.ts';

describe('joinWrapped', () => {
  it('joins pieces with one space, skipping blank ones', () => {
    expect(joinWrapped(['Ufficio  tributi', '', '  e riscossione '])).toBe('Ufficio tributi e riscossione');
  });

  it('heals a word hyphenated at the line end, but keeps a dash before a capital', () => {
    expect(joinWrapped(['servizio socio-', 'educativo'])).toBe('servizio socio-educativo');
    expect(joinWrapped(['con la Provincia-', 'Avviare i lavori'])).toBe('con la Provincia- Avviare i lavori');
  });

  it('glues a break after a slash and a line opening with punctuation', () => {
    expect(joinWrapped(['grado di gradimento/', 'reclami'])).toBe('grado di gradimento/reclami');
    expect(joinWrapped(['Fase 2', '. Collaudo'])).toBe('Fase 2. Collaudo');
  });
});
