/**
 * QuestionFrame → what to compute: a plan query (list, top-k, aggregate) or a comparison, when the frame holds a
 * condition a plain lookup cannot answer (a superlative, an amount, a missing field, a date bound, a sum, two codes or
 * two people to compare). Null leaves the question to the lookup routes.
 */

import { PACKS, packFor } from '../lang/packs.ts';
import { fold } from '../plan/text.ts';
import type { PlanQuery, QueryFilter, QueryTarget } from '../query/plan-query.ts';
import { levelLabels } from '../query/record-fields.ts';
import { codeKey, type PlanStore } from '../store/plan-store.ts';
import { totalsOf } from '../store/totals-by-document.ts';
import { subRecordsNamedByParts, wordsCovered } from './named-sub-records.ts';
import { phraseAt, wordsOf } from './phrases.ts';
import type { FieldWord, QuestionFrame } from './question-frame.ts';
import { staffAllocationsFor } from './staff-query.ts';

/** A group of records compared with another: its label, and the filters that select its records. */
export interface RecordGroup {
  label: string;
  filters: QueryFilter[];
  documents?: string[];
}

/** A total the plan states, by its level's label, centre and plan. */
export interface StatedRef {
  label: string;
  cdr: string | null;
  doc: string;
}

export type Computation =
  /** counted: "quanti …" asked, so the number leads and is said to be computed */
  | { kind: 'list'; query: PlanQuery; shown: string[]; counted?: boolean }
  /** nth: only the record at that place (and any tied with it) */
  /** byParent: sub-records ranked to answer which objective holds the top one ("l'obiettivo con la fase più lunga") */
  | {
      kind: 'top';
      query: PlanQuery;
      field: string;
      dir: 'asc' | 'desc';
      shown?: string[];
      nth?: number;
      byParent?: boolean;
      /** "le fasi più pesanti" with no number: when records tie at the top, they are the answer */
      topTies?: boolean;
    }
  /** stated: the totals the plan states for the same records (a level of its budget tree), quoted beside the sum */
  | { kind: 'sum'; query: PlanQuery; field: string; stated?: StatedRef[] }
  /** both ends of a ranking: the records with the lowest and the highest value of the field */
  | { kind: 'extremes'; query: PlanQuery; field: string }
  /** the weights of one objective's phases (or indicators), of one sheet year when the plan has one per year */
  | { kind: 'weights_total'; code: string; doc: string; sub?: 'phase' | 'indicator'; year?: number }
  | { kind: 'stated_totals'; cdrs: { code: string; doc: string }[]; compare?: boolean }
  /** totals the plan states for a level named by its label (an azione, an obiettivo, an indirizzo) */
  /** ranked: "quale azione ha il budget più alto", the totals ordered and cut at k (ties at the cut kept) */
  | {
      kind: 'stated_named';
      totals: { label: string; cdr: string | null; doc: string }[];
      compare?: boolean;
      ranked?: { dir: 'asc' | 'desc'; k: number };
    }
  /** dir "min": the question asks which is lower ("quale costa meno?"), said after the difference */
  /** ratio: "è il doppio?", the higher as a multiple of the lower is said too */
  | {
      kind: 'compare_codes';
      target: 'project' | 'objective';
      codes: { code: string; doc: string }[];
      field: string;
      dir?: 'max' | 'min';
      ratio?: boolean;
    }
  /** projects named, as a share of the stated total of the centre named: their budgets summed, the share computed */
  | { kind: 'share'; query: PlanQuery; cdr: { code: string; doc: string } }
  /** phases (or indicators) of one objective named by their words, summed or compared on a figure of theirs */
  | { kind: 'named_subs'; query: PlanQuery; field: string; op: 'sum' | 'compare'; ratio?: boolean }
  /** dir: who has more ("max"), or who has fewer ("min") */
  | {
      kind: 'compare_people';
      people: string[];
      target: 'objective' | 'project' | 'phase' | 'indicator';
      dir?: 'max' | 'min';
    }
  /** groups of records compared by their count, or by the sum of a field */
  /** averaged: each group's average of the field ("costano in media di più"), not its total */
  | {
      kind: 'compare_groups';
      target: QueryTarget;
      groups: RecordGroup[];
      sumField: string | null;
      dir?: 'min';
      averaged?: boolean;
    }
  /** people or structures ranked by the count of their records, or by the sum of a field */
  /** averaged: the groups' average said first ("quanti obiettivi ha in media ciascun responsabile") */
  | {
      kind: 'group_rank';
      query: PlanQuery;
      dir: 'asc' | 'desc';
      k: number;
      groupOf: 'person' | 'structure' | 'objective';
      averaged?: boolean;
      /** groups set apart ("a parte X e Y, chi ha più…"): left out of the ranking, their records still counted */
      excluded?: string[];
    };

/** the question words naming each side or part of a budget table, and the header words that carry it, both languages */
const COLUMN_WORDS = Object.values(PACKS).flatMap((p) => p.lexicon.columns ?? []);

/**
 * "il capitolo di spesa più grande del progetto X", "the largest revenue line of X": one project's budget rows ranked
 * by amount. The sides the question names (revenue, expense) keep the columns whose headers carry them; a side named
 * that the table lacks leaves nothing to rank, said as not found.
 */
/** Staff allocations ranked by their commitment, within the filters given (a person, some centres). */
function commitmentsRanked(
  frame: QuestionFrame,
  superlative: NonNullable<QuestionFrame['superlative']>,
  within: NonNullable<PlanQuery['filters']>,
): Computation {
  const dir = superlative.dir === 'max' ? 'desc' : 'asc';
  return {
    kind: 'top',
    query: {
      target: 'staff_allocation',
      ...(frame.documents ? { documents: frame.documents } : {}),
      filters: [
        ...within,
        { field: 'commitment', op: frame.nonZero ? 'gt' : 'exists', ...(frame.nonZero ? { value: 0 } : {}) },
      ],
      sort: { field: 'commitment', dir },
      limit: superlative.k,
    },
    field: 'commitment',
    dir,
  };
}

function budgetRowsRanked(
  frame: QuestionFrame,
  projectCodes: QuestionFrame['codes'],
  store: PlanStore,
): Computation | null {
  if (!frame.superlative || projectCodes.length !== 1 || frame.targets[0] !== 'budget_row') return null;
  const named = projectCodes[0]!;
  const project = store.projectsByCode.get(codeKey(named.code))?.find((p) => p.doc === named.doc);
  if (!project) return null;
  const words = ` ${wordsOf(frame.text)} `;
  // the kinds asked in any language; a kind's header words from every pack (an English question, Italian headers)
  const kinds = new Set(COLUMN_WORDS.filter((c) => c.asked.some((w) => words.includes(` ${w}`))).map((c) => c.kind));
  const asked = [...kinds]
    .map((kind) => ({ labels: COLUMN_WORDS.filter((c) => c.kind === kind).flatMap((c) => c.labels) }))
    .filter((c) => c.labels.length);
  const labels = Object.keys(project.budgetTotals).length
    ? Object.keys(project.budgetTotals)
    : [...new Set(project.budgetRows.flatMap((r) => Object.keys(r.amounts)))];
  const kept = asked.length
    ? labels.filter((l) =>
        asked.every((c) =>
          wordsOf(l)
            .split(' ')
            .some((w) => c.labels.some((x) => w.startsWith(x))),
        ),
      )
    : labels;
  const dir = frame.superlative.dir === 'max' ? 'desc' : 'asc';
  return {
    kind: 'top',
    shown: ['column', 'amount'],
    ...(frame.ordinal ? { nth: frame.ordinal } : {}),
    query: {
      target: 'budget_row',
      documents: [named.doc],
      filters: [
        { field: 'project', op: 'eq', value: named.code },
        { field: 'column', op: 'in', values: kept },
        { field: 'amount', op: 'exists' },
      ],
      sort: { field: 'amount', dir },
      limit: frame.superlative.k,
    },
    field: 'amount',
    dir,
  };
}

/** Which query field a field word means, per target. */
const FIELD_OF: Partial<Record<QueryTarget, Partial<Record<FieldWord, string>>>> = {
  project: { budget: 'budget', staff: 'staff', objectives: 'objectives', share: 'budgetShare', revenue: 'revenue' },
  objective: {
    phases: 'phases',
    indicators: 'indicators',
    weight: 'phaseWeight',
    budget: 'financialAmount',
    end: 'end',
    start: 'start',
    duration: 'duration',
  },
  phase: { weight: 'weight', end: 'end', start: 'start', duration: 'duration' },
  indicator: { weight: 'weight', target: 'target', end: 'end' },
  structure: { objectives: 'objectives', projects: 'projects' },
  person: { objectives: 'objectives', projects: 'projects' },
};
/** the field a superlative or an amount is about when the question names none */
const DEFAULT_FIELD: Partial<Record<QueryTarget, string>> = {
  project: 'budget',
  phase: 'weight',
  indicator: 'weight',
  objective: 'financialAmount',
  staff_allocation: 'commitment',
};
/**
 * The field a superlative ranks by when the question names none: the target's default, but an indicator of plans
 * that weigh no indicator is ranked by its expected value ("l'indicatore più alto del X"), the one figure it has.
 */
function defaultFieldIn(
  target: QueryTarget,
  docs: readonly string[] | undefined,
  store: PlanStore,
): string | undefined {
  if (target !== 'indicator' || !docs?.length) return DEFAULT_FIELD[target];
  const weighed = docsOf(store).weighsIndicators;
  return docs.some((d) => weighed.has(d)) ? DEFAULT_FIELD[target] : 'target';
}
const DATE_WORDS = new Set<FieldWord>(['start', 'end']);
/** field words naming a figure of a record: asked of a list, each record's figure is shown beside it */
const FIGURE_WORDS = new Set<FieldWord>(['budget', 'weight', 'share']);
/** The field that splits a target's records by a kind of group ("di ogni CdR" → a project's cdr). */
const PER_FIELD: Partial<Record<QueryTarget, Partial<Record<QueryTarget, string>>>> = {
  project: { structure: 'cdr', person: 'dirigente' },
  objective: { structure: 'structure', person: 'owner' },
  phase: { objective: 'objective', structure: 'structure', person: 'owner' },
  indicator: { objective: 'objective', structure: 'structure', person: 'owner' },
};
/** fields a record may lack ("senza responsabile") that are no figure to rank or bound */
const MISSING_ONLY: Partial<Record<QueryTarget, Partial<Record<FieldWord, string>>>> = {
  objective: { owner: 'owner' },
  project: { owner: 'dirigente' },
};
const SELF_WORD: Partial<Record<QueryTarget, FieldWord>> = {
  project: 'projects',
  objective: 'objectives',
  phase: 'phases',
  indicator: 'indicators',
};

export function computationFor(linked: QuestionFrame, store: PlanStore): Computation | null {
  const c = computeFor(linked, store);
  if (c?.kind === 'compare_codes' && linked.ratio) return { ...c, ratio: true };
  // "i progetti di A costano in media più di quelli di B?": the groups' averages compared
  if (c?.kind === 'compare_groups' && c.sumField && linked.aggregate === 'avg') return { ...c, averaged: true };
  // "quale centro ha meno progetti?": a comparison of groups that asks for the lower one says which it is
  return c?.kind === 'compare_groups' && linked.superlative?.dir === 'min' ? { ...c, dir: 'min' } : c;
}

