/**
 * Staff allocations filtered by their commitment or their relation: "chi lavora più del 50% sul progetto X",
 * "posizioni organizzative del CdR Y impegnate almeno al 25%", "su quali progetti Z supera il 10%". The allocations
 * of the projects, centres, people and plans named are listed, each with its commitment as written.
 */
import type { QueryFilter } from '../query/plan-query.ts';
import type { PlanStore } from '../store/plan-store.ts';
import type { Computation } from './frame-to-query.ts';
import type { QuestionFrame } from './question-frame.ts';

const staffedOf = new WeakMap<PlanStore, Set<string>>();
/** the plans that allocate people to projects, found once per store */
function staffedDocs(store: PlanStore): Set<string> {
  let docs = staffedOf.get(store);
  if (!docs) {
    docs = new Set(store.projects.filter((p) => p.staff.length > 0).map((p) => p.doc));
    staffedOf.set(store, docs);
  }
  return docs;
}

/** The question asks for people by their commitment or relation: the staff allocations answer it. */
export function staffAllocationsFor(frame: QuestionFrame, store: PlanStore): Computation | null {
  if (frame.superlative || frame.aggregate || frame.perGroup) return null;
  const shares = frame.amounts.filter((_, i) => frame.amountPercent[i]);
  // "la dirigente Rossi", "il dirigente X": a one-word relation beside a person named is that person's role
  const relations = frame.people.length ? frame.staffRelations.filter((r) => r.words >= 2) : frame.staffRelations;
  if (!shares.length && !relations.length) return null;
  // a percentage alone may be a project's share of its centre's resources: only people asked make it a commitment
  const staffWords =
    frame.targets.includes('staff_allocation') || frame.targets.includes('person') || frame.fields.includes('staff');
  // "incarichi professionali sul progetto X": a relation of two words is a request for staff by itself
  const namedRelation = relations.some((r) => r.words >= 2);
  // "progetti dove Y supera il 10%": someone who directs no project but is allocated to some is asked of that
  const allocatedOnly =
    frame.people.length > 0 &&
    frame.people.every((p) => {
      const person = store.peopleByKey.get(p.key);
      return person && !store.projectsDirectedBy(person).length && store.staffAllocationsOf(person).length > 0;
    });
  // without a percentage, a relation asks for staff when it is named in full, or with the project or centre whose
  // staff it is ("dipendenti a tempo indeterminato sul progetto X"); "dipendenti di categoria A" alone is no staff table
  const scoped = frame.codes.some((c) => c.kind === 'project') || frame.structures.some((s) => s.code);
  // ("quale dirigente segue il progetto X?" asks who directs it: a relation word that is no staff word asks no table)
  const staffTable = frame.targets.includes('staff_allocation') || frame.fields.includes('staff');
  if (shares.length ? !staffWords && !namedRelation && !allocatedOnly : !namedRelation && !(scoped && staffTable))
    return null;
  // other figures bounded with the percentage ("budget sopra 1 milione") are another kind of question
  if (frame.amounts.length !== shares.length && shares.length) return null;

  const filters: QueryFilter[] = [];
  const projects = frame.codes.filter((c) => c.kind === 'project');
  if (projects.length)
    filters.push(
      projects.length === 1
        ? { field: 'project', op: 'eq', value: projects[0]!.code }
        : { field: 'project', op: 'in', values: projects.map((c) => c.code) },
    );
  const centres = frame.structures.filter((s) => !s.excluded);
  const codes = [...new Set(centres.flatMap((s) => (s.code ? [s.code] : [])))];
  if (codes.length) filters.push({ field: 'cdr', op: 'in', values: codes });
  else if (centres.length) filters.push({ field: 'structure', op: 'in', values: centres.map((s) => s.name) });
  if (frame.people.length) filters.push({ field: 'name', op: 'in', values: frame.people.map((p) => p.name) });
  // a relation is a filter only where staff is asked: "la dirigente del CdR" beside "impegnata" is the Dirigente row
  if (relations.length) filters.push({ field: 'relation', op: 'in', values: relations.map((r) => r.relation) });
  for (const a of shares)
    filters.push(
      a.op === 'between'
        ? { field: 'commitment', op: 'between', value: a.value, value2: a.value2 ?? a.value }
        : { field: 'commitment', op: a.op, value: a.value },
    );
  // the plans of what is named: a record named by code is read in its own plan
  const named = [...new Set([...frame.codes.map((c) => c.doc), ...centres.map((s) => s.doc)])];
  const documents = named.length ? named : (frame.documents ?? undefined);
  // plans without staff tables asked about as a whole: a table or a passage of theirs may still hold the figure
  // (a record named by code is answered plainly: its plan allocates no one)
  const staffed = staffedDocs(store);
  if (!frame.codes.length && !(documents ? documents.some((d) => staffed.has(d)) : staffed.size)) return null;
  return {
    kind: 'list',
    query: { target: 'staff_allocation', filters, ...(documents ? { documents } : {}) },
    shown: ['relation', 'commitment'],
  };
}
