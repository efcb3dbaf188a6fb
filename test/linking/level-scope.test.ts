/**
 * Sums, counts and comparisons over records named loosely: levels of an invented plan's hierarchy named by number or
 * title words ("la linea di mandato 2", "l'azione Mobilità dolce"), records joined by "+" or named by a word of their
 * own, two offices of one plan each named in part, and a computed sum quoted beside the total the plan states.
 */
import { describe, expect, it } from 'vitest';
import { answerComputation } from '../../src/answer/routes/query-route.ts';
import { packFor } from '../../src/lang/packs.ts';
import { computationFor } from '../../src/linking/frame-to-query.ts';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { normalizeQuestion } from '../../src/linking/normalize-question.ts';
import { type PlanModel, PlanModelSchema } from '../../src/plan/model.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import type { ToolContext } from '../../src/tools/tool-context.ts';
import { SMALL_MODEL } from '../query/small-plan.ts';

const span = (doc: string, line: number) => ({ doc, lineStart: line, lineEnd: line });
const fig = (text: string, value: number) => ({ text, value });
const LINE_1 = '1. LINEA DI MANDATO - UNA CITTÀ CHE LEGGE';
const LINE_2 = '2. LINEA DI MANDATO - UNA CITTÀ CHE SI MUOVE';

/** The small plan, its objectives hung under two lines of mandate, its projects under two azioni with stated totals. */
function levelModel(): PlanModel {
  const m = structuredClone(SMALL_MODEL) as PlanModel;
  m.structures.push(
    { doc: 'a.txt', name: 'Servizio Sport e Tempo Libero', kind: 'servizio', span: span('a.txt', 3) },
    { doc: 'a.txt', name: 'Servizio Musei e Archivi Storici', kind: 'servizio', span: span('a.txt', 4) },
  );
  const [bi01, bi02, sp03] = m.objectives;
  bi01!.strategic = { lineaMandato: LINE_1, obiettivoStrategico: '1.1 LETTURA PER TUTTI' };
  bi02!.strategic = { lineaMandato: LINE_1, obiettivoStrategico: '1.2 BIBLIOTECHE DIGITALI' };
  sp03!.strategic = { lineaMandato: LINE_2, obiettivoStrategico: '2.1 IMPIANTI APERTI' };
  sp03!.structure = 'Servizio Sport e Tempo Libero';
  bi02!.financialAmount = fig('€ 12.000,00', 12000);
  sp03!.financialAmount = fig('€ 3.500,00', 3500);
  const [p4101, p4102, p4201, p4202] = m.projects;
  p4101!.strategic = { azione: 'Mobilità dolce' };
  p4102!.strategic = { azione: 'Mobilità dolce' };
  p4201!.strategic = { azione: 'Casa e quartieri' };
  p4202!.strategic = { azione: 'Casa e quartieri' };
  // a long label named by its opening words, with a total stated in each centre
  p4201!.strategic = { azione: 'Estate ragazzi e servizi per il tempo libero dei minori' };
  for (const [cdr, amount] of [
    ['41', fig('12.000,00', 12000)],
    ['42', fig('0,00', 0)],
  ] as const)
    m.totals.push({
      doc: 'b.txt',
      level: 'azione',
      label: 'Estate ragazzi e servizi per il tempo libero dei minori',
      cdr,
      amount,
      share: null,
      span: span('b.txt', 85),
    });
  m.totals.push({
    doc: 'b.txt',
    level: 'azione',
    label: 'Mobilità dolce',
    cdr: '41',
    amount: fig('1.550.000,50', 1550000.5),
    share: null,
    span: span('b.txt', 80),
  });
  return PlanModelSchema.parse(m);
}

const store = new PlanStore(levelModel());
const frame = (q: string) => linkQuestion(normalizeQuestion(q, store), store);
const compute = (q: string) => computationFor(frame(q), store);
const ctx = { store, audience: 'staff' } as unknown as ToolContext;
const answer = (q: string) => {
  const c = compute(q);
  if (!c) return null;
  return answerComputation(ctx, c, packFor(frame(q).lang));
};

