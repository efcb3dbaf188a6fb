import { describe, expect, it } from 'vitest';
import { parseDateRange } from '../../src/answer/date-range.ts';
import { findDates } from '../../src/linking/find-dates.ts';
import { fold } from '../../src/plan/text.ts';

const read = (q: string, defaultYear: number | null = null) =>
  findDates(fold(q), { defaultYear }).dates.map(({ op, iso, iso2, month }) => ({
    op,
    iso,
    ...(iso2 ? { iso2 } : {}),
    ...(month ? { month } : {}),
  }));

describe('findDates: one reader for days, months, spans and parts of a year', () => {
  it.each([
    ['cosa finisce il 15/04/2023', [{ op: 'eq', iso: '2023-04-15' }]],
    ['attività da chiudere entro il 30/11/2022', [{ op: 'lte', iso: '2022-11-30' }]],
    ['consegne successive al 01/02/2023', [{ op: 'gt', iso: '2023-02-01' }]],
    ['a partire dal 10/05/2022', [{ op: 'gte', iso: '2022-05-10' }]],
    ['scadenze di ottobre 2022', [{ op: 'between', iso: '2022-10-01', iso2: '2022-10-31' }]],
    ['cose da fare prima di aprile 2023', [{ op: 'lt', iso: '2023-04-01' }]],
    ['quello che chiude fra febbraio e aprile 2024', [{ op: 'between', iso: '2024-02-01', iso2: '2024-04-30' }]],
    ['dal 01/02/2022 al 15/03/2022', [{ op: 'between', iso: '2022-02-01', iso2: '2022-03-15' }]],
    ['nel primo trimestre 2023', [{ op: 'between', iso: '2023-01-01', iso2: '2023-03-31' }]],
    ['nella seconda metà del 2022', [{ op: 'between', iso: '2022-07-01', iso2: '2022-12-31' }]],
    ['entro il primo semestre 2024', [{ op: 'lte', iso: '2024-06-30' }]],
    ['what closes in the third quarter of 2022', [{ op: 'between', iso: '2022-07-01', iso2: '2022-09-30' }]],
    ['tasks from March to May 2023', [{ op: 'between', iso: '2023-03-01', iso2: '2023-05-31' }]],
    ['ogni anno il 30/09', [{ op: 'eq', iso: '--09-30' }]],
  ])('%s', (q, expected) => {
    expect(read(q)).toEqual(expected);
  });

  it('reads a month or a part of a year without one in the year given, or as that month of any year', () => {
    expect(read('nel secondo semestre', 2022)).toEqual([{ op: 'between', iso: '2022-07-01', iso2: '2022-12-31' }]);
    expect(read('cosa scade a novembre')).toEqual([{ op: 'eq', iso: '', month: 11 }]);
  });

  it('reads no month inside another word, nor "may" the verb', () => {
    expect(read('progetti con budget maggiore di 300.000')).toEqual([]);
    expect(read('which objectives may end soon')).toEqual([]);
    expect(read('due in May 2022')).toEqual([{ op: 'between', iso: '2022-05-01', iso2: '2022-05-31' }]);
  });

  it('blanks what it read, so its digits are no amount', () => {
    const { masked } = findDates(fold('fasi entro il 31/03/2023 con peso 20'));
    expect(masked).not.toContain('2023');
    expect(masked).toContain('peso 20');
  });

  it('keeps a code that looks like a date for the codes, blanked all the same', () => {
    const { dates, masked } = findDates('obiettivi sotto 07.02.03', { isCode: (t) => t === '07.02.03' });
    expect(dates).toEqual([]);
    expect(masked).not.toContain('07.02.03');
  });
});

describe('parseDateRange: the deadline routes read the same expressions', () => {
  it.each([
    ['scadenze entro il 31/10/2022', null, { to: '2022-10-31' }],
    ['cosa scade tra marzo e maggio 2023', null, { from: '2023-03-01', to: '2023-05-31' }],
    ['deadlines in the second half', 2021, { from: '2021-07-01', to: '2021-12-31' }],
    ['scadenze a luglio', null, { month: 7 }],
    ['scadenze a luglio', 2020, { from: '2020-07-01', to: '2020-07-31' }],
  ])('%s (%s)', (q, year, expected) => {
    expect(parseDateRange(q, year)).toMatchObject(expected);
  });

  it('is null when no period is named', () => {
    expect(parseDateRange('chi è il responsabile?', null)).toBeNull();
  });
});
