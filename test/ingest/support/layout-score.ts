/**
 * Scores an extracted plan against a layout fixture's gold JSON: an objective counts as right only when every
 * field the gold states is right — code or stable id, title, owners, structure, each indicator with its target,
 * weight and result, each phase with its dates and weight, budget, deadline and weight.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseDate } from '../../../src/plan/figures.ts';
import type { ExtractedPlan, Objective } from '../../../src/plan/model.ts';
import { personKey } from '../../../src/plan/names.ts';
import { fold, squash } from '../../../src/plan/text.ts';
import { toWinAnsi } from '../../support/make-pdf.ts';

export const LAYOUTS_DIR = join(import.meta.dirname, '../../fixtures/layouts');

const GoldIndicator = z.object({
  description: z.string(),
  year: z.number().int().optional(),
  target: z.string().optional(),
  weight: z.string().optional(),
  result: z.string().optional(),
});
const GoldPhase = z.object({
  title: z.string(),
  start: z.string().optional(),
  end: z.string().optional(),
  weight: z.string().optional(),
});
const GoldObjective = z.object({
  code: z.string().optional(),
  id: z.number().int().optional(),
  title: z.string(),
  owners: z.array(z.string()).optional(),
  structure: z.string().optional(),
  structures: z.array(z.string()).optional(),
  indicators: z.array(GoldIndicator).optional(),
  phases: z.array(GoldPhase).optional(),
  budget: z.string().optional(),
  end: z.string().optional(),
  weight: z.string().optional(),
});
export const GoldSchema = z.object({ entity: z.string(), objectives: z.array(GoldObjective) });
export type Gold = z.infer<typeof GoldSchema>;
type GoldObjective = z.infer<typeof GoldObjective>;

export interface LayoutFixture {
  name: string;
  /** `a`–`h` for the layout families, `m` for documents mixing several */
  family: string;
  /** `base`: the first fixtures; `x`: the harder set (`x-<family>-<n>`), written with page noise, label variants and
   * mixed layouts before the extractor was changed for them */
  set: 'base' | 'x';
  file: string;
  gold: Gold;
}

/**
 * The fixture as its office-suite PDF can hold it: the standard PDF fonts carry only WinAnsi, so a `≥` in the text
 * comes back as `?` whatever the reader does; the gold is mapped the same way.
 */
export function asRenderedToPdf(fixture: LayoutFixture): LayoutFixture {
  return { ...fixture, gold: GoldSchema.parse(JSON.parse(toWinAnsi(JSON.stringify(fixture.gold)))) };
}

/** Every fixture of test/fixtures/layouts, with its gold. */
export function layoutFixtures(): LayoutFixture[] {
  return readdirSync(LAYOUTS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      const gold = GoldSchema.parse(JSON.parse(readFileSync(join(LAYOUTS_DIR, `${name}.gold.json`), 'utf8')));
      const parts = name.split('-');
      const set = parts[0] === 'x' ? 'x' : 'base';
      return { name, family: set === 'x' ? parts[1]! : parts[0]!, set, file, gold };
    });
}

const same = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && fold(squash(a)) === fold(squash(b));
const sameDate = (written: string, read: { text: string; iso: string | null } | undefined) =>
  !!read && (same(written, read.text) || (parseDate(written)?.iso ?? 'x') === read.iso);

/** What is wrong with one extracted objective against its gold; empty when it is right. */
function faults(g: GoldObjective, o: Objective | undefined): string[] {
  if (!o) return ['not found'];
  const out: string[] = [];
  if (!same(g.title, o.title)) out.push(`title "${o.title}"`);
  if (g.owners) {
    const want = g.owners.map(personKey).sort();
    const got = o.owners.map(personKey).sort();
    if (want.join('|') !== got.join('|')) out.push(`owners [${o.owners.join(', ')}]`);
  }
  if (g.structure && !same(g.structure, o.structure)) out.push(`structure "${o.structure ?? ''}"`);
  if (g.structures) {
    const got = (o.structure ?? '').split(/\s*;\s*/).map((s) => fold(s));
    if (g.structures.map((s) => fold(s)).join('|') !== got.join('|')) out.push(`structures "${o.structure ?? ''}"`);
  }
  for (const gi of g.indicators ?? []) {
    const i = o.indicators.find(
      (x) => same(gi.description, x.description) && (gi.year === undefined || gi.year === x.year),
    );
    if (!i) {
      out.push(`indicator "${gi.description}"${gi.year ? ` ${gi.year}` : ''} missing`);
      continue;
    }
    if (gi.target && !same(gi.target, i.target?.text))
      out.push(`target "${i.target?.text ?? ''}" for "${gi.description}"`);
    if (gi.weight && !same(gi.weight, i.weight?.text))
      out.push(`weight "${i.weight?.text ?? ''}" for "${gi.description}"`);
    if (gi.result && !same(gi.result, i.result?.text))
      out.push(`result "${i.result?.text ?? ''}" for "${gi.description}"`);
  }
  for (const gp of g.phases ?? []) {
    const p = o.phases.find((x) => same(gp.title, x.title));
    if (!p) {
      out.push(`phase "${gp.title}" missing`);
      continue;
    }
    if (gp.start && !sameDate(gp.start, p.start)) out.push(`phase start "${p.start?.text ?? ''}"`);
    if (gp.end && !sameDate(gp.end, p.end)) out.push(`phase end "${p.end?.text ?? ''}"`);
    if (gp.weight && !same(gp.weight, p.weight?.text)) out.push(`phase weight "${p.weight?.text ?? ''}"`);
  }
  if (g.budget && !same(g.budget, o.financialResources)) out.push(`budget "${o.financialResources ?? ''}"`);
  if (g.end && !sameDate(g.end, o.end)) out.push(`end "${o.end?.text ?? ''}"`);
  if (g.weight && !same(g.weight, o.weight?.text)) out.push(`weight "${o.weight?.text ?? ''}"`);
  return out;
}

export interface FixtureScore {
  name: string;
  family: string;
  set: LayoutFixture['set'];
  entityRight: boolean;
  entity: string;
  objectives: number;
  right: number;
  faults: { objective: string; faults: string[] }[];
}

/** Scores one fixture: gold objectives are found by code, or — without one — by title and stable id. */
export function scoreFixture(fixture: LayoutFixture, plan: ExtractedPlan): FixtureScore {
  const stem = fixture.file.replace(/\.txt$/, '');
  const found = fixture.gold.objectives.map((g) => {
    const o = g.code
      ? plan.objectives.find((x) => x.code === g.code && !x.codeAssigned)
      : plan.objectives.find((x) => x.code === `${stem}#${g.id}` && x.codeAssigned);
    return { g, f: faults(g, o) };
  });
  return {
    name: fixture.name,
    family: fixture.family,
    set: fixture.set,
    entityRight: same(fixture.gold.entity, plan.document.entity),
    entity: plan.document.entity,
    objectives: found.length,
    right: found.filter((x) => x.f.length === 0).length,
    faults: found.filter((x) => x.f.length > 0).map((x) => ({ objective: x.g.code ?? `#${x.g.id}`, faults: x.f })),
  };
}
