/**
 * Greetings, "what can you do?", "which plans do you know?": the plans loaded (entity, title, years, counts) and
 * example questions built from the loaded model's own codes and names, so every example is one that works.
 */
import type { LanguagePack, PlanSummary } from '../../lang/language-pack.ts';
import type { PlanStore } from '../../store/plan-store.ts';
import type { ToolContext } from '../../tools/tool-context.ts';
import { visible } from '../../tools/tool-context.ts';
import { emptyReply, type Reply } from './reply.ts';

/**
 * `scope`: the plans the question asked about ("quali piani hai per il 2021?"): the documents its entities and years
 * leave (null: all), and a year no plan covers.
 */
export function helpReply(
  ctx: ToolContext,
  pack: LanguagePack,
  scope: { documents: string[] | null; uncoveredYear: number | null } = { documents: null, uncoveredYear: null },
): Reply {
  const M = pack.messages;
  const { store } = ctx;
  const reply = emptyReply('help');
  const all = store.model.documents.filter((d) => visible(ctx, d.file));
  if (scope.uncoveredYear !== null) {
    reply.found = false;
    const years = [...new Set(all.flatMap((d) => d.years))].sort().join(', ');
    reply.lines.push(M.yearNotCovered(scope.uncoveredYear, years), '');
  }
  reply.lines.push(M.helpIntro, '', M.helpPlans);
  const docs = all.filter((d) => scope.uncoveredYear !== null || !scope.documents || scope.documents.includes(d.file));
  const counts = countsByDocument(ctx);
  for (const d of docs)
    reply.lines.push(M.helpPlan({ entity: d.entity, title: d.title, years: d.years, ...counts(d.file) }));
  const examples = exampleQuestions(ctx, pack);
  if (examples.length) reply.lines.push('', M.helpExamples, ...examples.map((q) => `• ${q}`));
  return reply;
}

type Counts = Omit<PlanSummary, 'entity' | 'title' | 'years'>;

const countsOfStores = new WeakMap<PlanStore, Map<string, Counts>>();
const noRecords = (): Counts => ({ objectives: 0, projects: 0, phases: 0, indicators: 0, budgeted: 0, structures: 0 });

/** What each plan holds, counted in one pass over the records once per store (a help answer lists every plan). */
function countsByDocument(ctx: ToolContext): (doc: string) => Counts {
  const { store } = ctx;
  let byDoc = countsOfStores.get(store);
  if (!byDoc) {
    const counted = new Map<string, Counts>();
    const of = (doc: string) => {
      let c = counted.get(doc);
      if (!c) {
        c = noRecords();
        counted.set(doc, c);
      }
      return c;
    };
    for (const o of store.objectives) {
      const c = of(o.doc);
      c.objectives++;
      c.phases += o.phases.length;
      c.indicators += o.indicators.length;
    }
    for (const p of store.projects) {
      const c = of(p.doc);
      c.projects++;
      if (p.budget?.value != null) c.budgeted++;
    }
    for (const s of store.structures) of(s.doc).structures++;
    byDoc = counted;
    countsOfStores.set(store, byDoc);
  }
  const known = byDoc;
  return (doc) => ({ ...(known.get(doc) ?? noRecords()) });
}

/** Example questions filled from the model: an objective with an owner, its owner, a project with a budget… */
export function exampleQuestions(ctx: ToolContext, pack: LanguagePack): string[] {
  const E = pack.messages.examples;
  const seen = (doc: string) => visible(ctx, doc);
  const objectives = ctx.store.objectives.filter((o) => seen(o.doc));
  const owned = objectives.find((o) => o.owners.length === 1 && o.phases.length > 0);
  const budgeted = ctx.store.projects.find((p) => seen(p.doc) && p.budget?.value);
  const out: string[] = [];
  if (owned) out.push(E.owner(owned.code), E.objectivesOf(owned.owners[0]!), E.phases(owned.code));
  if (budgeted) out.push(E.budget(budgeted.code), E.topBudgets);
  return out;
}