function computeFor(linked: QuestionFrame, store: PlanStore): Computation | null {
  if (linked.meta || linked.progress) return null;
  // "in X qual è l'indicatore più alto?" with X a code no plan holds: the record asked of is unknown, and ranking every
  // record instead would answer another question; the unknown-code answer says so (and the nearest codes)
  if (linked.unknownCodes.length && !linked.codes.length && linked.superlative) return null;
  const frame = { ...linked, structures: fullyNamed(linked) };
  const projectCodes = frame.codes.filter((c) => c.kind === 'project');
  const objectiveCodes = frame.codes.filter((c) => c.kind === 'objective');
  const fieldWords = frame.fields;
  const compared =
    shareOfCentre(frame, projectCodes, store) ??
    namedSubRecordsFigures(frame, objectiveCodes, store) ??
    namedSubRecordsCompared(frame, objectiveCodes, store) ??
    // "chi lavora più del 10% su X", "posizioni organizzative del CdR Y": people by their commitment or relation
    staffAllocationsFor(frame, store);
  if (compared) return compared;
  const rowsRanked = budgetRowsRanked(frame, projectCodes, store);
  if (rowsRanked) return rowsRanked;

  // "totale di A più B": a sum says "più" too; only an explicit comparison word outranks it
  const sumAsked = frame.aggregate === 'sum' && !frame.compare;
  // two of a kind named with a superlative is a comparison whatever the word order: "A o B: quale costa meno?",
  // "CdR 85 o CdR 87, chi ha il budget maggiore?" (a ranking that leads with its records stays a ranking)
  const pairNamed =
    projectCodes.length === 2 ||
    objectiveCodes.length === 2 ||
    frame.people.length === 2 ||
    (frame.structures.length === 2 && !['project', 'objective'].includes(frame.targets[0] ?? ''));
  const graded = frame.superlative !== null && frame.superlative.k === 1 && pairNamed;
  const comparing = (frame.compare || frame.more || graded) && !sumAsked;
  // the field the comparative is about comes first ("which one has more people on it" → staff)
  const rankedWords: FieldWord[] = frame.rankField ? [frame.rankField, ...fieldWords] : fieldWords;
  // three or more records compared ("8501 vs 8504 vs 8716"): all of them in order of the field, the top first
  for (const [kind, named] of [
    ['project', projectCodes],
    ['objective', objectiveCodes],
  ] as const) {
    if (!comparing || named.length < 3) continue;
    const field =
      fieldFor(
        kind,
        rankedWords.filter((w) => w !== SELF_WORD[kind]),
      ) ?? DEFAULT_FIELD[kind];
    if (!field) continue;
    const dir = frame.superlative?.dir === 'min' ? 'asc' : 'desc';
    return {
      kind: 'top',
      query: {
        target: kind,
        documents: [...new Set(named.map((c) => c.doc))],
        filters: [
          { field: 'code', op: 'in', values: named.map((c) => c.code) },
          { field, op: 'exists' },
        ],
        sort: { field, dir },
        limit: named.length,
      },
      field,
      dir,
    };
  }
  // two codes compared, or two people
  if (comparing && projectCodes.length === 2) {
    const field = fieldFor('project', rankedWords) ?? 'budget';
    return { kind: 'compare_codes', target: 'project', codes: projectCodes, field, ...lowerAsked(frame) };
  }
  // two objectives compared by a field they have (phases, indicators, resources, weights)
  if (comparing && objectiveCodes.length === 2) {
    // "quale ha la fase più lunga tra A e B?": the two objectives' phases ranked, the objective of the top one named
    const sub = frame.gradedRecord;
    const subField =
      (sub === 'phase' || sub === 'indicator') && frame.rankField && !COUNTED.has(frame.rankField)
        ? FIELD_OF[sub]?.[frame.rankField]
        : undefined;
    if (sub && subField) {
      const dir = frame.superlative?.dir === 'min' ? 'asc' : 'desc';
      return {
        kind: 'top',
        byParent: true,
        ...(subField === 'duration' ? { shown: ['start', 'end', 'duration'] } : {}),
        query: {
          target: sub,
          documents: [...new Set(objectiveCodes.map((c) => c.doc))],
          filters: [
            { field: 'objective', op: 'in', values: objectiveCodes.map((c) => c.code) },
            { field: subField, op: 'exists' },
          ],
          sort: { field: subField, dir },
          limit: 1,
        },
        field: subField,
        dir,
      };
    }
    // "by total phase weight": the phases' weight, not their number, when a weight is named beside them
    const objectiveWords = rankedWords.filter((w) => w !== 'objectives');
    // "quanto in più ha A rispetto a B?": with no figure named, the money both hold (their financial resources, the
    // only amount an objective has), as a sum of them would take
    const bothFunded = objectiveCodes.every((c) =>
      store.objectives.some((o) => o.code === c.code && o.doc === c.doc && o.financialAmount),
    );
    const field =
      fieldFor(
        'objective',
        objectiveWords.includes('weight') && !frame.rankField ? ['weight', ...objectiveWords] : objectiveWords,
      ) ?? (!objectiveWords.length && bothFunded ? 'financialAmount' : undefined);
    if (field)
      return { kind: 'compare_codes', target: 'objective', codes: objectiveCodes, field, ...lowerAsked(frame) };
  }
  // two entities' plans: "ha più obiettivi Lago Verde o Monteluce?"
  if (comparing && frame.entities.length === 2 && !frame.codes.length && !frame.people.length) {
    const byEntity = entityGroupsFor(frame, store);
    if (byEntity) return byEntity;
  }
  // one objective's sheets of two years, or a plan's records of two years: "più fasi nel 2019 o nel 2020?"
  if (comparing && frame.years.length === 2 && !frame.people.length && objectiveCodes.length <= 1) {
    const byYear = yearGroupsFor(frame, objectiveCodes[0], store);
    if (byYear) return byYear;
  }
  if ((frame.compare || frame.more || graded) && frame.people.length === 2) {
    // "chi ha più progetti senza budget": each one's records that meet the conditions, counted
    const conditioned = conditionedGroups(frame, store);
    if (conditioned) return conditioned;
    // "chi gestisce più budget": the budgets of the projects each one directs, summed
    if (fieldWords.includes('budget') && !frame.targets.includes('objective') && store.projects.length)
      return {
        kind: 'compare_groups',
        target: 'project',
        sumField: 'budget',
        groups: frame.people.map((p) => ({
          label: p.name,
          filters: [{ field: 'dirigente', op: 'eq', value: p.name }],
        })),
      };
    // "chi ha più fasi nei suoi obiettivi": the records the comparative counts, else the records named
    const target =
      frame.rankField === 'phases'
        ? 'phase'
        : frame.rankField === 'indicators'
          ? 'indicator'
          : frame.targets.includes('project')
            ? 'project'
            : 'objective';
    // "chi ha meno obiettivi": a "less" word or a superlative towards the smallest asks who has fewer
    const dir = frame.superlative?.dir === 'min' ? 'min' : 'max';
    return { kind: 'compare_people', people: frame.people.map((p) => p.name), target, dir };
  }
  // "la linea di mandato 01 rispetto alla 02", "azione A o azione B: quale pesa di più?": two levels of the plans'
  // hierarchy compared by their records, counted or with their budgets summed
  const levelPair = levelPairFor(frame, store, comparing);
  if (levelPair) return levelPair;
  // two structures compared: by their stated totals when the plan states them, else by their records
  const cdrsNamed = frame.structures.filter((s) => s.code);
  // "l'azione Politiche familiari pesa di più nel CdR 85 o nel 87?": one level's stated totals, one per centro
  if (comparing && cdrsNamed.length === 2 && !frame.codes.length) {
    const inCentres = (t: { cdr?: string | null; doc: string }) =>
      cdrsNamed.some((c) => c.code === t.cdr && c.doc === t.doc);
    const written = labelledTotals(frame, store).filter(inCentres);
    // "budget dell'azione Inclusione attiva: CdR 85 o 87?": the level named in part, its stated total in each centre
    const level = frame.levels.length === 1 ? frame.levels[0]! : null;
    const labelled =
      written.length === 2 || !level
        ? written
        : store.model.totals.filter(
            (t) => t.level === STATED_LEVEL[level.level] && t.label === level.label && t.amount && inCentres(t),
          );
    if (labelled.length === 2 && labelled[0]!.label === labelled[1]!.label)
      return {
        kind: 'stated_named',
        totals: labelled.map((t) => ({ label: t.label, cdr: t.cdr ?? null, doc: t.doc })),
        compare: true,
      };
  }
  if (comparing && frame.structures.length === 2 && !frame.people.length && !frame.codes.length) {
    const stated = cdrsNamed.filter((s) =>
      store.model.totals.some((t) => t.level === 'cdr' && t.cdr === s.code && t.doc === s.doc && t.amount),
    );
    // centres of responsibility that hold projects are budget centres: "which is bigger" means their budget,
    // "più progetti" their projects; objectives or phases named count those
    const budgetCentres =
      cdrsNamed.length === 2 && cdrsNamed.every((c) => store.projects.some((p) => p.doc === c.doc && p.cdr === c.code));
    const recordsNamed = frame.targets.some((t) => t === 'objective' || t === 'phase' || t === 'project');
    const byBudget = fieldWords.includes('budget') || (budgetCentres && !recordsNamed);
    // "più progetti senza budget": the conditions narrow each one's records, so no stated total answers
    const target =
      budgetCentres && (byBudget || frame.targets.includes('project') || frame.without.length)
        ? 'project'
        : 'objective';
    const conditions = conditionsOf(frame, target);
    if (!conditions) return null;
    if (byBudget && stated.length === 2 && !conditions.length)
      return { kind: 'stated_totals', cdrs: stated.map((s) => ({ code: s.code!, doc: s.doc })), compare: true };
    return {
      kind: 'compare_groups',
      target,
      sumField: target === 'project' && byBudget && !frame.without.includes('budget') ? 'budget' : null,
      groups: frame.structures.map((s) => ({
        label: s.name,
        documents: [s.doc],
        filters: [
          target === 'project' && s.code
            ? { field: 'cdr', op: 'eq', value: s.code }
            : { field: 'structure', op: 'eq', value: s.name },
          ...conditions,
        ],
      })),
    };
  }
  // "budget per azione nel CdR 87": the stated totals of that level, in the centre or plans named
  if (frame.groupLevel && !frame.codes.length && !frame.people.length && !frame.amounts.length) {
    const docs = frame.documents ? new Set(frame.documents) : null;
    const centres = frame.structures.filter((s) => s.code);
    const ranked = frame.superlative
      ? { dir: frame.superlative.dir === 'max' ? ('desc' as const) : ('asc' as const), k: frame.superlative.k }
      : null;
    const totals = store.model.totals.filter(
      (t) =>
        t.level === frame.groupLevel &&
        // a ranking says the levels with no stated total apart; a list shows only the stated ones
        (t.amount || ranked) &&
        (!docs || docs.has(t.doc)) &&
        (!centres.length || centres.some((c) => c.code === t.cdr && c.doc === t.doc)),
    );
    if (totals.length && (ranked || totals.length <= MAX_GROUPS))
      return {
        kind: 'stated_named',
        totals: totals.map((t) => ({ label: t.label, cdr: t.cdr ?? null, doc: t.doc })),
        ...(ranked ? { ranked } : {}),
      };
  }
  // "lo scarto tra i due CdR di X", "budget totale per CdR": the centres the plans in scope state totals for
  const unnamedCentres = statedCentresInScope(frame, store, comparing);
  if (unnamedCentres) return unnamedCentres;
  // "chi ha più obiettivi", "quale settore ha il budget più alto": people or structures ranked by their records
  const grouped = groupRankFor(frame, store);
  if (grouped) return grouped;
  // "quali strutture lavorano sulla linea di mandato 03?", "chi segue l'azione X?": the offices (people) of the records
  // under a level, each with how many of them it holds
  const levelHolders = levelHoldersFor(frame, store);
  if (levelHolders) return levelHolders;
  // "A + B", "media di A, B e C": a figure of several named records, summed or averaged
  const op = frame.aggregate === 'avg' ? 'avg' : 'sum';
  if ((frame.aggregate === 'sum' || frame.aggregate === 'avg') && projectCodes.length >= 2) {
    const field = fieldFor('project', fieldWords) ?? 'budget';
    return {
      kind: 'sum',
      query: {
        target: 'project',
        filters: [{ field: 'code', op: 'in', values: projectCodes.map((c) => c.code) }],
        documents: [...new Set(projectCodes.map((c) => c.doc))],
        aggregate: { op, field },
      },
      field,
    };
  }
  // "il fondo X e il progetto Y quanto fanno insieme?": objectives named by their words, their resources summed when
  // no other figure of theirs is named (only resources are money an objective holds)
  if ((frame.aggregate === 'avg' || sumAsked) && objectiveCodes.length >= 2) {
    const named = fieldWords.filter((w) => w !== 'objectives' && w !== 'projects');
    const field =
      fieldFor('objective', named) ??
      (frame.aggregate === 'sum' && (!named.length || named.includes('budget')) ? 'financialAmount' : undefined);
    if (field)
      return {
        kind: 'sum',
        query: {
          target: 'objective',
          filters: [{ field: 'code', op: 'in', values: objectiveCodes.map((c) => c.code) }],
          documents: [...new Set(objectiveCodes.map((c) => c.doc))],
          aggregate: { op, field },
        },
        field,
      };
  }
  // "how many staff on A and B in total", "quante fasi hanno X e Y": a count field of several named records, summed
  for (const [kind, named] of [
    ['project', projectCodes],
    ['objective', objectiveCodes],
  ] as const) {
    if (frame.aggregate !== 'count' || named.length < 2 || frame.superlative) continue;
    const field = fieldFor(
      kind,
      fieldWords.filter((w) => w !== SELF_WORD[kind] && COUNTED.has(w)),
    );
    if (field)
      return {
        kind: 'sum',
        query: {
          target: kind,
          filters: [{ field: 'code', op: 'in', values: named.map((c) => c.code) }],
          documents: [...new Set(named.map((c) => c.doc))],
          aggregate: { op: 'sum', field },
        },
        field,
      };
  }
  // who is most (least) committed to one named project: rank that project's staff allocations
  if (
    frame.superlative &&
    projectCodes.length === 1 &&
    (frame.targets.includes('person') || frame.targets.includes('staff_allocation'))
  ) {
    const dir = frame.superlative.dir === 'max' ? 'desc' : 'asc';
    return {
      kind: 'top',
      query: {
        target: 'staff_allocation',
        documents: [projectCodes[0]!.doc],
        filters: [
          { field: 'project', op: 'eq', value: projectCodes[0]!.code },
          { field: 'commitment', op: frame.nonZero ? 'gt' : 'exists', ...(frame.nonZero ? { value: 0 } : {}) },
        ],
        sort: { field: 'commitment', dir },
        limit: frame.superlative.k,
      },
      field: 'commitment',
      dir,
    };
  }
  // "su quale progetto X ha l'impegno più alto?": one person's allocations ranked by their commitment (a person who
  // directs projects and names no commitment word is ranked by the projects' own figures below)
  if (
    frame.superlative &&
    frame.people.length === 1 &&
    !frame.codes.length &&
    frame.targets.includes('staff_allocation') &&
    !frame.rankField
  ) {
    return commitmentsRanked(frame, frame.superlative, [{ field: 'name', op: 'eq', value: frame.people[0]!.name }]);
  }
  // "chi ha l'impegno più alto nel CdR 87?": every allocation of the centre's (or the plans') projects ranked by its
  // commitment, the project of each said beside the person
  if (
    frame.superlative &&
    !frame.people.length &&
    !frame.codes.length &&
    frame.targets.includes('staff_allocation') &&
    (!frame.rankField || frame.rankField === 'staff')
  ) {
    const centres = [...new Set(frame.structures.filter((s) => s.code && !s.excluded).map((s) => s.code!))];
    return commitmentsRanked(
      frame,
      frame.superlative,
      centres.length ? [{ field: 'cdr', op: 'in', values: centres }] : [],
    );
  }
  // the phase weights of one objective: do they make 100?
  if (frame.aggregate === 'sum' && objectiveCodes.length === 1 && fieldWords.includes('weight')) {
    const { code, doc } = objectiveCodes[0]!;
    // the indicators' weights when the question names indicators and not phases
    const sub = frame.targets.includes('indicator') && !frame.targets.includes('phase') ? 'indicator' : 'phase';
    const year = frame.years.length === 1 ? frame.years[0] : undefined;
    return { kind: 'weights_total', code, doc, ...(sub === 'indicator' ? { sub } : {}), ...(year ? { year } : {}) };
  }
  // totals of centri di responsabilità: the plan states them
  const cdrs = frame.structures.filter((s) => s.code);
  // a total the plan states for a level named by its whole label ("il totale dell'azione Politiche familiari")
  // ("i progetti dell'azione X quanto fanno?" asks for the projects' sum: computed below, the stated total beside it)
  const levelsRecords = frame.levels.length > 0 && frame.targets.includes('project');
  if (frame.aggregate === 'sum' && !frame.codes.length && !frame.people.length && !levelsRecords) {
    const labelled = labelledTotals(frame, store);
    // a centro named narrows them, when it states one of them (a structure linked from a label's own words does not)
    const inCdr = labelled.filter((t) => cdrs.some((c) => c.code === t.cdr && c.doc === t.doc));
    const named = inCdr.length ? inCdr : labelled;
    // "Sanità e Welfare CdR 87: somma dei progetti vs totale dichiarato": the projects under it summed, the stated total
    // beside the sum
    const [only] = named;
    // (one total named: a comparison word can only set the sum against the stated total)
    if (named.length === 1 && only && frame.targets.includes('project'))
      return {
        kind: 'sum',
        query: {
          target: 'project',
          documents: [only.doc],
          filters: [
            { field: 'levels', op: 'eq', value: only.label },
            ...(only.cdr ? [{ field: 'cdr', op: 'eq' as const, value: only.cdr }] : []),
          ],
          aggregate: { op: 'sum', field: 'budget' },
        },
        field: 'budget',
        stated: [{ label: only.label, cdr: only.cdr ?? null, doc: only.doc }],
      };
    if (named.length)
      return {
        kind: 'stated_named',
        totals: named.map((t) => ({ label: t.label, cdr: t.cdr ?? null, doc: t.doc })),
      };
  }
  // a total of another level named in the question (an azione, an indirizzo) is the lookup's to quote
  const q = fold(frame.text);
  const otherLevel = leadWordsOfTotals(store).some(([a, b]) => q.includes(a) && q.includes(b));
  // a ranking ("i tre progetti del centro 41 col budget totale più alto") is a top-k, not the centre's total
  if (
    frame.aggregate === 'sum' &&
    !frame.superlative &&
    cdrs.length >= 1 &&
    !frame.people.length &&
    !frame.codes.length &&
    !otherLevel &&
    // "la somma dei progetti del centro X sotto i 50.000 euro": a condition makes it a sum to compute
    !frame.amounts.length &&
    !frame.without.length &&
    // "…per la domiciliarità": a topic narrows the centre's records, so its stated total is not what is asked
    !frame.titleTopic.length &&
    // "sum of the staff of the projects in CdR 87": a figure other than the budget is no stated total
    !fieldFor(
      'project',
      fieldWords.filter((w) => w !== 'budget' && w !== 'projects'),
    )
  ) {
    const stated = cdrs.filter((s) =>
      totalsOf(store, s.doc).some((t) => t.level === 'cdr' && t.cdr === s.code && t.amount),
    );
    // "quanto dice il piano e quanto fa la somma dei progetti?": the centre's projects summed, the stated total beside
    const one = cdrs.length === 1 && stated.length === 1 ? cdrs[0]! : null;
    const total = one
      ? totalsOf(store, one.doc).find((t) => t.level === 'cdr' && t.cdr === one.code && t.amount)
      : undefined;
    if (one && total && frame.targets.includes('project'))
      return {
        kind: 'sum',
        query: {
          target: 'project',
          documents: [one.doc],
          filters: [{ field: 'cdr', op: 'eq', value: one.code! }],
          aggregate: { op: 'sum', field: 'budget' },
        },
        field: 'budget',
        stated: [{ label: total.label, cdr: one.code, doc: one.doc }],
      };
    if (stated.length === cdrs.length)
      return {
        kind: 'stated_totals',
        cdrs: stated.map((s) => ({ code: s.code!, doc: s.doc })),
        compare: frame.compare && cdrs.length === 2,
      };
  }

  const asked = targetOf(frame, store);
  if (!asked) return null;
  // "quale obiettivo ha la fase più lunga?": the phases are ranked, and the answer is the objective of the top one
  const byParent =
    asked === 'objective' &&
    frame.superlative !== null &&
    !objectiveCodes.length &&
    (frame.gradedRecord === 'phase' || frame.gradedRecord === 'indicator') &&
    frame.rankField !== null &&
    !COUNTED.has(frame.rankField) &&
    FIELD_OF[frame.gradedRecord]?.[frame.rankField] !== undefined;
  const target: QueryTarget = byParent && frame.gradedRecord ? frame.gradedRecord : asked;
  // "obiettivi del settore VI": plans that number objectives under their settore ("VI - 3") list them by that prefix
  if (target === 'objective' && frame.structures.length === 1 && !frame.people.length && !frame.codes.length) {
    const numbered = objectivesNumberedUnder(frame.structures[0]!, store);
    if (numbered.length >= 2)
      return {
        kind: 'list',
        query: {
          target: 'objective',
          documents: [frame.structures[0]!.doc],
          filters: [{ field: 'code', op: 'in', values: numbered }],
        },
        shown: ['owner'],
      };
  }
  // "quante fasi ha ciascun obiettivo di X": the holders listed, each with the count of its records
  const perHolder =
    frame.aggregate === 'count' && frame.perGroup && !frame.superlative && averagedHolder(frame) === target
      ? fieldFor(
          target,
          fieldWords.filter((w) => w !== SELF_WORD[target] && COUNTED.has(w)),
        )
      : undefined;
  const hasSignal =
    perHolder !== undefined ||
    // "i progetti dell'azione X", "quanti obiettivi ha la linea di mandato 05": a level of the plans' hierarchy
    (frame.levels.length > 0 && (target === 'objective' || target === 'project' || subRecordTarget(target))) ||
    // "quante fasi hanno in tutto gli obiettivi di A e di B": several people's records together
    (frame.people.length >= 2 && frame.aggregate !== null && target !== 'person' && target !== 'structure') ||
    frame.superlative !== null ||
    frame.amounts.length > 0 ||
    frame.without.length > 0 ||
    // "obiettivi con indicatori", "progetti escluso il X": a field asked present, a record set apart
    // (a count of the records that have a budget is the count route's, which says how it counts)
    ((frame.present.length > 0 || frame.excludedCodes.length > 0) &&
      (target === 'project' || target === 'objective') &&
      frame.aggregate !== 'count') ||
    frame.multiYear ||
    frame.notMultiYear ||
    (frame.excludedPeople.length > 0 && target !== 'person' && target !== 'structure') ||
    // "progetti con budget diverso da zero": a figure above zero
    (frame.nonZero && (target === 'project' || target === 'objective')) ||
    // "obiettivi di X che proseguono nel 2021": plans with one sheet per year hold the objectives of that year
    (target === 'objective' && frame.years.length === 1 && sheetYearsIn(frame, store)) ||
    // "obiettivi, a parte quelli della Provincia": the records of every other plan
    (frame.excludedEntities.length > 0 && (target === 'objective' || target === 'project')) ||
    (frame.structures.some((x) => x.excluded) && (target === 'objective' || target === 'project')) ||
    ((frame.topic.length > 0 || frame.titleTopic.length > 0) && (target === 'objective' || target === 'project')) ||
    frame.aggregate === 'sum' ||
    frame.aggregate === 'avg' ||
    (frame.types.length > 0 && (frame.people.length > 0 || frame.structures.length > 0)) ||
    // "obiettivi di tipo individuale del Comune di X": a type the model holds, in the plans named
    (frame.types.length > 0 && target === 'objective' && frame.documents !== null) ||
    // a span of end dates is the deadline list's ("scadenze tra marzo e maggio"); a span of start dates is a filter
    (frame.dates.length > 0 &&
      (target === 'objective' || subRecordTarget(target)) &&
      (frame.dates.every((d) => d.op !== 'between') ||
        fieldWords.includes('start') ||
        (fieldWords.includes('end') && frame.targets.some(subRecordTarget)))) ||
    (frame.dates.length > 0 && frame.people.length > 0) ||
    // "obiettivi del settore X che scadono nel 2021": an office's records bounded by a date
    (frame.dates.length > 0 && frame.structures.length > 0 && (target === 'objective' || subRecordTarget(target))) ||
    // "che scadono nel 2021" where the plan is of 2020: its phases may still run into that year
    (frame.uncoveredYear !== null && frame.dates.length > 0 && (target === 'objective' || subRecordTarget(target))) ||
    // "fasi previste nel 2022", "gli indicatori 2021 di X": the sub-records of one year, from their sheet or dates
    // (a project or an indicator named by code is asked of itself: "valore previsto 2021 dell'indicatore X")
    (subRecordTarget(target) &&
      frame.targets[0] === target &&
      !namedInSingularOnly(frame, target) &&
      frame.years.length === 1 &&
      !frame.dates.length &&
      frame.codes.every((c) => c.kind === 'objective')) ||
    // "le fasi di X che iniziano nel 2021": one objective's phases bounded by dates
    (frame.dates.length > 0 && (target === 'phase' || target === 'indicator') && objectiveCodes.length === 1) ||
    // lists by structure: a person's objectives in one office, the projects of a centro di responsabilità
    (target === 'objective' && frame.people.length > 0 && frame.structures.length > 0) ||
    // "quanto costano i progetti di X": the budget of each project the person directs, beside it
    (target === 'project' &&
      frame.people.length === 1 &&
      fieldWords.includes('budget') &&
      frame.aggregate === null &&
      !frame.codes.length) ||
    // "quanti progetti ha X": the records of that person, counted by the list of them
    (frame.aggregate === 'count' && frame.people.length === 1 && target !== 'person' && target !== 'structure') ||
    // "quanti obiettivi ha il settore X", "in total how many projects does CdR 87 have?"
    (frame.aggregate === 'count' &&
      frame.structures.length === 1 &&
      !frame.people.length &&
      (target === 'objective' || (target === 'project' && frame.structures[0]!.code !== null)) &&
      !fieldWords.includes('budget')) ||
    // "quante fasi ci sono nel piano di Lago Verde?", "how many indicators does Monteluce have in 2023?"
    // (an entity's objectives and projects are counted per plan by the count route)
    (frame.aggregate === 'count' &&
      subRecordTarget(target) &&
      frame.entities.length > 0 &&
      !frame.people.length &&
      !frame.codes.length) ||
    // "how many phases does the objective <title> have": a named objective's sub-records counted
    (frame.aggregate === 'count' && subRecordTarget(target) && objectiveCodes.length === 1) ||
    // "tutti gli obiettivi del Comune di X": every record of the kind in the entity named
    (frame.listAll &&
      (target === 'objective' || target === 'project') &&
      frame.entities.length > 0 &&
      frame.aggregate === null) ||
    (target === 'project' &&
      frame.structures.some((s) => s.code) &&
      !frame.people.length &&
      frame.aggregate !== 'count') ||
    // "progetti dell'azione X", "obiettivi della linea di mandato Y": the records filed under a level of the tree
    (frame.levels.length > 0 && (target === 'objective' || target === 'project' || subRecordTarget(target))) ||
    // "fasi degli obiettivi del Servizio X", "indicators of the offices A and B": the sub-records of the offices named
    (subRecordTarget(target) &&
      frame.targets[0] === target &&
      // "la fase di verifica del Servizio X" names one phase by its words: only the plural asks for the list
      namedInPlural(frame, target) &&
      frame.structures.length > 0 &&
      frame.structures.every((s) => !s.excluded) &&
      !frame.people.length &&
      !objectiveCodes.length);
  if (!hasSignal) return null;

  const filters: QueryFilter[] = [];
  const subRecord = target === 'phase' || target === 'indicator';
  // "che finiscono nel 2021": the year bounds a date, and a plan of 2020 may hold phases ending then; only an
  // entity or a document named narrows the plans
  const yearIsDate =
    frame.years.length > 0 &&
    (fieldWords.includes('end') || fieldWords.includes('start')) &&
    (target === 'objective' || subRecord);
  const entityDocs = store.model.documents.filter((d) => frame.entities.includes(d.entity)).map((d) => d.file);
  let documents = (yearIsDate ? (frame.entities.length ? entityDocs : null) : frame.documents) ?? undefined;
  if (subRecord && objectiveCodes.length)
    filters.push({ field: 'objective', op: 'eq', value: objectiveCodes[0]!.code });
  else if (objectiveCodes.length || projectCodes.length) return null; // a named record: the lookup answers
  // "escluso il X": every record of the kind but the ones set apart
  if (frame.excludedCodes.length && (target === 'project' || target === 'objective'))
    for (const code of frame.excludedCodes) filters.push({ field: 'code', op: 'ne', value: code });
  // "la fase più pesante, a parte il X": the sub-records of every objective but X
  else if (subRecord)
    for (const code of frame.excludedCodes) filters.push({ field: 'objective', op: 'ne', value: code });
  if (target === 'objective' || target === 'project' || subRecord) {
    filters.push(...levelFilters(frame));
    if (frame.levels.length && !documents) documents = levelDocs(frame);
  }
  if (frame.people.length >= 2) {
    const names = frame.people.map((p) => p.name);
    if (target === 'project') filters.push({ field: 'dirigente', op: 'in', values: names });
    else if (target === 'staff_allocation') filters.push({ field: 'name', op: 'in', values: names });
    else if (target === 'objective' || subRecord) filters.push({ field: 'owner', op: 'in', values: names });
  }
  if (frame.people.length === 1) {
    const name = frame.people[0]!.name;
    if (target === 'project') filters.push({ field: 'dirigente', op: 'eq', value: name });
    else if (target === 'staff_allocation') filters.push({ field: 'name', op: 'eq', value: name });
    else if (target === 'objective' || subRecord) filters.push({ field: 'owner', op: 'eq', value: name });
  }
  // "tranne quelli di X": everyone else's records
  for (const name of frame.excludedPeople) {
    if (target === 'project') filters.push({ field: 'dirigente', op: 'ne', value: name });
    else if (target === 'objective' || subRecord) filters.push({ field: 'owner', op: 'ne', value: name });
  }
  const setApart = frame.structures.filter((s) => s.excluded);
  if (setApart.length && (target === 'project' || target === 'objective')) {
    // "progetti escluso il CdR 85": the records of the other structures of the same plans
    const docsOf = new Set(setApart.map((s) => s.doc));
    const field = target === 'project' ? 'cdr' : 'structure';
    const own = (r: { doc: string; cdr?: string | null; structure?: string | null }) =>
      (target === 'project' ? r.cdr : r.structure) ?? null;
    const others = [
      ...new Set(
        (target === 'project' ? store.projects : store.objectives)
          .filter((r) => docsOf.has(r.doc))
          .map(own)
          .filter(
            (v): v is string => v !== null && !setApart.some((s) => (target === 'project' ? s.code : s.name) === v),
          ),
      ),
    ];
    filters.push({ field, op: 'in', values: others });
    documents = [...docsOf];
  }
  const centres = frame.structures.filter((s) => s.code && !s.excluded);
  const cdr = centres[0];
  if (setApart.length) {
    /* the structures kept are the others, filtered above */
  } else if (target === 'project' && cdr) {
    // "tutta l'Area X": the centres the area groups, with its own
    // "il progetto meno finanziato dell'area X", where the area's own projects have no budget: an area asked a figure
    // only its centres hold is the area as a whole
    const members = frame.whole || asksFigureItLacks(frame, cdr, store) ? membersOf(cdr, store) : [];
    const codes = [...new Set([...centres.map((s) => s.code!), ...members])];
    filters.push(
      codes.length > 1 ? { field: 'cdr', op: 'in', values: codes } : { field: 'cdr', op: 'eq', value: codes[0]! },
    );
  } else if (
    (target === 'objective' || (subRecord && !objectiveCodes.length)) &&
    frame.structures.length >= 1 &&
    !frame.people.length
  )
    filters.push(
      frame.structures.length === 1
        ? { field: 'structure', op: 'eq', value: frame.structures[0]!.name }
        : { field: 'structure', op: 'in', values: [...new Set(frame.structures.map((s) => s.name))] },
    );
  else if (target === 'objective' && frame.structures.length && frame.people.length) {
    // "obiettivi di X per lo Sport": the structure narrows the person's objectives
    filters.push({ field: 'structure', op: 'eq', value: frame.structures[0]!.name });
  }
  // an amount bounds a figure, not a date: "che iniziano dopo il … con peso sopra 40" bounds the weight
  const amountField =
    fieldFor(
      target,
      fieldWords.filter((w) => !DATE_WORDS.has(w)),
    ) ?? DEFAULT_FIELD[target];
  if (frame.amounts.length && amountField) {
    for (const [i, a] of frame.amounts.entries()) {
      // each amount bounds the figure named beside it, when the target has that figure
      const near = frame.amountFields[i];
      const own = near && !DATE_WORDS.has(near) ? FIELD_OF[target]?.[near] : undefined;
      const field = own ?? amountField;
      if (a.op === 'between') filters.push({ field, op: 'between', value: a.value, value2: a.value2 ?? a.value });
      else filters.push({ field, op: a.op, value: a.value });
    }
  }
  for (const w of frame.without) {
    const field = FIELD_OF[target]?.[w] ?? MISSING_ONLY[target]?.[w];
    // a condition that cannot be applied must not turn into a list of every record
    if (!field) return null;
    if (w === 'phases' || w === 'indicators') {
      filters.push({ field, op: 'eq', value: 0 });
      // only plans that have phases (indicators) at all can have a record without them
      const withSub = new Set(
        store.objectives.filter((o) => (w === 'phases' ? o.phases.length : o.indicators.length) > 0).map((o) => o.doc),
      );
      documents = (documents ?? store.model.documents.map((d) => d.file)).filter((d) => withSub.has(d));
    } else if (target === 'project' && w === 'staff') {
      // "progetti senza personale": no one allocated, in plans that allocate people to projects at all
      filters.push({ field, op: 'eq', value: 0 });
      const staffed = docsOf(store).staffed;
      documents = (documents ?? store.model.documents.map((d) => d.file)).filter((d) => staffed.has(d));
    } else filters.push({ field, op: 'missing' });
  }
  if (target === 'objective' || target === 'project') {
    for (const w of frame.topic) filters.push({ field: 'text', op: 'contains', value: w });
    for (const w of frame.titleTopic) filters.push({ field: 'title', op: 'contains', value: w });
  }
  // "i progetti con 'povertà' nel titolo": a quoted word counted or summed over narrows by title
  if ((target === 'objective' || target === 'project') && frame.aggregate && !frame.codes.length)
    for (const q of frame.quoted) filters.push({ field: 'title', op: 'contains', value: q });
  if (frame.multiYear && target === 'objective') filters.push({ field: 'multiYear', op: 'eq', value: true });
  if (frame.notMultiYear && target === 'objective') {
    filters.push({ field: 'multiYear', op: 'ne', value: true });
    // only plans that mark some objective multi-year say which are not
    const marking = docsOf(store).marksMultiYear;
    documents = (documents ?? store.model.documents.map((d) => d.file)).filter((d) => marking.has(d));
  }
  // "esclusi quelli senza budget": the records must have the field
  for (const w of frame.present) {
    const field = FIELD_OF[target]?.[w] ?? MISSING_ONLY[target]?.[w];
    // a count is never blank: "esclusi quelli senza fasi" keeps the records with one at least
    // a field already bounded ("con peso sopra 40") has a value by that bound
    if (field && !filters.some((f) => f.field === field))
      filters.push(COUNTED.has(w) ? { field, op: 'gt', value: 0 } : { field, op: 'exists' });
  }
  // the objectives of a year, in plans that keep one sheet per year per objective
  if (target === 'objective' && frame.years.length === 1 && !yearIsDate && sheetYearsIn(frame, store))
    filters.push({ field: 'years', op: 'eq', value: String(frame.years[0]) });
  // "di tipo sviluppo" names "SVILUPPO" and "sviluppo e miglioramento" alike: the shortest holds for both
  const types = frame.types.filter((t) => !frame.types.some((o) => o !== t && t.includes(o)));
  if (target === 'objective') for (const t of types) filters.push({ field: 'type', op: 'contains', value: t });
  const dateField = fieldWords.includes('start') && !fieldWords.includes('end') ? 'start' : 'end';
  // "obiettivi (di X) con fasi in scadenza il …", "objectives with phases weighing 50 or more": the condition is on
  // the phases; the phases that meet it, of that person's or office's objectives, answer with their objectives
  const phaseAmounts = frame.amounts.length > 0 && fieldWords.includes('weight');
  if (
    target === 'objective' &&
    fieldWords.includes('phases') &&
    !frame.without.length &&
    (frame.dates.length || phaseAmounts)
  ) {
    const kept = filters.filter((f) => f.field === 'owner' || f.field === 'structure');
    return ofPhases(frame, documents, kept, dateField);
  }
  // "a parte quelli a zero": a bound on a figure leaves out the records whose figure is zero
  if (frame.nonZero && amountField && (frame.amounts.length || !frame.superlative))
    filters.push({ field: amountField, op: 'gt', value: 0 });
  if (target === 'objective' || subRecord)
    for (const d of frame.dates) {
      // each date bounds the field named right before it, else the one the question names
      const field = d.field ?? dateField;
      if (d.op === 'between') filters.push({ field, op: 'between', value: d.iso, value2: d.iso2 ?? d.iso });
      else filters.push({ field, op: d.op, value: d.iso });
    }
  // a year read inside a date ("nel primo semestre 2020") bounds the dates, not the sheet; a year alone keeps the
  // sub-records of that year: its sheet where the plan keeps one per year, else those whose dates run through it
  if (subRecord && frame.years.length && !yearIsDate && !frame.dates.length)
    filters.push({ field: 'years', op: 'eq', value: String(frame.years[0]!) });

  const base = { target, filters, ...(documents ? { documents } : {}) };
  if (frame.superlative) {
    const self = SELF_WORD[target];
    const field =
      fieldFor(
        target,
        rankedWords.filter((w) => w !== self),
      ) ?? defaultFieldIn(target, objectiveCodes.length ? [objectiveCodes[0]!.doc] : documents, store);
    if (!field) return null;
    const dir = frame.superlative.dir === 'max' ? 'desc' : 'asc';
    // "quale obiettivo ha più indicatori nel 2020?": in plans with one sheet per year, the year's phases or
    // indicators counted per objective (an objective's own count spans every sheet)
    const perYear = field === 'phases' ? 'phase' : field === 'indicators' ? 'indicator' : null;
    if (perYear && frame.years.length === 1 && !yearIsDate && sheetYearsIn(frame, store))
      return {
        kind: 'group_rank',
        groupOf: 'objective',
        dir,
        k: frame.superlative.k,
        query: {
          target: perYear,
          ...(documents ? { documents } : {}),
          filters: [
            ...filters.filter((f) => f.field === 'owner' || f.field === 'structure'),
            { field: 'year', op: 'eq', value: frame.years[0]! },
          ],
          aggregate: { op: 'count', groupBy: 'objective' },
        },
      };
    if (frame.bothEnds && !frame.ordinal && !byParent)
      return {
        kind: 'extremes',
        query: {
          ...base,
          filters: [...filters, frame.nonZero ? { field, op: 'gt', value: 0 } : { field, op: 'exists' }],
        },
        field,
      };
    // "il progetto più costoso di ogni CdR": the ranking is cut within each group the "each" word names
    const per = frame.eachOf ? PER_FIELD[target]?.[frame.eachOf] : undefined;
    return {
      kind: 'top',
      // a duration is computed from the dates: they are shown beside it
      ...(field === 'duration' ? { shown: ['start', 'end', 'duration'] } : {}),
      ...(frame.ordinal ? { nth: frame.ordinal } : {}),
      ...(byParent ? { byParent } : {}),
      ...(frame.superlative.plural && !frame.ordinal && !per ? { topTies: true } : {}),
      query: {
        ...base,
        // "escluso zero": a zero figure is no candidate for the smallest
        filters: [...filters, frame.nonZero ? { field, op: 'gt', value: 0 } : { field, op: 'exists' }],
        sort: { field, dir },
        limit: frame.superlative.k,
        ...(per ? { per } : {}),
      },
      field,
      dir,
    };
  }
  if (frame.aggregate === 'sum' || frame.aggregate === 'avg') {
    // the counted records' own word comes after the figure named ("fasi" of "numero medio di fasi per obiettivo")
    const self = SELF_WORD[target];
    const named = fieldFor(
      target,
      fieldWords.filter((w) => w !== self),
    );
    // "totale fasi di Rossi", "total indicators in Borgoverde": a total of phases or indicators over a scope, with no
    // figure named, counts them (one objective's phases "sommano a cento" are its weights; an objective's or a
    // project's total is its money)
    if (
      !named &&
      frame.aggregate === 'sum' &&
      subRecordTarget(target) &&
      !objectiveCodes.length &&
      self &&
      fieldWords.includes(self) &&
      !frame.amounts.length
    )
      return { kind: 'list', query: base, shown: shownOf(filters), counted: true };
    const field = named ?? DEFAULT_FIELD[target];
    if (!field) return null;
    const stated =
      frame.aggregate === 'sum' && target === 'project' && field === 'budget' ? statedOfLevels(frame, store) : [];
    return {
      kind: 'sum',
      query: { ...base, aggregate: { op: frame.aggregate, field } },
      field,
      ...(stated.length ? { stated } : {}),
    };
  }
  if (perHolder) return { kind: 'list', query: base, shown: [perHolder] };
  // "il responsabile dell'obiettivo concernente X": who holds the records listed is what is asked, so it is shown
  const askedOwner = frame.fields.includes('owner') && (target === 'objective' || target === 'project');
  // "quanto costano i progetti del CdR X", "budget dei progetti dell'azione Y": the figure the question names is what
  // it asks of each record listed, so it is shown beside each
  const askedFigure = fieldFor(
    target,
    fieldWords.filter((w) => FIGURE_WORDS.has(w)),
  );
  const shown = [
    ...new Set([
      // a phase or an indicator kept for its year is shown with the dates that place it there
      ...shownOf(filters).flatMap((f) => (subRecord && f === 'years' ? ['start', 'end', 'target'] : [f])),
      ...(amountField && frame.amounts.length ? [amountField] : []),
      ...(askedFigure ? [askedFigure] : []),
      ...(askedOwner ? [target === 'project' ? 'dirigente' : 'owner'] : []),
    ]),
  ];
  return { kind: 'list', query: base, shown, ...(frame.aggregate === 'count' ? { counted: true } : {}) };
}

