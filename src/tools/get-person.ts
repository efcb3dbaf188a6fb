import { z } from 'zod';
import { findPeople } from '../answer/link-entities.ts';
import type { Objective, Person, Project, Structure } from '../plan/model.ts';
import type { StaffAllocationOf } from '../store/plan-store.ts';
import { personVisible, type ToolContext, visible } from './tool-context.ts';

export const GetPersonInput = z.object({
  name: z
    .string()
    .min(2)
    .describe('a person name as the user wrote it: surname only, first name first, with a title, or with a typo'),
});
export type GetPersonInput = z.infer<typeof GetPersonInput>;

export interface PersonProfile {
  person: Person;
  objectives: Objective[];
  projectsDirected: Project[];
  allocations: StaffAllocationOf[];
  structures: Structure[];
}

export type GetPersonResult =
  | { status: 'found'; profile: PersonProfile }
  | { status: 'ambiguous'; people: Person[] }
  | { status: 'not_found'; name: string | null };

/** A person's objectives, the projects they lead, their impegno % on projects and the structures they head. */
export function getPerson(ctx: ToolContext, input: GetPersonInput): GetPersonResult {
  const { name } = GetPersonInput.parse(input);
  const { matches, unknownName } = findPeople(name, ctx.store, (p) => personVisible(ctx, p));
  const people = matches.map((m) => m.person);
  if (people.length === 0) return { status: 'not_found', name: unknownName };
  if (people.length > 1) return { status: 'ambiguous', people };
  return { status: 'found', profile: profileOf(ctx, people[0]!) };
}

export function profileOf(ctx: ToolContext, person: Person): PersonProfile {
  const { store } = ctx;
  return {
    person,
    objectives: store.objectivesOwnedBy(person).filter((o) => visible(ctx, o.doc)),
    projectsDirected: store.projectsDirectedBy(person).filter((p) => visible(ctx, p.doc)),
    allocations: ctx.includeInternal ? store.staffAllocationsOf(person).filter((a) => visible(ctx, a.project.doc)) : [],
    structures: store.structuresHeadedBy(person).filter((s) => visible(ctx, s.doc)),
  };
}
