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

/** The maps a store's lookups read, built from the whole model the first time one of them is used. */
class Lookups {
  readonly objectivesByCode = new Map<string, Objective[]>();
  readonly projectsByCode = new Map<string, Project[]>();
  readonly indicatorsByCode = new Map<string, { indicator: Indicator; objective: Objective }[]>();
  readonly peopleByKey = new Map<string, Person>();
  /** objective code key → project, for the Reggio Emilia objectives that belong to a Prodotto */
  readonly projectOfObjective = new Map<string, Project>();
  readonly ownedBy = new Map<string, Objective[]>();
  readonly directedBy = new Map<string, Project[]>();
  readonly allocationsOf = new Map<string, StaffAllocationOf[]>();
  readonly headedBy = new Map<string, Structure[]>();

  constructor(model: PlanModel) {
    // names and codes recur across records and plans: each spelling is folded once (most of a thousand-plan load)
    const personKeyOf = memo(personKey);
    const codeKeyOf = memo(codeKey);
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
}

/** How a model read from a file a slice at a time is parsed ahead of use (ModelFile), or let go of. */
export interface ModelLoading {
  warm(): Promise<void>;
  close(): void;
}

/**
 * Read-only lookups over the plan model, built once so that no question scans or re-folds it all. Only the documents
 * are needed at hand: over a model read lazily (lazyPlanModel), the records and the maps are made the first time
 * they are used, or ahead of it by `warm`, which a server runs once it is ready (the same data either way).
 */
export class PlanStore {
  readonly documentsByFile = new Map<string, PlanDocument>();
  private built: Lookups | null = null;

  constructor(
    readonly model: PlanModel,
    private readonly loading?: ModelLoading,
  ) {
    for (const d of model.documents) this.documentsByFile.set(d.file, d);
  }

  private get lookups(): Lookups {
    this.built ??= new Lookups(this.model);
    return this.built;
  }

  /** Reads the whole model and builds the maps now, yielding between slices; rejects when the model is damaged. */
  async warm(): Promise<void> {
    await this.loading?.warm();
    void this.lookups;
  }

  /** Lets go of a lazily read model file, for a store that will not be used. */
  release(): void {
    this.loading?.close();
  }

  get objectivesByCode(): Map<string, Objective[]> {
    return this.lookups.objectivesByCode;
  }
  get projectsByCode(): Map<string, Project[]> {
    return this.lookups.projectsByCode;
  }
  get indicatorsByCode(): Map<string, { indicator: Indicator; objective: Objective }[]> {
    return this.lookups.indicatorsByCode;
  }
  get peopleByKey(): Map<string, Person> {
    return this.lookups.peopleByKey;
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
    return this.lookups.projectOfObjective.get(`${objective.doc}|${codeKey(objective.code)}`);
  }

  /** Objectives whose owners include the person (any spelling of their name). */
  objectivesOwnedBy(person: Person): Objective[] {
    return this.lookups.ownedBy.get(person.key) ?? [];
  }

  projectsDirectedBy(person: Person): Project[] {
    return this.lookups.directedBy.get(person.key) ?? [];
  }

  staffAllocationsOf(person: Person): StaffAllocationOf[] {
    return this.lookups.allocationsOf.get(person.key) ?? [];
  }

  structuresHeadedBy(person: Person): Structure[] {
    return this.lookups.headedBy.get(person.key) ?? [];
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