/** The fields a list shows beside each record: those it was filtered on, but the level chain (the scope, said once). */
// the words of a topic are searched in "text" (title, description, expected result): beside each record the
// description says what its title does not
const shownOf = (filters: QueryFilter[]) => [
  ...new Set(filters.map((f) => (f.field === 'text' ? 'description' : f.field)).filter((f) => f !== 'levels')),
];

/** The question ranks or bounds budgets and none of the centre's own projects states one. */
function asksFigureItLacks(frame: QuestionFrame, cdr: { code: string | null; doc: string }, store: PlanStore): boolean {
  const figure =
    frame.rankField === 'budget' || frame.fields.includes('budget') || frame.amounts.length > 0 || frame.nonZero;
  return figure && !store.projects.some((p) => p.doc === cdr.doc && p.cdr === cdr.code && p.budget?.value != null);
}

/** The codes of the structures of the same plan whose area is the one named (none when it groups none). */
function membersOf(s: { name: string; doc: string }, store: PlanStore): string[] {
  const name = fold(s.name).trim();
  return store.model.structures
    .filter((x) => x.doc === s.doc && x.code && x.area && fold(x.area).trim() === name)
    .map((x) => x.code!);
}

/** Whether the plans in scope keep objectives over several years, each with its years listed (one sheet per year). */
function sheetYearsIn(frame: QuestionFrame, store: PlanStore): boolean {
  const { yearSheets, withObjectives } = docsOf(store);
  // every plan in scope that has objectives: a year filter would drop the objectives of a plan with one sheet for all
  // years (a 2020 plan's objectives list no year), so it is read only where every plan keeps one sheet per year
  // (the plans of the people named are the scope of their objectives)
  const ofPeople = new Set(frame.people.flatMap((p) => store.peopleByKey.get(p.key)?.roles.map((r) => r.doc) ?? []));
  const inScope = (frame.documents ?? [...withObjectives]).filter(
    (d) => withObjectives.has(d) && (!ofPeople.size || ofPeople.has(d)),
  );
  return inScope.length > 0 && inScope.every((d) => yearSheets.has(d));
}

