/** Answers about one project (Prodotto): budget as stated, budget table, dirigente, staff, phases, strategy. */
import { packFor } from '../../lang/packs.ts';
import type { Objective, Project } from '../../plan/model.ts';
import { personKey } from '../../plan/names.ts';
import { fold } from '../../plan/text.ts';
import { codeKey } from '../../store/plan-store.ts';
import { citationOf, type ToolContext } from '../../tools/tool-context.ts';
import { budgetText, phaseLine, projectCard, strategicLine } from '../format-records.ts';
import type { Intent } from '../intent.ts';
import type { Lang } from '../labels.ts';
import { findPeople } from '../link-entities.ts';
import { emptyReply, type Reply } from './reply.ts';

export function projectReply(ctx: ToolContext, p: Project, intents: Intent[], lang: Lang, question = ''): Reply {
  const { store } = ctx;
  const reply = emptyReply('project');
  reply.focus.push(p.code);
  reply.citations.push(citationOf(ctx, p.span, p.code));
  const has = (i: Intent) => intents.includes(i);
  if (has('budget_detail')) {
    reply.intent = 'project_budget_detail';
    const totals = Object.entries(p.budgetTotals);
    // a column the question asks for that the table does not have ("spese per investimenti") is said to be absent
    const asked = [
      ['investiment', /\binvestiment\w*|\binvestment\w*|capital/],
      ['entrat', /\bentrat\w*|\brevenue\w*|\bincome/],
      ['spes', /\bspes[ae]\w*|\bexpenditure\w*|\bspending/],
    ] as const;
    const q = fold(question);
    for (const [column, re] of asked) {
      if (re.test(q) && !totals.some(([k]) => fold(k).includes(column)))
        reply.lines.push(packFor(lang).messages.project.columnMissing(p.code, column));
    }
    reply.lines.push(
      totals.length
        ? packFor(lang).messages.project.plannedBudget(p.code, p.title) +
            totals.map(([k, v]) => `${k} ${v.text}`).join(' · ')
        : packFor(lang).messages.project.noBudgetTable(p.code),
    );
    reply.lines.push(...projectCard(p, store, lang, { objectives: false }).slice(1));
    return reply;
  }
  if (has('staff') && ctx.includeInternal) {
    reply.intent = 'project_staff';
    // "impegno di Venturi Lorella su 2021_PD_8501": that person's row first
    const keys = new Set(findPeople(question, store).matches.map((m) => m.person.key));
    for (const s of p.staff.filter((row) => keys.has(personKey(row.name))))
      reply.lines.push(packFor(lang).messages.project.staffRow(s.name, s.relation, s.commitment.text, p.code));
    reply.lines.push(
      has('count')
        ? packFor(lang).messages.project.staffCount(p.staff.length, p.code, p.title)
        : packFor(lang).messages.project.staffOf(p.code, p.title),
    );
    if (!p.staff.length) reply.lines.push(packFor(lang).messages.project.noStaff);
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
