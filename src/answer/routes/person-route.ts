/** Questions about a person: their objectives, projects and impegno, deadlines, role; ambiguity and not-found. */
import type { Person, Structure } from '../../plan/model.ts';
import { fold } from '../../plan/text.ts';
import { findDeadlines } from '../../tools/find-deadlines.ts';
import { profileOf } from '../../tools/get-person.ts';
import { citationOf, personVisible, type ToolContext } from '../../tools/tool-context.ts';
import { parseDateRange } from '../date-range.ts';
import { clip } from '../format-records.ts';
import type { Intent } from '../intent.ts';
import type { Lang } from '../labels.ts';
import type { Scope } from '../link-entities.ts';
import { emptyReply, type Reply, t, uniqueBy } from './reply.ts';

export function isAboutAPerson(question: string, intents: Intent[]): boolean {
  return (
    // "progetto Le Storie", "project with Fondazione Mondinsieme": capitalised words after a project are its title
    intents.includes('objectives_of') ||
    intents.includes('staff') ||
    /\b(chi e|who is|ruolo|role)\b/.test(fold(question))
  );
}

export function ambiguousPeople(ctx: ToolContext, people: Person[], lang: Lang): Reply {
  const reply = emptyReply('ambiguous_person');
  reply.lines.push(
    t(
      lang,
      `Ho trovato più persone con quel nome: quale intendi?`,
      `Several people match that name — which one do you mean?`,
    ),
  );
  for (const p of people) {
    const roles = [...new Set(p.roles.map((r) => `${r.role}${r.ref ? ` ${r.ref}` : ''}`))].slice(0, 3).join(', ');
    reply.lines.push(
      `• ${p.name} — ${roles} (${[...new Set(p.roles.map((r) => ctx.store.entityOf(r.doc)))].join(', ')})`,
    );
  }
  return reply;
}

export function personNotFound(ctx: ToolContext, name: string, lang: Lang): Reply {
  const reply = emptyReply('not_found_person');
  reply.found = false;
  reply.lines.push(
    t(
      lang,
      `Non ho trovato nessuna persona di nome ${name} nei piani.`,
      `I found no person named ${name} in the plans (not found).`,
    ),
  );
  const surname = fold(name.split(/\s+/).pop() ?? '');
  const near = ctx.store.people
    .filter((p) => personVisible(ctx, p) && p.key.split(' ').some((k) => k.slice(0, 3) === surname.slice(0, 3)))
    .slice(0, 5);
  if (near.length)
    reply.lines.push(
      t(
        lang,
        `Nomi simili: ${near.map((p) => p.name).join(', ')}`,
        `Similar names: ${near.map((p) => p.name).join(', ')}`,
      ),
    );
  return reply;
}