interface DocSets {
  yearSheets: Set<string>;
  withObjectives: Set<string>;
  marksMultiYear: Set<string>;
  staffed: Set<string>;
  /** plans that give their indicators a weight (peso) */
  weighsIndicators: Set<string>;
}
const docSets = new WeakMap<PlanStore, DocSets>();

/**
 * The plans whose objectives list several years, those that mark objectives multi-year, those that allocate people to
 * projects: built once per store.
 */
function docsOf(store: PlanStore): DocSets {
  let sets = docSets.get(store);
  if (!sets) {
    sets = {
      yearSheets: new Set(store.objectives.filter((o) => (o.years?.length ?? 0) > 1).map((o) => o.doc)),
      withObjectives: new Set(store.objectives.map((o) => o.doc)),
      marksMultiYear: new Set(store.objectives.filter((o) => o.multiYear !== undefined).map((o) => o.doc)),
      staffed: new Set(store.projects.filter((p) => p.staff.length > 0).map((p) => p.doc)),
      weighsIndicators: new Set(store.objectives.filter((o) => o.indicators.some((i) => i.weight)).map((o) => o.doc)),
    };
    docSets.set(store, sets);
  }
  return sets;
}

/** Codes of the objectives whose code starts with the structure's own number ("Settore VI" → "VI - 1", "VI - 2"…). */
export function objectivesNumberedUnder(structure: { name: string; doc: string }, store: PlanStore): string[] {
  const last = fold(structure.name).split(/\s+/).at(-1) ?? '';
  if (!last || last.length > 5) return [];
  return (objectiveCodesByDoc(store).get(structure.doc) ?? [])
    .filter(({ k }) => k.length > last.length + 1 && k.startsWith(last) && '-._'.includes(k[last.length]!))
    .map(({ code }) => code);
}

