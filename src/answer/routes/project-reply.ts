/** Answers about one project (Prodotto): budget as stated, budget table, dirigente, staff, phases, strategy. */
import type { Objective, Project } from '../../plan/model.ts';
import { personKey } from '../../plan/names.ts';
import { fold } from '../../plan/text.ts';
import { codeKey } from '../../store/plan-store.ts';
import { citationOf, type ToolContext } from '../../tools/tool-context.ts';
import { budgetText, phaseLine, projectCard, strategicLine } from '../format-records.ts';
import type { Intent } from '../intent.ts';
import type { Lang } from '../labels.ts';
import { findPeople } from '../link-entities.ts';
import { emptyReply, type Reply, t } from './reply.ts';

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
        reply.lines.push(
          t(
            lang,
            `Per ${p.code} non sono indicate ${column === 'investiment' ? 'spese per investimenti' : column === 'entrat' ? 'entrate' : 'spese'} nel Budget previsto.`,
            `${column === 'investiment' ? 'Investment spending' : column === 'entrat' ? 'Revenue' : 'Spending'} is not stated in the planned budget of ${p.code}.`,
          ),
        );
    }
    reply.lines.push(
      totals.length
        ? t(lang, `Budget previsto di ${p.code} (${p.title}): `, `Planned budget of ${p.code} (${p.title}): `) +
            totals.map(([k, v]) => `${k} ${v.text}`).join(' · ')
        : t(
            lang,
            `Per ${p.code} non è indicata una tabella Budget previsto.`,
            `A planned budget table is not stated for ${p.code}.`,
          ),
    );
    reply.lines.push(...projectCard(p, store, lang, { objectives: false }).slice(1));
    return reply;
  }
  if (has('staff') && ctx.includeInternal) {
    reply.intent = 'project_staff';
    // "impegno di Venturi Lorella su 2021_PD_8501": that person's row first
    const keys = new Set(findPeople(question, store).matches.map((m) => m.person.key));
    for (const s of p.staff.filter((row) => keys.has(personKey(row.name))))
      reply.lines.push(
        t(
          lang,
          `${s.name} — ${s.relation}, impegno ${s.commitment.text} su ${p.code}.`,
          `${s.name} — ${s.relation}, commitment ${s.commitment.text} on ${p.code}.`,
        ),
      );
    reply.lines.push(
      has('count')
        ? t(
            lang,
            `${p.staff.length} persone sono assegnate a ${p.code} (${p.title}):`,
            `${p.staff.length} people are assigned to ${p.code} (${p.title}):`,
          )
        : t(lang, `Personale assegnato a ${p.code} (${p.title}):`, `Staff assigned to ${p.code} (${p.title}):`),
    );
    if (!p.staff.length)
      reply.lines.push(
        t(lang, 'Non è indicato personale per questo progetto.', 'Staff is not listed for this project.'),
      );
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
        ? t(
            lang,
            `Fasi del progetto ${p.code} (${p.title}): ${phases.length}.`,
            `Phases of project ${p.code} (${p.title}): ${phases.length}.`,
          )
        : t(lang, `Per il progetto ${p.code} non sono indicate fasi.`, `Phases are not stated for project ${p.code}.`),
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
        ? t(
            lang,
            `Il progetto ${p.code} (${p.title}) discende da: ${s}.`,
            `Project ${p.code} (${p.title}) belongs to: ${s}.`,
          )
        : t(
            lang,
            `Per il progetto ${p.code} non è indicato un collegamento strategico.`,
            `A strategic link is not stated for project ${p.code}.`,
          ),
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
        ? t(
            lang,
            `Il dirigente del progetto ${p.code} (${p.title}) è ${p.dirigente}.`,
            `The dirigente of project ${p.code} (${p.title}) is ${p.dirigente}.`,
          )
        : t(
            lang,
            `Per il progetto ${p.code} non è indicato un dirigente.`,
            `A dirigente is not stated for project ${p.code}.`,
          ),
    );
    reply.lines.push(...projectCard(p, store, lang, { budgetRows: false, objectives: false }).slice(1));
    return reply;
  }
  if (has('indicators') || has('indicator_value') || has('objectives_of')) {
    reply.intent = 'project_objectives';
    reply.lines.push(
      t(
        lang,
        `Obiettivi e indicatori del progetto ${p.code} (${p.title}):`,
        `Objectives and indicators of project ${p.code} (${p.title}):`,
      ),
    );
    reply.lines.push(...projectCard(p, store, lang, { budgetRows: false }).slice(1));
    return reply;
  }
  reply.intent = 'project_budget';
  reply.lines.push(
    p.budget
      ? t(
          lang,
          `Il budget del progetto ${p.code} (${p.title}) è ${budgetText(p, lang)}.`,
          `The budget of project ${p.code} (${p.title}) is ${budgetText(p, lang)}.`,
        )
      : t(
          lang,
          `Per il progetto ${p.code} (${p.title}) non è indicato alcun budget nel documento (cella vuota, non zero).`,
          `The budget of project ${p.code} (${p.title}) is not stated: no budget is given, the cell is blank (which is not zero).`,
        ),
  );
  reply.lines.push(...projectCard(p, store, lang, { objectives: has('budget') ? false : undefined }).slice(1));
  return reply;
}