describe('levels of the hierarchy named as the scope', () => {
  it.each([
    ['quanti obiettivi stanno sotto la linea di mandato 02?', LINE_2],
    ['obiettivi della linea di mandato n. 1, quanti sono?', LINE_1],
    ['how many objectives fall under mandate line 2?', LINE_2],
  ])('"%s" names the level by its number', (q, label) => {
    expect(frame(q).levels.map((l) => l.label)).toEqual([label]);
  });

  it('names a level by the words of its title, and reads no record type in its kind words', () => {
    const f = frame("quanti obiettivi ha l'obiettivo strategico biblioteche digitali?");
    expect(f.levels.map((l) => l.label)).toEqual(['1.2 BIBLIOTECHE DIGITALI']);
    expect(f.types).toEqual([]);
  });

  it('takes a level number as no code prefix of the records under it', () => {
    const f = frame("l'obiettivo strategico 1.1 quanti obiettivi raccoglie?");
    expect(f.levels.map((l) => l.label)).toEqual(['1.1 LETTURA PER TUTTI']);
    expect(f.codes).toEqual([]);
  });

  it('counts the records under a level, and only those', () => {
    const reply = answer('quanti obiettivi stanno sotto la linea di mandato 1?');
    const text = reply!.lines.join('\n');
    expect(text).toContain('LV-BI01');
    expect(text).toContain('LV-BI02');
    expect(text).not.toContain('LV-SP03');
  });

  it('compares two levels named by number, each with its count', () => {
    const c = compute('la linea di mandato 1 ha più obiettivi rispetto alla 2?');
    expect(c).toMatchObject({ kind: 'compare_groups', target: 'objective' });
    expect(c?.kind === 'compare_groups' && c.groups.map((g) => g.label)).toEqual([LINE_1, LINE_2]);
  });

  it("sums a level's projects and quotes the plan's own total beside the computed one", () => {
    const c = compute("quanto fanno in tutto i progetti dell'azione mobilità dolce?");
    expect(c).toMatchObject({ kind: 'sum', stated: [{ label: 'Mobilità dolce', cdr: '41' }] });
    const text = answer("quanto fanno in tutto i progetti dell'azione mobilità dolce?")!.lines.join('\n');
    expect(text).toContain('1.200.000,00');
    expect(text).toContain('350.000,50');
    expect(text).toContain('1.550.000,50 (totale indicato nel piano)');
    expect(text).toContain('corrisponde');
  });
});

describe('levels of one kind together', () => {
  it('sums the records under either of two levels named by title, and reads the first title after each kind word', () => {
    const q = "somma dei progetti dell'azione mobilità dolce e dell'azione casa e quartieri";
    expect(frame(q).levels.map((l) => l.label)).toEqual(['Mobilità dolce', 'Casa e quartieri']);
    const c = compute(q);
    expect(c).toMatchObject({ kind: 'sum' });
    expect(c?.kind === 'sum' && c.query.filters).toContainEqual({
      field: 'levels',
      op: 'in',
      values: ['Mobilità dolce', 'Casa e quartieri'],
    });
    // one of the two has no total stated: no stated figure is set beside the sum
    expect(c?.kind === 'sum' && c.stated).toBeUndefined();
  });

  it('reads a level number as no amount', () => {
    const f = frame("quanti obiettivi ha l'obiettivo strategico 1.2?");
    expect(f.amounts).toEqual([]);
    expect(f.levels.map((l) => l.label)).toEqual(['1.2 BIBLIOTECHE DIGITALI']);
  });
});

describe('records named loosely for a sum', () => {
  it('reads records joined by plus words, with nothing else asked, as a sum ("A + B = ?", "A plus B")', () => {
    for (const q of ['Trasporto sociale + Centri estivi = ?', 'Budget of Trasporto sociale plus Centri estivi?'])
      expect(compute(q)).toMatchObject({ kind: 'sum', field: 'budget' });
  });

  it('reads "+" as joining two records of a sum', () => {
    const c = compute('Trasporto sociale + Centri estivi: quanto in tutto?');
    expect(c).toMatchObject({ kind: 'sum', field: 'budget' });
    expect(c?.kind === 'sum' && c.query.filters?.[0]).toMatchObject({
      field: 'code',
      values: ['2023_PX_4101', '2023_PX_4102'],
    });
  });

  it('reads "totale tra A, B e C" as a sum, not a comparison', () => {
    const f = frame('stanziamento totale tra trasporto sociale, centri estivi e sportello casa');
    expect(f.compare).toBe(false);
    expect(compute('stanziamento totale tra trasporto sociale, centri estivi e sportello casa')).toMatchObject({
      kind: 'sum',
    });
  });

  it("sums objectives' resources, each named by a word no other record uses", () => {
    const c = compute('il catalogo e le palestre, quanti euro messi insieme?');
    expect(c).toMatchObject({ kind: 'sum', field: 'financialAmount' });
    expect(c?.kind === 'sum' && c.query.filters?.[0]).toMatchObject({ values: ['LV-BI02', 'LV-SP03'] });
  });
});

describe('two offices of one plan compared, each named in part', () => {
  it('links both offices and compares their records', () => {
    const q = 'chi ha più obiettivi tra il servizio musei e archivi e il Servizio Sport e Tempo Libero?';
    expect(
      frame(q)
        .structures.map((s) => s.name)
        .sort(),
    ).toEqual(['Servizio Musei e Archivi Storici', 'Servizio Sport e Tempo Libero']);
    expect(compute(q)).toMatchObject({ kind: 'compare_groups', target: 'objective' });
  });
});