const CODES_BY_DOC = new WeakMap<PlanStore, Map<string, { code: string; k: string }[]>>();
/** each plan's objective codes, folded without spaces, grouped once per store: a question names an office of many plans */
function objectiveCodesByDoc(store: PlanStore): Map<string, { code: string; k: string }[]> {
  let map = CODES_BY_DOC.get(store);
  if (!map) {
    map = new Map();
    for (const o of store.objectives) {
      const list = map.get(o.doc) ?? [];
      if (!list.length) map.set(o.doc, list);
      list.push({ code: o.code, k: fold(o.code).replace(/\s+/g, '') });
    }
    CODES_BY_DOC.set(store, map);
  }
  return map;
}

function ofPhases(
  frame: QuestionFrame,
  documents: string[] | undefined,
  kept: QueryFilter[],
  dateField: 'start' | 'end',
): Computation {
  const filters: QueryFilter[] = [
    ...kept,
    ...frame.dates.map(
      (d): QueryFilter =>
        d.op === 'between'
          ? { field: d.field ?? dateField, op: 'between', value: d.iso, value2: d.iso2 ?? d.iso }
          : { field: d.field ?? dateField, op: d.op, value: d.iso },
    ),
  ];
  if (frame.fields.includes('weight'))
    for (const a of frame.amounts)
      filters.push(
        a.op === 'between'
          ? { field: 'weight', op: 'between', value: a.value, value2: a.value2 ?? a.value }
          : { field: 'weight', op: a.op, value: a.value },
      );
  const shown = [...new Set(filters.map((f) => f.field).filter((f) => f !== 'owner' && f !== 'structure'))];
  return {
    kind: 'list',
    query: { target: 'phase', filters, ...(documents ? { documents } : {}) },
    shown: shown.length ? shown : ['end'],
  };
}

