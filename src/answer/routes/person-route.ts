/** Questions about a person: their objectives, projects and impegno, deadlines, role; ambiguity and not-found. */
import { packFor } from '../../lang/packs.ts';
import { stemsOf } from '../../linking/stem-postings.ts';
import type { Person, Structure } from '../../plan/model.ts';
import { fold } from '../../plan/text.ts';
import { findDeadlines } from '../../tools/find-deadlines.ts';
import { profileOf } from '../../tools/get-person.ts';
import { citationOf, personVisible, type ToolContext } from '../../tools/tool-context.ts';
import { opensWithCue, saysCue } from '../cues.ts';
import { parseDateRange } from '../date-range.ts';
import { clip } from '../format-records.ts';
import type { Intent } from '../intent.ts';
import type { Lang } from '../labels.ts';
import type { Scope } from '../link-entities.ts';
import { objectiveOfYear } from './record-year-reply.ts';
import { emptyReply, type Reply, uniqueBy } from './reply.ts';

export function isAboutAPerson(question: string, intents: Intent[]): boolean {
  return (
    // "progetto Le Storie", "project with Fondazione Mondinsieme": capitalised words after a project are its title
    intents.includes('objectives_of') ||
    intents.includes('staff') ||
    saysCue(fold(question), 'whoIs') ||
    saysCue(fold(question), 'role')
  );
}