describe('two people compared, one name shorter than the other', () => {
  it('keeps a name written whole beside a longer one', () => {
    const m = structuredClone(SMALL_MODEL) as PlanModel;
    m.people.push({
      key: 'maria luisa bianchi',
      name: 'Bianchi Maria Luisa',
      spellings: ['Bianchi Maria Luisa'],
      titles: [],
      roles: [{ role: 'owner', doc: 'a.txt' }],
    });
    m.objectives[2]!.owners = ['Bianchi Maria Luisa'];
    const s = new PlanStore(PlanModelSchema.parse(m));
    const f = linkQuestion('quanti obiettivi in più ha Neri Carla rispetto a Bianchi Maria Luisa?', s);
    expect(f.people.map((p) => p.name).sort()).toEqual(['Bianchi Maria Luisa', 'Neri Carla']);
    expect(computationFor(f, s)).toMatchObject({ kind: 'compare_people', target: 'objective' });
  });
});

describe('a level in other computations', () => {
  it('names a long title by its opening words, and compares its stated totals in two centres', () => {
    const q = "l'azione estate ragazzi pesa di più nel centro 41 o nel 42?";
    expect(frame(q).levels.map((l) => l.label)).toEqual(['Estate ragazzi e servizi per il tempo libero dei minori']);
    expect(compute(q)).toMatchObject({ kind: 'stated_named', compare: true });
  });

  it('narrows a ranking of people to the records under the level', () => {
    const c = compute('chi ha più obiettivi nella linea di mandato 2?');
    expect(c).toMatchObject({ kind: 'group_rank', groupOf: 'person' });
    expect(c?.kind === 'group_rank' && c.query.filters).toContainEqual({ field: 'levels', op: 'eq', value: LINE_2 });
  });
});

describe("several people's records together", () => {
  it('counts the records of two people named, not every record', () => {
    const c = compute('quante fasi hanno insieme gli obiettivi di Neri Carla e di Rosi Bruno?');
    expect(c).toMatchObject({ kind: 'list', counted: true, query: { target: 'phase' } });
    expect(c?.kind === 'list' && c.query.filters).toContainEqual({
      field: 'owner',
      op: 'in',
      values: ['Neri Carla', 'Rosi Bruno'],
    });
  });
});

describe('two levels of a budget tree compared by their money', () => {
  it('reads "quella" as the kind already named, and compares the totals the plan states', () => {
    const q = "quale pesa di più tra l'azione mobilità dolce e quella estate ragazzi nel centro 41?";
    expect(frame(q).levels.map((l) => l.label)).toEqual([
      'Mobilità dolce',
      'Estate ragazzi e servizi per il tempo libero dei minori',
    ]);
    expect(compute(q)).toMatchObject({ kind: 'stated_named', compare: true });
    const text = answer(q)!.lines.join('\n');
    expect(text).toContain('1.550.000,50');
    expect(text).toContain('12.000,00');
    expect(text).toContain('a favore di Mobilità dolce');
  });
});

describe("a centre's stated total asked beside its projects' sum", () => {
  it('sums the projects and quotes the stated total, saying whether they agree', () => {
    const text = answer('totale del centro 41: quanto dice il piano e quanto fa la somma dei progetti?')!.lines.join(
      '\n',
    );
    expect(text).toContain('1.550.000,50 (totale indicato nel piano)');
    expect(text).toContain('1.200.000,00');
    expect(text).toContain('corrisponde');
  });
});

describe('a stated total named by its label alone, beside its projects summed', () => {
  it('sums the projects under the label and sets the stated total against the sum', () => {
    const q = 'Mobilità dolce nel centro 41: somma dei progetti contro il totale dichiarato';
    expect(compute(q)).toMatchObject({ kind: 'sum', stated: [{ label: 'Mobilità dolce', cdr: '41' }] });
    expect(answer(q)!.lines.join('\n')).toContain('corrisponde');
  });
});

describe('the offices or people of the records under a level', () => {
  it('lists each office with how many of the records under the level it holds', () => {
    const c = compute('quali strutture lavorano sulla linea di mandato 2?');
    expect(c).toMatchObject({ kind: 'group_rank', groupOf: 'structure', query: { target: 'objective' } });
    const text = answer('quali strutture lavorano sulla linea di mandato 2?')!.lines.join('\n');
    expect(text).toContain('Servizio Sport e Tempo Libero');
    expect(text).not.toContain('Servizio Biblioteche');
  });

  it("counts the projects of a level's people when the question names projects", () => {
    expect(compute("chi segue i progetti dell'azione mobilità dolce?")).toMatchObject({
      kind: 'group_rank',
      groupOf: 'person',
      query: { target: 'project', aggregate: { groupBy: 'dirigente' } },
    });
  });
});

describe('sub-records under a level', () => {
  it('counts the phases of the objectives under a level, and only those', () => {
    const c = compute('quante fasi hanno in tutto gli obiettivi della linea di mandato 1?');
    expect(c).toMatchObject({ kind: 'list', counted: true, query: { target: 'phase' } });
    const text = answer('quante fasi hanno in tutto gli obiettivi della linea di mandato 1?')!.lines.join('\n');
    expect(text).toContain('Scansione');
    expect(text).toContain('Studio degli orari');
  });
});