/**
 * "che percentuale del CdR 87 va alla residenzialità anziani?", "A + B: che quota del totale del CdR 87?": the projects
 * named, as a share of the total the plan states for the centre named (or, when it states none, for theirs).
 */
function shareOfCentre(
  frame: QuestionFrame,
  projectCodes: QuestionFrame['codes'],
  store: PlanStore,
): Computation | null {
  if (!frame.fields.includes('share') || !projectCodes.length || !frame.structures.length) return null;
  const docs = [...new Set(projectCodes.map((c) => c.doc))];
  const stated = (code: string | null | undefined, doc: string) =>
    store.model.totals.some((t) => t.level === 'cdr' && t.cdr === code && t.doc === doc && t.amount);
  const named = frame.structures.find((x) => x.code && docs.includes(x.doc) && stated(x.code, x.doc));
  const own = [
    ...new Set(projectCodes.map((c) => store.projects.find((p) => p.code === c.code && p.doc === c.doc)?.cdr)),
  ];
  const cdr = named ? named.code! : own.length === 1 && own[0] && stated(own[0], docs[0]!) ? own[0] : null;
  if (!cdr || docs.length !== 1) return null;
  return {
    kind: 'share',
    query: {
      target: 'project',
      documents: docs,
      filters: [{ field: 'code', op: 'in', values: projectCodes.map((c) => c.code) }],
    },
    cdr: { code: cdr, doc: docs[0]! },
  };
}

/** the figure each kind of sub-record is summed or compared on when the question names none */
const SUB_RECORD_FIGURE = { phase: 'weight', indicator: 'target' } as const;

/**
 * "le fasi A e B quanto pesano insieme?", "differenza di peso tra la fase A e la fase B", "controlli X vs controlli Y,
 * quanti in più?": phases (or indicators) of the one objective named, each by its words, their figure summed or the two
 * compared with the difference (and the ratio when asked). Phases are tried first, then indicators; a year named
 * keeps that year's sheet. Dates are left to the ranking below.
 */
function namedSubRecordsFigures(
  frame: QuestionFrame,
  objectiveCodes: QuestionFrame['codes'],
  store: PlanStore,
): Computation | null {
  if (objectiveCodes.length !== 1) return null;
  const sum = frame.aggregate === 'sum' && !frame.compare;
  const compare = !sum && (frame.compare || frame.more || frame.ratio || frame.superlative?.k === 1);
  if (!sum && !compare) return null;
  const asked = frame.rankField ?? (frame.fields.includes('weight') ? 'weight' : null);
  if (asked && asked !== 'weight' && asked !== 'target') return null;
  const { code, doc } = objectiveCodes[0]!;
  const objective = store.objectives.find((o) => o.code === code && o.doc === doc);
  if (!objective) return null;
  const year = frame.years.length === 1 ? frame.years[0] : undefined;
  const kinds: ('phase' | 'indicator')[] =
    frame.targets.includes('indicator') && !frame.targets.includes('phase')
      ? ['indicator']
      : frame.targets.includes('phase') || asked === 'weight'
        ? ['phase']
        : // "quanti in più": a count is an indicator's figure, a weight a phase's, when the words fit both alike
          frame.aggregate === 'count'
          ? ['indicator', 'phase']
          : ['phase', 'indicator'];
  // each kind's sub-records the parts name; the kind whose wordings hold more of the question's words wins
  const candidates = kinds
    .map((target) => ({ target, named: subRecordsNamedByParts(frame.text, objective, target, year) }))
    .filter((c): c is { target: 'phase' | 'indicator'; named: string[] } =>
      Boolean(c.named && c.named.length >= 2 && (!compare || c.named.length === 2)),
    )
    .map((c) => ({ ...c, covered: wordsCovered(frame.text, objective, c.named) }));
  const best = candidates.reduce<(typeof candidates)[number] | null>(
    (top, c) => (!top || c.covered > top.covered ? c : top),
    null,
  );
  for (const { target, named } of best ? [best] : []) {
    const field = FIELD_OF[target]?.[asked ?? SUB_RECORD_FIGURE[target]] ?? SUB_RECORD_FIGURE[target];
    const filters: QueryFilter[] = [
      { field: 'objective', op: 'eq', value: code },
      { field: 'title', op: 'in', values: named },
    ];
    // a year named, or the sheets' years told apart by it: one sheet's records, not one per year
    const subs = target === 'phase' ? objective.phases : objective.indicators;
    const sheet = year !== undefined && subs.some((r) => r.year === year);
    if (sheet) filters.push({ field: 'year', op: 'eq', value: year });
    // a wording each year's sheet repeats, with no year named, is several records: no one figure of it to add or compare
    const matched = subs.filter(
      (r) => (!sheet || r.year === year) && named.includes('title' in r ? r.title : r.description),
    ).length;
    if (matched !== named.length) return null;
    return {
      kind: 'named_subs',
      query: { target, documents: [doc], filters, sort: { field, dir: 'desc' }, limit: matched },
      field,
      op: sum ? 'sum' : 'compare',
      ...(frame.ratio ? { ratio: true } : {}),
    };
  }
  return null;
}

/** the fields two sub-records named by their words are compared on */
const SUB_RECORD_FIELDS = new Set<FieldWord>(['weight', 'end', 'start', 'duration', 'target']);

/**
 * "pesa di più la redazione del progetto definitivo o l'affidamento dell'incarico?": two phases (or indicators) of the
 * one objective named, each by its words, ranked by the field the superlative or comparative is about — both shown,
 * the higher first.
 */
function namedSubRecordsCompared(
  frame: QuestionFrame,
  objectiveCodes: QuestionFrame['codes'],
  store: PlanStore,
): Computation | null {
  const field = frame.rankField;
  if (objectiveCodes.length !== 1 || !frame.superlative || !field || !SUB_RECORD_FIELDS.has(field)) return null;
  const { code, doc } = objectiveCodes[0]!;
  const objective = store.objectives.find((o) => o.code === code && o.doc === doc);
  if (!objective) return null;
  const target = frame.targets.includes('indicator') && !frame.targets.includes('phase') ? 'indicator' : 'phase';
  const named = subRecordsNamedByParts(frame.text, objective, target);
  const queryField = FIELD_OF[target]?.[field];
  if (named?.length !== 2 || !queryField) return null;
  const dir = frame.superlative.dir === 'max' ? 'desc' : 'asc';
  return {
    kind: 'top',
    ...(field === 'duration' ? { shown: ['start', 'end', 'duration'] } : {}),
    query: {
      target,
      documents: [doc],
      filters: [
        { field: 'objective', op: 'eq', value: code },
        { field: 'title', op: 'in', values: named },
      ],
      sort: { field: queryField, dir },
      limit: 2,
    },
    field: queryField,
    dir,
  };
}

function fieldFor(target: QueryTarget, words: FieldWord[]): string | undefined {
  for (const w of words) {
    const f = FIELD_OF[target]?.[w];
    if (f) return f;
  }
  return undefined;
}

function targetOf(frame: QuestionFrame, store: PlanStore): QueryTarget | null {
  // "numero medio di fasi per obiettivo", "average staff per project": the average of a count is over the records
  // that hold what is counted
  // "quante fasi per obiettivo", "number of phases per objective": each holder with its count
  if (frame.aggregate === 'avg' || (frame.aggregate === 'count' && frame.perGroup)) {
    const holder = averagedHolder(frame);
    if (holder) return holder;
  }
  const hasObjectiveCode = frame.codes.some((c) => c.kind === 'objective');
  if (hasObjectiveCode) {
    const sub = frame.targets.find((t) => t === 'phase' || t === 'indicator');
    if (sub) return sub;
  }
  // "l'impegno complessivo di X sui progetti": a sum of people's commitments is over their allocations
  if (frame.aggregate === 'sum' && frame.targets.includes('staff_allocation') && frame.people.length === 1)
    return 'staff_allocation';
  const first = frame.targets.find(
    (t) => t !== 'person' && t !== 'structure' && t !== 'budget_row' && t !== 'staff_allocation',
  );
  if (first) return first;
  if (frame.fields.includes('budget') && store.projects.length) return 'project';
  // "cosa prevede l'area tecnica?", "cosa prevede il piano di X per gli anziani?": a level or a topic in named plans
  // asks for the records filed under it, projects where its plans have them
  if (frame.levels.length || (frame.topic.length && frame.documents)) {
    const docs = new Set(frame.levels.length ? frame.levels.flatMap((l) => l.docs) : frame.documents);
    return store.projects.some((p) => docs.has(p.doc)) ? 'project' : 'objective';
  }
  return null;
}

/**
 * People or structures ranked by their records: "chi ha più obiettivi", "quale settore ha più progetti", "which
 * office has the largest budget". The question leads with the group (a person or structure word) and names the
 * records counted after its superlative; "chi è responsabile del progetto più costoso" names the record first and
 * stays a ranking of records.
 */