export function answerForPerson(
  ctx: ToolContext,
  person: Person,
  question: string,
  intents: Intent[],
  scope: Scope,
  lang: Lang,
): Reply {
  const profile = profileOf(ctx, person);
  const reply = emptyReply('person');
  const has = (i: Intent) => intents.includes(i);
  const range = parseDateRange(question, scope.year);

  if (has('deadline') || range) {
    reply.intent = 'person_deadlines';
    const { label: _label, ...period } = range ?? { label: '' };
    const items = findDeadlines(ctx, { owner: person.name, ...period });
    reply.lines.push(
      items.length
        ? t(
            lang,
            `Scadenze di ${person.name}${range ? ` (${range.label})` : ''}: ${items.length}.`,
            `Deadlines of ${person.name}${range ? ` (${range.label})` : ''}: ${items.length}.`,
          )
        : t(
            lang,
            `Non ho trovato scadenze di ${person.name}${range ? ` nel periodo ${range.label}` : ''}.`,
            `I found no deadlines for ${person.name}${range ? ` in ${range.label}` : ''}.`,
          ),
    );
    if (!items.length) reply.found = false;
    for (const d of items.slice(0, 40)) {
      reply.lines.push(`• ${d.date.text} — ${d.objective.code}: ${clip(d.title, 120)}`);
    }
    reply.citations.push(
      ...uniqueBy(
        items.map((d) => d.objective),
        (o) => o.code,
      )
        .slice(0, 8)
        .map((o) => citationOf(ctx, o.span, o.code)),
    );
    return reply;
  }

  if ((has('projects_of') || has('staff')) && (profile.allocations.length || profile.projectsDirected.length)) {
    reply.intent = 'person_projects';
    const allocations = profile.allocations;
    reply.lines.push(
      t(
        lang,
        `${person.name} lavora su ${allocations.length} progett${allocations.length === 1 ? 'o' : 'i'}${allocations.length ? ':' : '.'}`,
        `${person.name} works on ${allocations.length} project${allocations.length === 1 ? '' : 's'}${allocations.length ? ':' : '.'}`,
      ),
    );
    for (const a of allocations) {
      reply.lines.push(
        `• ${a.project.code} ${a.project.title} — ${a.relation}, ${t(lang, 'impegno', 'commitment')} ${a.commitment}`,
      );
      reply.citations.push(citationOf(ctx, a.span, `${a.project.code} staff`, true));
    }
    if (profile.projectsDirected.length) {
      reply.lines.push(
        t(
          lang,
          `Dirige ${profile.projectsDirected.length} progetti.`,
          `Dirigente of ${profile.projectsDirected.length} projects.`,
        ),
      );
    }
    return reply;
  }

  if (has('dirigente') && !has('objectives_of') && profile.structures.length) {
    reply.intent = 'person_role';
    reply.lines.push(...rolesOf(ctx, person, profile.structures, lang));
    return reply;
  }
  if (
    /^\s*(chi e|who is)\b/.test(fold(question).replace(/['’]/g, ' ')) &&
    !has('objectives_of') &&
    !has('projects_of')
  ) {
    reply.intent = 'person_role';
    const roles = rolesOf(ctx, person, profile.structures, lang);
    reply.lines.push(
      ...(roles.length
        ? roles
        : [t(lang, `${person.name} compare nei piani:`, `${person.name} appears in the plans:`)]),
    );
    if (profile.objectives.length)
      reply.lines.push(
        t(
          lang,
          `• responsabile di ${profile.objectives.length} obiettivi`,
          `• owner of ${profile.objectives.length} objectives`,
        ) +
          `: ${profile.objectives
            .slice(0, 8)
            .map((o) => o.code)
            .join(', ')}${profile.objectives.length > 8 ? ' …' : ''}`,
      );
    if (profile.projectsDirected.length)
      reply.lines.push(
        t(
          lang,
          `• dirigente di ${profile.projectsDirected.length} progetti`,
          `• dirigente of ${profile.projectsDirected.length} projects`,
        ) +
          `: ${profile.projectsDirected
            .slice(0, 8)
            .map((p) => p.code)
            .join(', ')}${profile.projectsDirected.length > 8 ? ' …' : ''}`,
      );
    for (const a of profile.allocations.slice(0, 8))
      reply.lines.push(`• ${a.project.code} — ${a.relation}, ${a.commitment}`);
    reply.citations.push(
      ...[...profile.structures.map((s) => s.span), ...profile.objectives.slice(0, 3).map((o) => o.span)].map((s) =>
        citationOf(ctx, s),
      ),
    );
    return reply;
  }

  let objectives = profile.objectives;
  if (scope.docs) objectives = objectives.filter((o) => scope.docs!.includes(o.doc));
  reply.intent = 'person_objectives';
  if (!objectives.length) {
    const roles = rolesOf(ctx, person, profile.structures, lang);
    if (profile.allocations.length) {
      reply.lines.push(
        t(
          lang,
          `${person.name} non risulta responsabile di obiettivi, ma lavora su questi progetti:`,
          `${person.name} owns no objectives, but works on these projects:`,
        ),
      );
      for (const a of profile.allocations)
        reply.lines.push(`• ${a.project.code} ${a.project.title} — ${a.relation}, ${a.commitment}`);
      reply.citations.push(
        ...profile.allocations.slice(0, 5).map((a) => citationOf(ctx, a.project.span, a.project.code, true)),
      );
      return reply;
    }
    if (profile.projectsDirected.length) {
      reply.lines.push(
        t(
          lang,
          `${person.name} è dirigente di ${profile.projectsDirected.length} progetti:`,
          `${person.name} is the dirigente of ${profile.projectsDirected.length} projects:`,
        ),
      );
      for (const p of profile.projectsDirected) reply.lines.push(`• ${p.code} ${p.title}`);
      return reply;
    }
    reply.found = false;
    reply.lines.push(
      t(lang, `Non ho trovato obiettivi assegnati a ${person.name}.`, `I found no objectives owned by ${person.name}.`),
      ...roles,
    );
    return reply;
  }
  const byDoc = new Set(objectives.map((o) => o.doc));
  reply.lines.push(
    t(
      lang,
      `${person.name} è responsabile di ${objectives.length} obiettiv${objectives.length === 1 ? 'o' : 'i'}: ${objectives.map((o) => o.code).join(', ')}.`,
      `${person.name} owns ${objectives.length} objective${objectives.length === 1 ? '' : 's'}: ${objectives.map((o) => o.code).join(', ')}.`,
    ),
  );
  for (const o of objectives) {
    reply.lines.push(
      `• ${o.code} — ${o.title}${o.structure ? ` (${o.structure})` : ''}${byDoc.size > 1 ? ` [${ctx.store.entityOf(o.doc)}]` : ''}`,
    );
    reply.focus.push(o.code);
  }
  reply.citations.push(...objectives.slice(0, 12).map((o) => citationOf(ctx, o.span, o.code)));
  return reply;
}

function rolesOf(ctx: ToolContext, person: Person, structures: Structure[], lang: Lang): string[] {
  const lines = structures.map((s) =>
    t(
      lang,
      `${person.name} è ${s.headRole ?? 'responsabile'} di ${s.name} (${ctx.store.entityOf(s.doc)}).`,
      `${person.name} is ${s.headRole ?? 'head'} of ${s.name} (${ctx.store.entityOf(s.doc)}).`,
    ),
  );
  return lines;
}
