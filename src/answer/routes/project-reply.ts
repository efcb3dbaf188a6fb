/** Answers about one project (Prodotto): budget as stated, budget table, dirigente, staff, phases, strategy. */
import { packFor } from '../../lang/packs.ts';
import type { Objective, Project } from '../../plan/model.ts';
import { codeKey } from '../../store/plan-store.ts';
import { citationOf, type ToolContext } from '../../tools/tool-context.ts';
import { askedColumnKinds, missingSides, pickColumns } from '../asked-columns.ts';
import { sidesDifference } from '../budget-sides.ts';
import { budgetText, phaseLine, projectCard, strategicLine } from '../format-records.ts';
import type { Intent } from '../intent.ts';
import type { Lang } from '../labels.ts';
import { emptyReply, type Reply } from './reply.ts';
import { asksStaffField, staffAsked, staffSumLine } from './staff-rows.ts';

export function projectReply(ctx: ToolContext, p: Project, intents: Intent[], lang: Lang, question = ''): Reply {
  const { store } = ctx;
  const reply = emptyReply('project');
  reply.focus.push(p.code);
  reply.citations.push(citationOf(ctx, p.span, p.code));
  const has = (i: Intent) => intents.includes(i);
  // a side of the budget table named in words the intents do not list ("uscite", "expenses") asks for it too
  if (has('budget_detail') || (!has('staff') && pickColumns(Object.keys(p.budgetTotals), askedColumnKinds(question)))) {
    reply.intent = 'project_budget_detail';
    const totals = Object.entries(p.budgetTotals);
    const kinds = askedColumnKinds(question);
    const picked = pickColumns(
      totals.map(([k]) => k),
      kinds,
    );
    const m = packFor(lang).messages.project;
    // a column the question asks for that the table does not have ("spese per investimenti") is said to be absent;
    // of two sides asked ("entrate e spese"), the one missing is said beside the one there
    const missing = missingSides(
      totals.map(([k]) => k),
      kinds,
    );
    if (picked && (!picked.length || missing.length))
      reply.lines.push(m.columnMissing(p.code, picked.length ? missing : kinds));
    if (picked?.length) {
      // the column asked, alone: its total and the rows that fill it, never the other side of the table
      reply.lines.push(
        m.columnTotals(p.code, p.title, picked.map((k) => `${k} ${p.budgetTotals[k]!.text}`).join(' · ')),
      );
      // "differenza tra spese ed entrate": both sides picked, their difference computed from the stated totals
      const gap = sidesDifference(picked, p.budgetTotals, question, lang);
      if (gap) reply.lines.push(gap);
      const rows = p.budgetRows.filter((r) => picked.some((k) => r.amounts[k]));
      if (rows.length) reply.lines.push(m.columnRows);
      for (const r of rows)
        reply.lines.push(
          `• ${r.capitolo} ${r.description} — ${picked
            .filter((k) => r.amounts[k])
            .map((k) => `${k} ${r.amounts[k]!.text}`)
            .join(' · ')}`,
        );
      reply.citations.push(...rows.slice(0, 1).map((r) => citationOf(ctx, r.span, `${p.code} budget`)));
      reply.lines.push(...projectCard(p, store, lang, { objectives: false, budgetRows: false }).slice(1));
      return reply;
    }
    reply.lines.push(
      totals.length
        ? m.plannedBudget(p.code, p.title) + totals.map(([k, v]) => `${k} ${v.text}`).join(' · ')
        : m.noBudgetTable(p.code),
    );
    reply.lines.push(...projectCard(p, store, lang, { objectives: false }).slice(1));
    return reply;
  }
  if ((has('staff') || ((has('count') || has('total')) && asksStaffField(question))) && ctx.includeInternal) {
    reply.intent = 'project_staff';
    const m = packFor(lang).messages.project;
    // "impegno di Venturi Lorella su 2021_PD_8501", "quanto dedicano gli assistenti sociali a X": the rows the question
    // names (a person, or a row's whole name such as a team), alone: the cell asked, not the table
    const { rows: named, absent } = staffAsked(p, question, store);
    for (const s of named) reply.lines.push(m.staffRow(s.name, s.relation, s.commitment.text, p.code));
    // a person the plans know who is not in this table: said plainly, then the table
    for (const name of absent) reply.lines.push(m.notOnStaff(name, p.code));
    if (absent.length && !named.length) reply.found = false;
    if (named.length) {
      reply.citations.push(...named.slice(0, 2).map((s) => citationOf(ctx, s.span, `${p.code} staff`, true)));
      return reply;
    }
    const sum = staffSumLine(p, question, lang);
    if (sum) reply.lines.push(sum);
    reply.lines.push(has('count') || sum ? m.staffCount(p.staff.length, p.code, p.title) : m.staffOf(p.code, p.title));
    if (!p.staff.length) reply.lines.push(m.noStaff);
    for (const s of p.staff) reply.lines.push(`• ${s.name} — ${s.relation}, ${s.commitment.text}`);
    reply.citations.push(...p.staff.slice(0, 1).map((s) => citationOf(ctx, s.span, `${p.code} staff`, true)));
    return reply;
  }
  if (has('phases') || (has('deadline') && !has('budget'))) {
    reply.intent = 'project_phases';
    const objectives = p.objectives
      .map((c) => store.objectivesByCode.get(codeKey(c))?.find((o) => o.doc === p.doc))
      .filter((o): o is Objective => !!o);
    const phases = objectives.flatMap((o) => o.phases.map((ph) => ({ o, ph })));
    reply.lines.push(
      phases.length
        ? packFor(lang).messages.project.phasesCount(p.code, p.title, phases.length)
        : packFor(lang).messages.project.noPhases(p.code),
    );
    for (const { o, ph } of phases) reply.lines.push(`${phaseLine(ph, lang)} [${o.code}]`);
    reply.citations.push(...phases.slice(0, 4).map(({ o, ph }) => citationOf(ctx, ph.span, `${o.code} fase`)));
    return reply;
  }
  if (has('strategic')) {
    reply.intent = 'project_strategic';
    const s = strategicLine(p);
    reply.lines.push(
      s
        ? packFor(lang).messages.project.belongsTo(p.code, p.title, s)
        : packFor(lang).messages.project.noStrategic(p.code),
    );
    return reply;
  }
  if (has('description') && !has('budget')) {
    reply.intent = 'project_description';
    reply.lines.push(...projectCard(p, store, lang, { budgetRows: false }));
    return reply;
  }
  if ((has('dirigente') || has('owner')) && !has('budget')) {
    reply.intent = 'project_dirigente';
    reply.lines.push(
      p.dirigente
        ? packFor(lang).messages.project.dirigenteIs(p.code, p.title, p.dirigente)
        : packFor(lang).messages.project.noDirigente(p.code),
    );
    reply.lines.push(...projectCard(p, store, lang, { budgetRows: false, objectives: false }).slice(1));
    return reply;
  }
  if (has('indicators') || has('indicator_value') || has('objectives_of')) {
    reply.intent = 'project_objectives';
    reply.lines.push(packFor(lang).messages.project.objectivesOf(p.code, p.title));
    reply.lines.push(...projectCard(p, store, lang, { budgetRows: false }).slice(1));
    return reply;
  }
  reply.intent = 'project_budget';
  // a budget asked that the project leaves blank is not found, however much of the project follows
  if (!p.budget && has('budget')) {
    reply.found = false;
    reply.fieldMissing = true;
  }
  reply.lines.push(
    p.budget
      ? packFor(lang).messages.project.budgetIs(p.code, p.title, budgetText(p, lang))
      : packFor(lang).messages.project.noBudget(p.code, p.title),
  );
  reply.lines.push(...projectCard(p, store, lang, { objectives: has('budget') ? false : undefined }).slice(1));
  return reply;
}