const MAX_GROUPS = 40;
const RANKED_WITHIN = new Set<QueryTarget>(['objective', 'project', 'phase', 'indicator']);

function groupRankFor(frame: QuestionFrame, store: PlanStore): Computation | null {
  // "quanti obiettivi ha ciascun responsabile": every group, largest first
  // "in media per responsabile": each group counted, then their average (an average of a figure per record is not this)
  const averagedGroups = frame.aggregate === 'avg' && !averagedHolder(frame) && !measuredField(frame);
  const split =
    !frame.superlative && frame.perGroup && frame.aggregate !== null && (frame.aggregate !== 'avg' || averagedGroups);
  const lead = split
    ? frame.targets.includes('structure')
      ? 'structure'
      : frame.targets.includes('person') || frame.fields.includes('owner')
        ? 'person'
        : null
    : frame.targets[0];
  if ((!frame.superlative && !split) || (lead !== 'person' && lead !== 'structure')) return null;
  // "for each dirigente, the cheapest project": the group an "each" word names is where records are ranked, it is
  // not what is ranked
  if (frame.superlative && frame.eachOf === lead && frame.targets.some((t) => RANKED_WITHIN.has(t))) return null;
  if (frame.codes.length || frame.people.length) return null;
  // "nel centro X": a structure named is the scope of a ranking of its records, not a group to rank
  if (lead === 'structure' && frame.structures.length) return null;
  const after = split ? frame.targets : frame.rankedRecords;
  // "chi è il responsabile dell'obiettivo con più fasi": a record named before the superlative is what is ranked
  const counted = ['objective', 'project', 'phase', 'indicator'];
  if (!split && frame.targets.some((t) => counted.includes(t) && !after.includes(t))) return null;
  // "chi ha meno fasi tra gli obiettivi": what the comparative counts, before the other records named after it
  const rankedCount = frame.rankField ? COUNT_TARGET[frame.rankField] : undefined;
  const countOf =
    rankedCount && after.includes(rankedCount)
      ? rankedCount
      : (['objective', 'project', 'phase', 'indicator'] as const).find((t) => after.includes(t));
  const byBudget =
    !countOf &&
    (frame.fields.includes('budget') || frame.rankField === 'budget') &&
    !frame.targets.some((t) => t === 'objective' || t === 'project') &&
    store.projects.length > 0;
  if (!countOf && !byBudget) return null;
  // "chi compare nel personale di più progetti", "who is on the staff of most projects": people counted by the
  // projects they are allocated to, not those they direct
  const allocated = lead === 'person' && countOf === 'project' && frame.fields.includes('staff');
  const target = allocated ? 'staff_allocation' : (countOf ?? 'project');
  const groupBy = lead === 'person' ? (allocated ? 'name' : target === 'project' ? 'dirigente' : 'owner') : 'structure';
  const filters: QueryFilter[] = [];
  // "chi ha più obiettivi nel settore Sport": the structure narrows the records counted
  if (lead === 'person' && frame.structures.length === 1) {
    const s = frame.structures[0]!;
    filters.push(
      target === 'project' && s.code
        ? { field: 'cdr', op: 'eq', value: s.code }
        : { field: 'structure', op: 'eq', value: s.name },
    );
  }
  if (frame.years.length && target === 'objective')
    filters.push({ field: 'end', op: 'between', value: `${frame.years[0]}-01-01`, value2: `${frame.years[0]}-12-31` });
  // "più progetti senza budget", "più progetti sopra il milione": the conditions narrow the records counted
  const conditions = allocated ? [] : conditionsOf(frame, target);
  if (!conditions) return null;
  filters.push(...conditions);
  // "chi ha più obiettivi nella linea di mandato 01": the level narrows the records counted
  if (target === 'objective' || target === 'project') filters.push(...levelFilters(frame));
  const documents = frame.documents ?? (frame.levels.length ? levelDocs(frame) : null);
  return {
    kind: 'group_rank',
    ...(split && frame.aggregate === 'avg' ? { averaged: true } : {}),
    ...(lead === 'person' && frame.excludedPeople.length ? { excluded: frame.excludedPeople } : {}),
    groupOf: lead,
    dir: frame.superlative?.dir === 'min' ? 'asc' : 'desc',
    k: frame.superlative?.k ?? MAX_GROUPS,
    query: {
      target,
      filters,
      ...(documents ? { documents } : {}),
      aggregate: byBudget ? { op: 'sum', field: 'budget', groupBy } : { op: 'count', groupBy },
    },
  };
}

/**
 * The structures the question names by their whole name, when it names some so and others only by a shared word
 * ("settore Sociale e Immigrazione" also links every "Servizi sociali"): a condition on the structure means those.
 */
function fullyNamed(frame: QuestionFrame): QuestionFrame['structures'] {
  const words = wordsOf(frame.text);
  const name = (s: { name: string }) => wordsOf(s.name);
  // two offices of one plan, neither name inside the other, are a pair compared, each named in part ("tra il Servizio
  // Istruzione e il Servizio Edilizia Scolastica")
  const [a, b] = frame.structures;
  if (
    frame.structures.length === 2 &&
    a!.doc === b!.doc &&
    !name(a!).includes(name(b!).trim()) &&
    !name(b!).includes(name(a!).trim())
  )
    return frame.structures;
  // a thousand plans' copies of an office share its name: each distinct name is read once
  const nameOf = new Map<string, string>();
  for (const s of frame.structures) if (!nameOf.has(s.name)) nameOf.set(s.name, name(s));
  const writes = new Map([...nameOf].map(([n, w]) => [n, phraseAt(words, `${w.trim()} `) >= 0]));
  const named = frame.structures.filter((s) => writes.get(s.name));
  // "Biblioteche" inside "Servizio Biblioteche" is not named on its own
  const namedWords = [...new Set(named.map((s) => nameOf.get(s.name)!))];
  const inside = new Set(namedWords.filter((w) => namedWords.some((o) => o.length > w.length && o.includes(w))));
  const whole = named.filter((s) => !inside.has(nameOf.get(s.name)!));
  return whole.length && whole.length < frame.structures.length ? whole : frame.structures;
}

const namedTotals = new WeakMap<PlanStore, Map<string, number[]>>();

/**
 * Positions of the totals of levels other than a centro's that state an amount, by the words of their label (two or
 * more): built
 * once per store, so a question tries each distinct label once however many plans repeat it.
 */
function namedTotalsOf(store: PlanStore): Map<string, number[]> {
  let byLabel = namedTotals.get(store);
  if (!byLabel) {
    byLabel = new Map();
    for (const [p, t] of store.model.totals.entries()) {
      if (t.level === 'cdr' || !t.amount) continue;
      const label = wordsOf(t.label).trim();
      if (label.split(' ').length < 2) continue;
      const list = byLabel.get(label);
      if (list) list.push(p);
      else byLabel.set(label, [p]);
    }
    namedTotals.set(store, byLabel);
  }
  return byLabel;
}

const totalLeads = new WeakMap<PlanStore, [string, string][]>();

/**
 * The first two long words of each total's label that is not a centro di responsabilità's, without repeats (a
 * thousand plans copy the same labels): what names another level's total in a question. Built once per store.
 */
function leadWordsOfTotals(store: PlanStore): [string, string][] {
  let leads = totalLeads.get(store);
  if (!leads) {
    const pairs = new Map<string, [string, string]>();
    for (const t of store.model.totals) {
      if (t.level === 'cdr') continue;
      const lead = fold(t.label)
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length >= 4)
        .slice(0, 2);
      if (lead.length === 2) pairs.set(`${lead[0]} ${lead[1]}`, [lead[0]!, lead[1]!]);
    }
    leads = [...pairs.values()];
    totalLeads.set(store, leads);
  }
  return leads;
}

/** Record kinds that belong to an objective. */
/** The question calls the records by their plural ("fasi", "indicators"), as a list of them is asked. */
/** "il valore 2021 dell'indicatore X": one record of the kind named in the singular, not a list of them */
function namedInSingularOnly(frame: QuestionFrame, target: QueryTarget): boolean {
  const [singular] = packFor(frame.lang).messages.targetNames[target];
  return phraseAt(wordsOf(frame.text), `${wordsOf(singular).trim()} `) >= 0 && !namedInPlural(frame, target);
}

function namedInPlural(frame: QuestionFrame, target: QueryTarget): boolean {
  const plural = packFor(frame.lang).messages.targetNames[target][1];
  return phraseAt(wordsOf(frame.text), `${wordsOf(plural).trim()} `) >= 0;
}

function subRecordTarget(t: QueryTarget): boolean {
  return t === 'phase' || t === 'indicator';
}

/** Fields that count an objective's or a project's own records: summed over several named records. */
const COUNTED = new Set<FieldWord>(['phases', 'indicators', 'objectives', 'projects', 'staff']);

/** The stated totals of the levels the question names by their whole label, in document order. */
function labelledTotals(frame: QuestionFrame, store: PlanStore) {
  const words = wordsOf(frame.text);
  const docs = frame.documents ? new Set(frame.documents) : null;
  const totals = store.model.totals;
  return [...namedTotalsOf(store)]
    .filter(([label]) => phraseAt(words, `${label} `) >= 0)
    .flatMap(([, positions]) => positions)
    .sort((a, b) => a - b)
    .map((p) => totals[p]!)
    .filter((t) => !docs || docs.has(t.doc));
}

/**
 * Two years compared: one objective's phases or indicators of each year's sheet, or the records of each year in the
 * plans in scope, counted. Null when the records asked carry no year.
 */
function yearGroupsFor(
  frame: QuestionFrame,
  objective: QuestionFrame['codes'][number] | undefined,
  store: PlanStore,
): Computation | null {
  const sub = frame.targets.find(subRecordTarget) ?? (frame.fields.includes('indicators') ? 'indicator' : null);
  const target: QueryTarget = sub ?? (frame.fields.includes('phases') ? 'phase' : 'objective');
  if (target === 'objective' && objective) return null;
  const yearField = target === 'objective' ? 'years' : 'year';
  const documents = objective ? [objective.doc] : (frame.documents ?? undefined);
  const hasYears = store.objectives.some(
    (o) =>
      (!documents || documents.includes(o.doc)) &&
      (target === 'objective'
        ? (o.years?.length ?? 0) > 0
        : (target === 'phase' ? o.phases : o.indicators).some((x) => x.year !== undefined)),
  );
  if (!hasYears) return null;
  return {
    kind: 'compare_groups',
    target,
    sumField: null,
    groups: frame.years.map((y) => ({
      label: objective ? `${objective.code} ${y}` : String(y),
      ...(documents ? { documents } : {}),
      filters: [
        ...(objective ? [{ field: 'objective', op: 'eq' as const, value: objective.code }] : []),
        { field: yearField, op: 'eq' as const, value: target === 'objective' ? String(y) : y },
      ],
    })),
  };
}

/** "quale costa meno?", "which has fewer phases?": a comparison that asks for the lower of two. */
function lowerAsked(frame: QuestionFrame): { dir?: 'min' } {
  return frame.superlative?.dir === 'min' ? { dir: 'min' } : {};
}

/**
 * Two people's records that meet the question's conditions ("senza budget", "sopra il milione"), counted per person;
 * null when the question sets no condition.
 */
