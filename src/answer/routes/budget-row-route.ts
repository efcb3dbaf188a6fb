/**
 * "quanto è previsto per il contributo regionale per i centri antiviolenza?": the budget row a question names by its
 * description (budget-row.ts), its amounts quoted as the table writes them, with the project whose table it is.
 * Asked only when the question asks an amount or a budget; no row named clearly: the later routes answer.
 */
import { packFor } from '../../lang/packs.ts';
import type { Project } from '../../plan/model.ts';
import type { PlanStore } from '../../store/plan-store.ts';
import { citationOf, type ToolContext, visible } from '../../tools/tool-context.ts';
import { type BudgetRowIndex, budgetRowIndex, namedBudgetRows, namedBudgetRowsIn } from '../budget-row.ts';
import type { Lang } from '../labels.ts';
import type { Scope } from '../link-entities.ts';
import { emptyReply, type Reply } from './reply.ts';

export function budgetRowReply(
  ctx: ToolContext,
  question: string,
  scope: Scope,
  lang: Lang,
  named: Project[],
): Reply | null {
  const docs = scope.docs ? new Set(scope.docs) : null;
  const inScope = (p: Project) => visible(ctx, p.doc) && (!docs || docs.has(p.doc));
  // a project the words seem to name may hold no row they quote (a word of its title, "ASP", is also in the row's):
  // the row they quote, in whichever project, is what was asked — each row says which project it belongs to
  const ofNamed = named.length ? namedBudgetRows(named, question) : [];
  const rows = ofNamed.length ? ofNamed : namedBudgetRowsIn(rowIndexOf(ctx.store), question, inScope);
  if (!rows.length) return null;
  const m = packFor(lang).messages.project;
  const reply = emptyReply('budget_row');
  for (const { project, row } of rows) {
    const amounts = Object.entries(row.amounts)
      .map(([column, figure]) => `${column} ${figure.text}`)
      .join(' · ');
    reply.lines.push(m.budgetRow(`${row.capitolo} ${row.description}`, amounts, project.code, project.title));
    reply.citations.push(citationOf(ctx, row.span, `${project.code} budget`));
    if (!reply.focus.includes(project.code)) reply.focus.push(project.code);
  }
  return reply;
}

const rowIndexes = new WeakMap<PlanStore, BudgetRowIndex>();

/** The store's budget rows indexed once (see budgetRowIndex). */
function rowIndexOf(store: PlanStore): BudgetRowIndex {
  let index = rowIndexes.get(store);
  if (!index) {
    index = budgetRowIndex(store.projects);
    rowIndexes.set(store, index);
  }
  return index;
}
