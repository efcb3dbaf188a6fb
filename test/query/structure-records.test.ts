/** The records of a structure read through the per-store index, and the set test of objectives against offices. */
import { describe, expect, it } from 'vitest';
import { onStructures, recordsOfStructure } from '../../src/query/structure-records.ts';
import { roccaltaStore } from '../linking/roccalta-plan.ts';

const store = roccaltaStore();
const named = (name: string) => store.structures.find((s) => s.name === name)!;

describe('records of a structure', () => {
  it('reads an office’s objectives by its name, whatever the case the plan wrote', () => {
    const { objectives, projects } = recordsOfStructure(store, {
      ...named('Servizio Foreste'),
      name: 'SERVIZIO FORESTE',
    });
    expect(objectives.map((o) => o.code)).toEqual(['02.01.01.01', '02.02.01.01']);
    expect(projects).toEqual([]);
  });

  it('reads a centre’s projects by its code, in its own plan only', () => {
    const { projects } = recordsOfStructure(store, named('SERVIZIO CULTURA'));
    expect(projects.map((p) => p.code)).toEqual(['2025_PC_5101', '2025_PC_5102', '2025_PC_5103']);
    expect(recordsOfStructure(store, { ...named('SERVIZIO CULTURA'), doc: 'rp.txt' }).projects).toEqual([]);
  });

  it('tests objectives against several offices at once', () => {
    const on = onStructures([named('Alpeggi e Malghe'), named('Ufficio Archivio')]);
    expect(store.objectives.filter(on).map((o) => o.code)).toEqual(['01.01.01.01', '02.01.01.02', '02.01.01.03']);
  });
});