function conditionedGroups(frame: QuestionFrame, store: PlanStore): Computation | null {
  if (!frame.without.length && !frame.amounts.length) return null;
  const target: 'objective' | 'project' =
    frame.targets.includes('project') || (frame.fields.includes('budget') && store.projects.length)
      ? 'project'
      : 'objective';
  const conditions = conditionsOf(frame, target);
  if (!conditions) return null;
  const personField = target === 'project' ? 'dirigente' : 'owner';
  return {
    kind: 'compare_groups',
    target,
    sumField: null,
    groups: frame.people.map((p) => ({
      label: p.name,
      filters: [{ field: personField, op: 'eq', value: p.name }, ...conditions],
    })),
  };
}

/** Two entities' plans compared by their records: counted, or their budgets summed when a budget is asked. */
function entityGroupsFor(frame: QuestionFrame, store: PlanStore): Computation | null {
  const byBudget = frame.fields.includes('budget') && store.projects.length > 0;
  const target: 'objective' | 'project' = byBudget || frame.targets[0] === 'project' ? 'project' : 'objective';
  const groups = frame.entities.map((entity) => ({
    label: entity,
    documents: store.model.documents.filter((d) => d.entity === entity).map((d) => d.file),
    filters: [] as QueryFilter[],
  }));
  if (groups.some((g) => !g.documents.length)) return null;
  return { kind: 'compare_groups', target, sumField: byBudget ? 'budget' : null, groups };
}

/** The records a count field counts. */
const COUNT_TARGET: Partial<Record<FieldWord, 'objective' | 'project' | 'phase' | 'indicator'>> = {
  objectives: 'objective',
  projects: 'project',
  phases: 'phase',
  indicators: 'indicator',
};

/**
 * The question's conditions on the records of a target ("senza budget", "sopra il milione") as filters; null when one
 * cannot be applied to that target (a condition left out would turn into every record).
 */
function conditionsOf(frame: QuestionFrame, target: QueryTarget): QueryFilter[] | null {
  const conditions: QueryFilter[] = [];
  for (const w of frame.without) {
    const field = FIELD_OF[target]?.[w] ?? MISSING_ONLY[target]?.[w];
    if (!field) return null;
    conditions.push(w === 'phases' || w === 'indicators' ? { field, op: 'eq', value: 0 } : { field, op: 'missing' });
  }
  const amountField =
    fieldFor(
      target,
      frame.fields.filter((w) => !DATE_WORDS.has(w)),
    ) ?? DEFAULT_FIELD[target];
  for (const a of frame.amounts) {
    if (!amountField) return null;
    conditions.push(
      a.op === 'between'
        ? { field: amountField, op: 'between', value: a.value, value2: a.value2 ?? a.value }
        : { field: amountField, op: a.op, value: a.value },
    );
  }
  // "quale settore ha più fasi che scadono nel 2021": the dates bound the records counted
  if (target === 'objective' || target === 'phase' || target === 'indicator') {
    const dateField = frame.fields.includes('start') && !frame.fields.includes('end') ? 'start' : 'end';
    for (const d of frame.dates) {
      const field = d.field ?? dateField;
      conditions.push(
        d.op === 'between'
          ? { field, op: 'between', value: d.iso, value2: d.iso2 ?? d.iso }
          : { field, op: d.op, value: d.iso },
      );
    }
  }
  return conditions;
}

/**
 * The kind of record an average of a count is over: the record that holds the records counted ("fasi per
 * obiettivo" → objective, "staff per project" → project), when the question names it; null otherwise.
 */
function averagedHolder(frame: QuestionFrame): QueryTarget | null {
  const counted = frame.fields.filter((w) => COUNTED.has(w));
  // "peso medio delle fasi dell'obiettivo X": a figure of the first records named is what is averaged
  const first = frame.targets.find((t) => t !== 'person' && t !== 'structure');
  if (first && frame.fields.some((w) => !COUNTED.has(w) && FIELD_OF[first]?.[w])) return null;
  for (const t of frame.targets) {
    if (t === 'person' || t === 'structure') continue;
    if (counted.some((w) => w !== SELF_WORD[t] && FIELD_OF[t]?.[w])) return t;
  }
  return null;
}

/**
 * Centres of responsibility compared or listed by the totals their plans state, when the question asks for a kind of
 * structure without naming one ("lo scarto tra i due CdR di X", "budget totale per CdR"): every centre of the plans in
 * scope that states a total; a comparison needs exactly two. Null when the question names records, people or
 * structures, or asks about records other than budgets.
 */
function statedCentresInScope(frame: QuestionFrame, store: PlanStore, comparing: boolean): Computation | null {
  if (frame.structures.length || frame.codes.length || frame.people.length || frame.superlative) return null;
  if (!frame.targets.includes('structure') || frame.amounts.length || frame.without.length) return null;
  const split = frame.perGroup && frame.aggregate === 'sum';
  if (!split && !(comparing && frame.aggregate === 'sum')) return null;
  // counts or other figures are the records' own ("quante fasi per settore")
  if (frame.fields.some((w) => w !== 'budget' && COUNTED.has(w))) return null;
  if (frame.targets.some((t) => t === 'objective' || t === 'phase' || t === 'indicator')) return null;
  const docs = frame.documents ?? store.model.documents.map((d) => d.file);
  const cdrs = docs.flatMap((doc) =>
    totalsOf(store, doc)
      .filter((t) => t.level === 'cdr' && t.cdr && t.amount)
      .map((t) => ({ code: t.cdr!, doc })),
  );
  if (comparing && !split) return cdrs.length === 2 ? { kind: 'stated_totals', cdrs, compare: true } : null;
  return cdrs.length >= 1 && cdrs.length <= MAX_GROUPS ? { kind: 'stated_totals', cdrs } : null;
}

/** A figure other than a count named for the first records ("budget medio", "peso medio"): what an average is of. */
function measuredField(frame: QuestionFrame): boolean {
  const first = frame.targets.find((t) => t !== 'person' && t !== 'structure');
  return first !== undefined && frame.fields.some((w) => !COUNTED.has(w) && FIELD_OF[first]?.[w] !== undefined);
}

/**
 * The levels named, as filters on the records' `levels`: levels of one kind are alternatives ("l'azione A e l'azione
 * B": a record under either); levels of different kinds narrow each other ("linea 05, obiettivo strategico 05.01").
 */
function levelFilters(frame: QuestionFrame): QueryFilter[] {
  return [...new Set(frame.levels.map((l) => l.level))].map((kind) => {
    const labels = frame.levels.filter((l) => l.level === kind).map((l) => l.label);
    return labels.length === 1
      ? { field: 'levels', op: 'eq', value: labels[0]! }
      : { field: 'levels', op: 'in', values: labels };
  });
}
const levelDocs = (frame: QuestionFrame) => [...new Set(frame.levels.flatMap((l) => l.docs))];

/** the level of the stated budget tree each level of the hierarchy is, where plans state totals for it */
const STATED_LEVEL: Partial<Record<QuestionFrame['levels'][number]['level'], string>> = {
  azione: 'azione',
  obiettivoStrategico: 'obiettivo',
  indirizzo: 'indirizzo',
};

/**
 * The totals the plan states for the one level named (in the centre named, if any): "i progetti dell'azione X del CdR
 * 87 quanto fanno?" is computed from the projects and the plan's own total quoted beside it.
 */
function statedOfLevels(frame: QuestionFrame, store: PlanStore): StatedRef[] {
  if (!frame.levels.length || new Set(frame.levels.map((l) => l.level)).size > 1) return [];
  const centres = frame.structures.filter((s) => s.code && !s.excluded);
  const out: StatedRef[] = [];
  for (const l of frame.levels) {
    const level = STATED_LEVEL[l.level];
    const stated = store.model.totals.filter(
      (t) =>
        t.level === level &&
        t.amount &&
        t.label === l.label &&
        l.docs.includes(t.doc) &&
        (!centres.length || centres.some((c) => c.code === t.cdr && c.doc === t.doc)),
    );
    // a level with no total stated: the stated ones alone would not add up to the records summed
    if (!stated.length) return [];
    out.push(...stated.map((t) => ({ label: t.label, cdr: t.cdr ?? null, doc: t.doc })));
  }
  return out;
}

/** Two levels of one kind compared by their records: counted, or their projects' budgets summed. */
function levelPairFor(frame: QuestionFrame, store: PlanStore, comparing: boolean): Computation | null {
  const [a, b] = frame.levels;
  if (!comparing || frame.levels.length !== 2 || a!.level !== b!.level) return null;
  if (frame.codes.length || frame.people.length) return null;
  const holdsProjects = store.projects.some((p) => frame.levels.some((l) => l.docs.includes(p.doc)));
  // levels of a budget tree compared with no record kind named ("quale pesa di più tra l'azione A e quella B?") are
  // compared by their money
  const recordsNamed = frame.targets.some((t) => t === 'objective' || t === 'project' || t === 'phase');
  const budgetTree = STATED_LEVEL[a!.level] !== undefined;
  const byBudget =
    holdsProjects && (frame.fields.includes('budget') || (budgetTree && !recordsNamed && !frame.aggregate));
  // each level's total as the plan states it (in the centre named), when it states one for each
  const cdrNamed = frame.structures.find((s) => s.code && !s.excluded);
  if (byBudget && budgetTree && !frame.without.length && !frame.amounts.length) {
    const stated = frame.levels.map((l) =>
      store.model.totals.filter(
        (t) =>
          t.level === STATED_LEVEL[l.level] &&
          t.label === l.label &&
          t.amount &&
          l.docs.includes(t.doc) &&
          (!cdrNamed || (t.cdr === cdrNamed.code && t.doc === cdrNamed.doc)),
      ),
    );
    if (stated.every((list) => list.length === 1))
      return {
        kind: 'stated_named',
        totals: stated.map(([t]) => ({ label: t!.label, cdr: t!.cdr ?? null, doc: t!.doc })),
        compare: true,
      };
  }
  const target: QueryTarget =
    (frame.targets.includes('project') || byBudget) && holdsProjects ? 'project' : 'objective';
  const conditions = conditionsOf(frame, target);
  if (!conditions) return null;
  const cdr = cdrNamed;
  return {
    kind: 'compare_groups',
    target,
    sumField: byBudget && target === 'project' ? 'budget' : null,
    groups: frame.levels.map((l) => ({
      label: l.label,
      documents: l.docs,
      filters: [
        { field: 'levels', op: 'eq', value: l.label },
        ...(target === 'project' && cdr ? [{ field: 'cdr', op: 'eq' as const, value: cdr.code! }] : []),
        ...conditions,
      ],
    })),
  };
}

/** The structures or people whose records hang under the levels named, each with the count of those records. */
function levelHoldersFor(frame: QuestionFrame, store: PlanStore): Computation | null {
  const lead = frame.targets[0];
  if (!frame.levels.length || (lead !== 'structure' && lead !== 'person')) return null;
  if (frame.codes.length || frame.people.length || frame.structures.length || frame.superlative) return null;
  const docs = levelDocs(frame);
  // objectives where the plans have them under the levels, else the projects (a budget tree's levels)
  // (the projects when the question names them)
  const namesProjects = frame.targets.includes('project') && store.projects.some((p) => docs.includes(p.doc));
  const target: QueryTarget =
    !namesProjects &&
    store.objectives.some(
      (o) => docs.includes(o.doc) && frame.levels.some((l) => levelLabels(o.strategic).includes(l.label)),
    )
      ? 'objective'
      : 'project';
  const groupBy = lead === 'structure' ? 'structure' : target === 'project' ? 'dirigente' : 'owner';
  return {
    kind: 'group_rank',
    groupOf: lead,
    dir: 'desc',
    k: MAX_GROUPS,
    query: {
      target,
      documents: frame.documents ?? docs,
      filters: levelFilters(frame),
      aggregate: { op: 'count', groupBy },
    },
  };
}
