/**
 * A record named by most of its title's words wins over an office one of those words recalls, and over a project two
 * of them name — over the invented plans of `small-plan.ts` with two records added (their own words, no sample's).
 */
import { describe, expect, it } from 'vitest';
import { linkQuestion } from '../../src/linking/link-question.ts';
import { type PlanModel, PlanModelSchema } from '../../src/plan/model.ts';
import { PlanStore } from '../../src/store/plan-store.ts';
import { SMALL_MODEL } from '../query/small-plan.ts';

const span = (line: number) => ({ doc: 'b.txt', lineStart: line, lineEnd: line });
const model: PlanModel = PlanModelSchema.parse({
  ...SMALL_MODEL,
  projects: [
    ...SMALL_MODEL.projects,
    {
      ...SMALL_MODEL.projects[0]!,
      code: '2023_PX_4103',
      title: 'Piano della mobilità dolce casa-scuola nei quartieri collinari',
      budget: { text: '80.000,00', value: 80000 },
      span: span(70),
    },
    {
      ...SMALL_MODEL.projects[1]!,
      code: '2023_PX_4104',
      title: 'Lotta contro lo spreco alimentare nelle mense scolastiche',
      budget: { text: '45.500,00', value: 45500 },
      span: span(75),
    },
  ],
  objectives: [
    ...SMALL_MODEL.objectives,
    {
      doc: 'b.txt',
      code: '2023_OB_4101_9',
      title: 'Percorsi sicuri casa-scuola a piedi per gli alunni delle scuole primarie dei quartieri di pianura',
      owners: ['Gialli Piero'],
      structure: 'Ufficio Mobilità',
      phases: [],
      indicators: [],
      span: span(80),
    },
  ],
});
const store = new PlanStore(model);
const frame = (q: string) => linkQuestion(q, store);

describe('a record named by most of its title over an office or a project', () => {
  it('an office one title word recalls is not named: the record is', () => {
    const f = frame('il responsabile della mobilità dolce casa scuola dei quartieri collinari chi è?');
    expect(f.structures).toEqual([]);
    expect(f.codes.map((c) => c.code)).toEqual(['2023_PX_4103']);
    expect(frame('budget della mobilità dolce dei quartieri collinari').codes.map((c) => c.code)).toEqual([
      '2023_PX_4103',
    ]);
  });

  it('the office stays named when the question says it names an office', () => {
    const f = frame("chi è il dirigente dell'ufficio mobilità");
    expect(f.structures.map((s) => s.name)).toEqual(['Ufficio Mobilità']);
  });

  it('two title words are not enough to set the office aside', () => {
    expect(frame('chi segue la mobilità dolce?').structures.map((s) => s.name)).toEqual(['Ufficio Mobilità']);
  });

  it('an objective holding more of the words than the one project two of them name is the record meant', () => {
    const f = frame("quali fasi ha l'obiettivo dei percorsi sicuri casa scuola per gli alunni?");
    expect(f.codes.map((c) => c.code)).toEqual(['2023_OB_4101_9']);
    // the project's words alone still name the project
    expect(frame('chi segue la mobilità dolce casa scuola?').codes.map((c) => c.code)).toEqual(['2023_PX_4103']);
  });

  it('a comparison word inside the title the question writes compares nothing', () => {
    const f = frame('budget della lotta contro lo spreco nelle mense?');
    expect(f.codes.map((c) => c.code)).toEqual(['2023_PX_4104']);
    // two records named on either side are compared
    const two = frame('budget dei centri estivi contro quello dello sportello casa');
    expect(two.codes.map((c) => c.code).sort()).toEqual(['2023_PX_4102', '2023_PX_4201']);
  });
});
