import { describe, expect, it } from 'vitest';
import { FakeWebEngine } from './fake-web-engine.ts';

describe('FakeWebEngine', () => {
  it('answers a project code from its budget row in the real plans', async () => {
    const answer = await new FakeWebEngine().ask('budget di 2021_PD_8735');
    expect(answer.answer).toContain('1.920.000,00');
    expect(answer.citations[0]).toMatchObject({ doc: '002_51402a20550dfbf2.txt', lines: '1545' });
    expect(answer).toMatchObject({ found: true, lang: 'it', focus: ['2021_PD_8735'] });
  });

  it('adds the staff allocation table, marked internal, for staff only', async () => {
    const engine = new FakeWebEngine();
    const staff = await engine.ask('2021_PD_8735', { audience: 'staff' });
    const citizen = await engine.ask('2021_PD_8735', { audience: 'public' });
    expect(staff.citations.at(-1)).toMatchObject({ internal: true, lines: '2323-2330' });
    expect(staff.citations.at(-1)?.excerpt).toContain('Venturi Lorella\tPosizione Organizzativa\t10,00 %');
    expect(citizen.citations.some((c) => c.internal)).toBe(false);
  });

  it('lets the internal table through to the public when told to, so interfaces can prove they filter it', async () => {
    const answer = await new FakeWebEngine({ leakInternal: true }).ask('2021_PD_8735', { audience: 'public' });
    expect(answer.citations.some((c) => c.internal)).toBe(true);
  });

  it('says plainly when nothing matches, and records every call', async () => {
    const engine = new FakeWebEngine();
    const answer = await engine.ask('What about 2099_PD_0000?', { audience: 'public' });
    expect(answer).toMatchObject({ found: false, lang: 'en', citations: [] });
    expect(engine.calls).toEqual([{ question: 'What about 2099_PD_0000?', options: { audience: 'public' } }]);
  });

  it('fails on demand', async () => {
    await expect(new FakeWebEngine({ failWith: new Error('down') }).ask('x')).rejects.toThrow('down');
  });
});
