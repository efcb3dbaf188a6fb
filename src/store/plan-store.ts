import type {
  Indicator,
  Objective,
  Person,
  PlanDocument,
  PlanModel,
  Project,
  SourceSpan,
  Structure,
} from '../plan/model.ts';
import { personKey } from '../plan/names.ts';
import { fold } from '../plan/text.ts';

/** Code as a lookup key: case, accents, spaces, dashes and underscores do not matter (`VI-1` = `VI - 1`). */
export function codeKey(code: string): string {
  return fold(code)
    .replace(/[\s_\-–]+/g, '')
    .replace(/\.$/, '');
}

export interface StaffAllocationOf {
  project: Project;
  relation: string;
  commitment: string;
  span: SourceSpan;
}

/** Read-only lookups over the plan model, built once at start-up so that no question scans or re-folds it all. */
export class PlanStore {
  readonly objectivesByCode = new Map<string, Objective[]>();
  readonly projectsByCode = new Map<string, Project[]>();
  readonly indicatorsByCode = new Map<string, { indicator: Indicator; objective: Objective }[]>();
  readonly peopleByKey = new Map<string, Person>();
  readonly documentsByFile = new Map<string, PlanDocument>();
  /** objective code key → project, for the Reggio Emilia objectives that belong to a Prodotto */
  private readonly projectOfObjective = new Map<string, Project>();
  private readonly ownedBy = new Map<string, Objective[]>();
  private readonly directedBy = new Map<string, Project[]>();
  private readonly allocationsOf = new Map<string, StaffAllocationOf[]>();
  private readonly headedBy = new Map<string, Structure[]>();

  constructor(readonly model: PlanModel) {
    // names and codes recur across records and plans: each spelling is folded once (most of a thousand-plan load)
    const personKeyOf = memo(personKey);
    const codeKeyOf = memo(codeKey);
    for (const d of model.documents) this.documentsByFile.set(d.file, d);
    for (const o of model.objectives) {
      push(this.objectivesByCode, codeKeyOf(o.code), o);
      for (const owner of o.owners) push(this.ownedBy, personKeyOf(owner), o);
      for (const indicator of o.indicators)
        if (indicator.code) push(this.indicatorsByCode, codeKeyOf(indicator.code), { indicator, objective: o });
    }
    for (const p of model.projects) {
      push(this.projectsByCode, codeKeyOf(p.code), p);
      for (const c of p.objectives) this.projectOfObjective.set(`${p.doc}|${codeKeyOf(c)}`, p);
      if (p.dirigente) push(this.directedBy, personKeyOf(p.dirigente), p);
      for (const s of p.staff)
        push(this.allocationsOf, personKeyOf(s.name), {
          project: p,
          relation: s.relation,
          commitment: s.commitment.text,
          span: s.span,
        });
    }
    for (const s of model.structures) if (s.head) push(this.headedBy, personKeyOf(s.head), s);
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
    return this.ownedBy.get(person.key) ?? [];
  }

  projectsDirectedBy(person: Person): Project[] {
    return this.directedBy.get(person.key) ?? [];
  }

  staffAllocationsOf(person: Person): StaffAllocationOf[] {
    return this.allocationsOf.get(person.key) ?? [];
  }

  structuresHeadedBy(person: Person): Structure[] {
    return this.headedBy.get(person.key) ?? [];
  }
}

function memo(fn: (s: string) => string): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let got = seen.get(s);
    if (got === undefined) {
      got = fn(s);
      seen.set(s, got);
    }
    return got;
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
