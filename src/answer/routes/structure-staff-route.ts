/**
 * "Who works in the office X?", "quante persone lavorano nel CdR Y?": the people the plan's staff tables allocate to
 * the structure's records (its projects), each with the records and the commitment as written, the head said apart.
 * Where the plan has no staff table for the structure, that is said plainly (found: false) with its head: the head
 * alone is no answer to who works there. Staff words come from the language packs.
 */
import { PACKS } from '../../lang/packs.ts';
import type { Project, Structure } from '../../plan/model.ts';
import { personKey } from '../../plan/names.ts';
import { fold } from '../../plan/text.ts';
import { RECORD_TARGETS } from '../../query/plan-query.ts';
import { citationOf, type ToolContext, visible } from '../../tools/tool-context.ts';
import type { Lang } from '../labels.ts';
import type { Route, RouteInput } from '../router.ts';
import { emptyReply, type Reply } from './reply.ts';

const LEXICONS = Object.values(PACKS).map((p) => p.lexicon);
/** words that name the staff itself ("personale", "dipendenti", "staff") */
const STAFF_FIELD = LEXICONS.flatMap((l) => l.fields.staff);
/** words that say someone works there ("lavora", "assegnati", "works") */
const STAFF_ROLE = LEXICONS.flatMap((l) => l.roleWords?.staff ?? []);
/** words of being one of its people ("fa parte", "belongs to"), asked of people like the work words */
const MEMBERSHIP = LEXICONS.flatMap((l) => l.staffMembership ?? []);
/** words that may mean staff when nothing says head ("persone", "gente", "people") */
const STAFF_LOOSE = LEXICONS.flatMap((l) => l.gradedFields.staff ?? []);
/** words of the head's roles ("dirigente", "responsabile", "head"): "le persone responsabili" are no staff */
const HEAD_ROLE = LEXICONS.flatMap((l) =>
  Object.entries(l.roleWords ?? {})
    .filter(([role]) => role !== 'staff')
    .flatMap(([, words]) => words),
);

const said = (q: string, words: string[]) => words.some((w) => q.includes(` ${w}`));

/**
 * The question asks who works in (or how many work in) the structures it names: a staff word, or a work word asked
 * of people ("chi lavora", "how many … work"). A question leading with a kind of record ("quanti progetti sono
 * assegnati al CdR X") asks for records unless it names the staff itself ("il personale dei progetti del CdR X").
 */
export function asksStructureStaff(input: Pick<RouteInput, 'question' | 'frame' | 'structures'>): boolean {
  const { frame } = input;
  // a staff word inside the office's own name ("Unità di Staff …") says nothing of its staff
  const nameWords = new Set(input.structures.flatMap((s) => fold(s.name).split(/[^a-z0-9]+/)));
  const kept = fold(input.question)
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !nameWords.has(w));
  const q = ` ${kept.join(' ')} `;
  const field = said(q, STAFF_FIELD);
  const role = said(q, STAFF_ROLE) || said(q, MEMBERSHIP);
  const loose = said(q, STAFF_LOOSE) && !said(q, HEAD_ROLE);
  if (!field && !role && !loose && !frame.targets.includes('staff_allocation')) return false;
  // "chi è impegnato nei progetti del CdR X": a commitment word asks for the staff tables whatever leads
  if (field || frame.targets.includes('staff_allocation')) return true;
  // "quali uffici fanno parte dell'area …": offices asked for, led by the structure kind, are no staff
  const leadsWithRecords = RECORD_TARGETS.has(frame.targets[0] ?? 'structure') || frame.targets[0] === 'structure';
  const ofPeople =
    frame.targets.includes('person') || frame.targets.includes('staff_allocation') || frame.aggregate === 'count';
  return ofPeople && !leadsWithRecords;
}

export const structureStaffRoute: Route = {
  id: 'structure_staff',
  when: (input) =>
    input.structures.length > 0 &&
    !input.frame.codes.length &&
    !input.meant.length &&
    !input.frame.amounts.length &&
    !input.frame.superlative &&
    !input.frame.compare &&
    !input.frame.without.length &&
    !input.frame.present.length &&
    (input.frame.aggregate === null || input.frame.aggregate === 'count') &&
    asksStructureStaff(input),
  answer: ({ ctx, structures, lang }) => structureStaff(ctx, structures, lang),
};

/** The projects a structure is the centre of responsibility of, in its own plan. */
function projectsOf(ctx: ToolContext, s: Structure): Project[] {
  if (!s.code) return [];
  return ctx.store.projects.filter((p) => p.doc === s.doc && p.cdr === s.code && visible(ctx, p.doc));
}

export function structureStaff(ctx: ToolContext, structures: Structure[], lang: Lang): Reply | null {
  // staff tables are internal: the public audience is answered by the other routes (the head)
  if (!ctx.includeInternal) return null;
  const pack = PACKS[lang];
  const named = structures.filter((s) => visible(ctx, s.doc));
  if (!named.length) return null;
  const reply = emptyReply('structure_staff');
  const unstaffed: string[] = [];
  for (const s of named) {
    const entity = ctx.store.entityOf(s.doc);
    const role = s.headRole ?? pack.messages.structures.head;
    const projects = projectsOf(ctx, s).filter((p) => p.staff.length);
    if (!projects.length) {
      unstaffed.push(pack.messages.structures.noStaffOf(s.name, entity, role, s.head));
      reply.citations.push(citationOf(ctx, s.span, s.name));
      continue;
    }
    // one line per name, its allocations in the plan's order: the same person over many projects is one person
    const byName = new Map<string, { name: string; relations: Set<string>; allocations: string[] }>();
    for (const p of projects)
      for (const row of p.staff) {
        const key = personKey(row.name);
        const entry = byName.get(key) ?? { name: row.name, relations: new Set<string>(), allocations: [] };
        entry.relations.add(row.relation);
        entry.allocations.push(`${p.code} ${row.commitment.text}`);
        byName.set(key, entry);
      }
    if (reply.lines.length) reply.lines.push('');
    reply.lines.push(pack.messages.structures.staffOf(s.name, entity, byName.size, projects.length));
    if (s.head) {
      const headRows = byName.get(personKey(s.head))?.allocations.length ?? 0;
      reply.lines.push(pack.messages.structures.staffHead(role, s.head, headRows));
    }
    for (const [key, e] of byName) {
      if (s.head && key === personKey(s.head)) continue;
      reply.lines.push(
        pack.messages.structures.staffRow(e.name, [...e.relations].join(' / '), e.allocations.join(', ')),
      );
    }
    reply.citations.push(citationOf(ctx, s.span, s.name));
    for (const p of projects) {
      const first = p.staff[0]!.span;
      const last = p.staff.at(-1)!.span;
      reply.citations.push(
        citationOf(ctx, { doc: first.doc, lineStart: first.lineStart, lineEnd: last.lineEnd }, p.code),
      );
      reply.focus.push(p.code);
    }
  }
  if (!reply.lines.length) {
    reply.found = false;
    reply.intent = 'not_found_structure_staff';
  } else if (unstaffed.length) reply.lines.push('');
  reply.lines.push(...unstaffed);
  return reply;
}