export function ambiguousPeople(ctx: ToolContext, people: Person[], lang: Lang): Reply {
  const reply = emptyReply('ambiguous_person');
  reply.lines.push(packFor(lang).messages.people.whichPerson);
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
  reply.lines.push(packFor(lang).messages.people.noPerson(name));
  const surname = fold(name.split(/\s+/).pop() ?? '');
  const near = ctx.store.people
    .filter((p) => personVisible(ctx, p) && p.key.split(' ').some((k) => k.slice(0, 3) === surname.slice(0, 3)))
    .slice(0, 5);
  if (near.length) reply.lines.push(packFor(lang).messages.people.similarNames(near.map((p) => p.name).join(', ')));
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
  // "scadenze Rossi 2024": a year named bare is the period of a deadline list
  const range =
    parseDateRange(question, scope.year) ??
    (has('deadline') && scope.year !== null && question.includes(String(scope.year))
      ? { from: `${scope.year}-01-01`, to: `${scope.year}-12-31`, label: String(scope.year) }
      : null);

  // "le fasi dell'obiettivo Smart working di X": the one of their objectives the other words name answers
  const ownNamed = recordNamedAmong(profile.objectives, question, person);
  if (ownNamed) return objectiveOfYear(ctx, ownNamed, scope.year, intents, question, lang);

  if (has('deadline') || range) {
    reply.intent = 'person_deadlines';
    const { label: _label, ...period } = range ?? { label: '' };
    const items = findDeadlines(ctx, { owner: person.name, ...period });
    reply.lines.push(
      items.length
        ? packFor(lang).messages.people.deadlinesOf(person.name, range?.label, items.length)
        : packFor(lang).messages.people.noDeadlinesOf(person.name, range?.label),
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
    // "quanto tempo dedica X al progetto Orti urbani?": the one of their projects the other words name, alone
    const named = recordNamedAmong(
      profile.allocations.map((a) => a.project),
      question,
      person,
    );
    if (named) {
      reply.intent = 'person_project_staff';
      const m = packFor(lang).messages.project;
      for (const a of profile.allocations.filter((x) => x.project === named)) {
        reply.lines.push(m.staffRow(person.name, a.relation, a.commitment, `${named.code} (${named.title})`));
        reply.citations.push(citationOf(ctx, a.span, `${named.code} staff`, true));
      }
      return reply;
    }
    const allocations = profile.allocations;
    reply.lines.push(packFor(lang).messages.people.worksOn(person.name, allocations.length));
    for (const a of allocations) {
      reply.lines.push(
        `• ${a.project.code} ${a.project.title} — ${a.relation}, ${packFor(lang).messages.people.commitment} ${a.commitment}`,
      );
      reply.citations.push(citationOf(ctx, a.span, `${a.project.code} staff`, true));
    }
    if (profile.projectsDirected.length) {
      reply.lines.push(packFor(lang).messages.people.directs(profile.projectsDirected.length));
    }
    return reply;
  }

  if (has('dirigente') && !has('objectives_of') && profile.structures.length) {
    reply.intent = 'person_role';
    reply.lines.push(...rolesOf(ctx, person, profile.structures, lang));
    return reply;
  }
  if (opensWithCue(fold(question).replace(/['’]/g, ' '), 'whoIs') && !has('objectives_of') && !has('projects_of')) {
    reply.intent = 'person_role';
    const roles = rolesOf(ctx, person, profile.structures, lang);
    reply.lines.push(...(roles.length ? roles : [packFor(lang).messages.people.appearsIn(person.name)]));
    if (profile.objectives.length)
      reply.lines.push(
        packFor(lang).messages.people.ownerOfCount(profile.objectives.length) +
          `: ${profile.objectives
            .slice(0, 8)
            .map((o) => o.code)
            .join(', ')}${profile.objectives.length > 8 ? ' …' : ''}`,
      );
    if (profile.projectsDirected.length)
      reply.lines.push(
        packFor(lang).messages.people.dirigenteOfCount(profile.projectsDirected.length) +
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
      reply.lines.push(packFor(lang).messages.people.ownsNoneWorksOn(person.name));
      for (const a of profile.allocations)
        reply.lines.push(`• ${a.project.code} ${a.project.title} — ${a.relation}, ${a.commitment}`);
      reply.citations.push(
        ...profile.allocations.slice(0, 5).map((a) => citationOf(ctx, a.project.span, a.project.code, true)),
      );
      return reply;
    }
    if (profile.projectsDirected.length) {
      reply.lines.push(packFor(lang).messages.people.dirigenteOf(person.name, profile.projectsDirected.length));
      for (const p of profile.projectsDirected) reply.lines.push(`• ${p.code} ${p.title}`);
      return reply;
    }
    reply.found = false;
    reply.lines.push(packFor(lang).messages.people.noObjectivesOf(person.name), ...roles);
    return reply;
  }
  // "Sig. X: obiettivo e relativi indicatori": the phases or indicators of the one objective the person owns
  if (objectives.length === 1 && (has('phases') || has('indicators')))
    return objectiveOfYear(ctx, objectives[0]!, scope.year, intents, question, lang);
  const byDoc = new Set(objectives.map((o) => o.doc));
  reply.lines.push(
    packFor(lang).messages.people.owns(person.name, objectives.length, objectives.map((o) => o.code).join(', ')),
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
    packFor(lang).messages.people.headOf(person.name, s.headRole, s.name, ctx.store.entityOf(s.doc)),
  );
  return lines;
}

/**
 * The one of a person's records the question's other words name: its whole title written, or two of its title's words
 * and more than any other of theirs (the person's own name is no title word).
 */
function recordNamedAmong<R extends { title: string }>(records: R[], question: string, person: Person): R | null {
  if (records.length < 2) return null;
  const nameStems = stemsOf(person.spellings.join(' '));
  const asked = new Set([...stemsOf(question)].filter((s) => !nameStems.has(s)));
  let best: R | null = null;
  let most = 1;
  let tie = false;
  for (const r of new Set(records)) {
    const title = stemsOf(r.title);
    const hits = [...title].filter((s) => asked.has(s)).length;
    // a one-word title ("Social NET" is two) written whole counts as much as two words
    const score = hits === title.size && hits > 0 ? Math.max(hits, 2) : hits;
    if (score > most) {
      best = r;
      most = score;
      tie = false;
    } else if (score === most && best) tie = true;
  }
  return best && !tie ? best : null;
}
