import type { Objective, PlanDocument, PlanModel, Person, Project, SourceSpan, Structure } from '../plan/model.ts';
import { personKey } from '../plan/names.ts';
import { fold } from '../plan/text.ts';

/** Code as a lookup key: case, accents, spaces, dashes and underscores do not matter (`VI-1` = `VI - 1`). */
export function codeKey(code: string): string {
  return fold(code).replace(/[\s_\-–]+/g, '').replace(/\.$/, '');
}

/** Read-only lookups over the plan model, built once at start-up. */
export class PlanStore {
  readonly objectivesByCode = new Map<string, Objective[]>();
  readonly projectsByCode = new Map<string, Project[]>();
  readonly peopleByKey = new Map<string, Person>();
  readonly documentsByFile = new Map<string, PlanDocument>();
  /** objective code key → project, for the Reggio Emilia objectives that belong to a Prodotto */
  readonly projectOfObjective = new Map<string, Project>();

  constructor(readonly model: PlanModel) {
    for (const d of model.documents) this.documentsByFile.set(d.file, d);
    for (const o of model.objectives) push(this.objectivesByCode, codeKey(o.code), o);
    for (const p of model.projects) {
      push(this.projectsByCode, codeKey(p.code), p);
      for (const c of p.objectives) this.projectOfObjective.set(`${p.doc}|${codeKey(c)}`, p);
    }
    for (const person of model.people) this.peopleByKey.set(person.key, person);
  }

  get objectives(): Objective[] {
    return this.model.objectives;
  }
  get projects(): Project[] {
    return this.model.projects;
  }
  get structures(): Structure[] {
    return this.model.structures;
  }
  get people(): Person[] {
    return this.model.people;
  }

  entityOf(doc: string): string {
    return this.documentsByFile.get(doc)?.entity ?? doc;
  }

  documentOf(doc: string): PlanDocument | undefined {
    return this.documentsByFile.get(doc);
  }

  projectOf(objective: Objective): Project | undefined {
    return this.projectOfObjective.get(`${objective.doc}|${codeKey(objective.code)}`);
  }

  /** Objectives whose owners include the person (any spelling of their name). */
  objectivesOwnedBy(person: Person): Objective[] {
    return this.objectives.filter((o) => o.owners.some((owner) => personKey(owner) === person.key));
  }

  projectsDirectedBy(person: Person): Project[] {
    return this.projects.filter((p) => p.dirigente && personKey(p.dirigente) === person.key);
  }

  staffAllocationsOf(person: Person): { project: Project; relation: string; commitment: string; span: SourceSpan }[] {
    return this.projects.flatMap((project) =>
      project.staff
        .filter((s) => personKey(s.name) === person.key)
        .map((s) => ({ project, relation: s.relation, commitment: s.commitment.text, span: s.span })),
    );
  }

  structuresHeadedBy(person: Person): Structure[] {
    return this.structures.filter((s) => s.head && personKey(s.head) === person.key);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
