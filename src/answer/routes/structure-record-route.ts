/**
 * A record named by its words beside the structure it belongs to ("l'obiettivo sulla formazione del Servizio X",
 * "the bridges objective of the roads service"): the structure narrows the records to its own, and the other words of
 * the question pick among them. Without this the structure's whole list answers, and the record asked for is one line
 * of it.
 */
import { PACKS } from '../../lang/packs.ts';
import { objectivesNumberedUnder } from '../../linking/frame-to-query.ts';
import { distinctiveNameWords, nameStem, withOfficeNames } from '../../linking/structure-index.ts';
import type { Objective, Project, Structure } from '../../plan/model.ts';
import { fold } from '../../plan/text.ts';
import { glossaryExpander } from '../../retrieval/query-expansion.ts';
import type { PlanStore } from '../../store/plan-store.ts';
import { citationOf, type ToolContext, visible } from '../../tools/tool-context.ts';
import { ownersOf } from '../format-records.ts';
import { detectIntents } from '../intent.ts';
import { LABELS } from '../labels.ts';
import type { Route, RouteInput } from '../router.ts';
import { contentTokens, type Scored, stem, TextMatcher } from '../text-match.ts';
import { projectReply } from './project-reply.ts';
import { objectiveOfYear } from './record-year-reply.ts';
import { emptyReply, type Reply } from './reply.ts';
import { structureNamedAlone } from './structure-list-route.ts';
import { placeWordsOf } from './words-route.ts';

type NamedRecord = { kind: 'objective'; record: Objective } | { kind: 'project'; record: Project };

/** a record is picked when the words beyond the structure's name meet at least this share of its title */
const MIN_SCORE = 0.5;
/** …and when a list is asked, a larger share, so that the list is not cut by a word that happens to be in a title */
const MIN_LIST_SCORE = 0.75;

/** words that say which kind of entity or structure, never which record: the packs' kind words, read as prefixes */
const KIND_WORDS = [
  ...new Set(
    Object.values(PACKS).flatMap((p) => [
      ...Object.values(p.lexicon.entityKinds).flat(),
      ...(p.lexicon.structureKinds ?? []).flatMap((k) => [...k.words, ...k.nameStarts]),
      ...p.lexicon.targets.structure,
    ]),
  ),
]
  .flatMap((w) => fold(w).trim().split(/\s+/))
  .filter((w) => w.length >= 4);
const isKindWord = (w: string) => KIND_WORDS.some((k) => w.startsWith(k));

export const structureRecordRoute: Route = {
  id: 'record_of_structure',
  when: (input) =>
    structureNamedAlone(input) &&
    !input.frame.compare &&
    // "i progetti del CdR X tranne quello sulla Y": the words of a record set apart pick no record of the office
    !input.frame.excludedCodes.length &&
    (input.frame.targets.includes('objective') || input.frame.targets.includes('project')),
  answer: (input) => recordOfStructure(input),
};

function recordOfStructure({ ctx, structures, question, lang, scope, frame }: RouteInput): Reply | null {
  const named = structures.filter((s) => !('excluded' in s && s.excluded));
  const year = scope.year;
  const { records, matcher, titleStems: stemsOfTitles } = recordsAndMatcherOf(ctx, named);
  if (records.length < 2) return null;
  const said = wordsBeyond(ctx.store, question, named, lang);
  // English words the glossary does not translate can meet no Italian title: only the words some title holds count
  const titleStems = lang === 'en' ? stemsOfTitles() : null;
  const wanted = titleStems ? said.filter((w) => titleStems.has(stem(w))) : said;
  if (!wanted.length) return null;
  const asksOne = singularAsked(question);
  // a list asked for ("i progetti del CdR X") is narrowed only by words that clearly name some of its records
  const ranked = matcher.rank(wanted, records.length).filter((r) => r.score >= (asksOne ? MIN_SCORE : MIN_LIST_SCORE));
  if (!ranked.length) return null;
  const tied = ranked.filter((r) => r.score >= ranked[0]!.score - 1e-9);
  // "il progetto X" when a project and an objective of it are titled alike: the kind the question names
  const kind = frame.targets.includes('project') !== frame.targets.includes('objective') ? kindNamed(frame) : null;
  const ofKind = kind ? tied.filter((r) => r.item.kind === kind) : [];
  const top = ofKind.length === 1 ? ofKind : tied;
  if (top.length === 1 && (asksOne || ranked.length === 1)) {
    const [{ item }] = top as [Scored<NamedRecord>];
    // the structure chose among records: what is asked of the record is what the rest of the question asks ("risorse"
    // of "Servizio Risorse Umane" asks for no resources)
    const asked = detectIntents(withoutNames(question, named)).filter(
      (i) => i !== 'structure' && i !== 'objectives_of' && i !== 'projects_of',
    );
    return item.kind === 'objective'
      ? objectiveOfYear(ctx, item.record, year, asked, question, lang)
      : projectReply(ctx, item.record, asked, lang, question);
  }
  return listed(
    ctx,
    (asksOne ? top : ranked).map((r) => r.item),
    named,
    lang,
  );
}

interface OfficeRecords {
  records: NamedRecord[];
  matcher: TextMatcher<NamedRecord>;
  titleStems: () => Set<string>;
}

/** offices' records with their title matcher, kept for the offices last asked about (per store, at most this many) */
const MAX_KEPT = 128;
const KEPT = new WeakMap<PlanStore, Map<string, OfficeRecords>>();

/**
 * The records of the offices named, with a matcher over their titles: built once per set of visible offices, as an
 * office named in a thousand plans holds thousands of records and questions about it come again.
 */
function recordsAndMatcherOf(ctx: ToolContext, named: Structure[]): OfficeRecords {
  const key = named
    .filter((s) => visible(ctx, s.doc))
    .map((s) => `${s.doc}\u0000${s.name}\u0000${s.code ?? ''}`)
    .join('\u0001');
  let kept = KEPT.get(ctx.store);
  if (!kept) {
    kept = new Map();
    KEPT.set(ctx.store, kept);
  }
  const known = kept.get(key);
  if (known) return known;
  const records = recordsOf(ctx, named);
  let stems: Set<string> | null = null;
  const built: OfficeRecords = {
    records,
    matcher: new TextMatcher(records, (r) => r.record.title),
    titleStems: () => {
      stems ??= new Set(records.flatMap((r) => contentTokens(r.record.title).map(stem)));
      return stems;
    },
  };
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(key, built);
  return built;
}

/** the one kind of record the question names, when it names one of the two */
function kindNamed(frame: RouteInput['frame']): NamedRecord['kind'] {
  return frame.targets.includes('project') ? 'project' : 'objective';
}

/** the question with the words of the structures' names blanked */
function withoutNames(question: string, structures: Structure[]): string {
  const stems = structures.flatMap((s) => distinctiveNameWords(s.name).map(nameStem));
  return question.replace(/\p{L}+/gu, (w) => (stems.some((n) => fold(w).startsWith(n)) ? ' ' : w));
}

/**
 * The question's words that are left once the structure's name (in any words), the entity, the kinds of record and
 * of structure are taken out: what names the record. English words are read through the glossary.
 */
function wordsBeyond(store: PlanStore, question: string, structures: Structure[], lang: RouteInput['lang']): string[] {
  const nameStems = new Set(structures.flatMap((s) => distinctiveNameWords(s.name).map(nameStem)));
  const office = withOfficeNames(question).trim().split(' ');
  const places = placeWordsOf(store);
  const inName = (w: string) =>
    [...nameStems].some((n) => w.startsWith(n) || (w.length >= 4 && n.startsWith(w))) ||
    structures.some((s) => s.code && fold(s.code) === w);
  // short words ("com'è", "sui") name nothing, and an unmatched word would weigh as the rarest of all
  const own = contentTokens(question).filter(
    (w) => w.length > 3 && !inName(w) && !places.has(w) && !isKindWord(w) && !LIST_WORDS.has(w) && !/^\d+$/.test(w),
  );
  // office names said in other words ("roads service") are the structure, not the record
  const translated = new Set(office.filter((w) => inName(w)));
  const kept = own.filter((w) => !translated.has(w) && !officeWordOf(w, question));
  if (lang !== 'en' || !kept.length) return kept;
  // word by word: the question is known to be English, a few words alone may not read as English any more
  const expander = glossaryExpander();
  return kept.flatMap((w) => contentTokens(expander.expand(w)[0] ?? w)).filter((w) => !inName(w));
}

/**
 * "elenco", "lista", "list": one-word requests for a list, and "gestisce", "handles": what an office does — neither
 * names a record ("Costituzione elenco …", "Gestione del …")
 */
const LIST_WORDS = new Set(
  Object.values(PACKS)
    .flatMap((p) => [...p.lexicon.listAll, ...(p.lexicon.officeVerbs ?? [])])
    .map((w) => fold(w).trim())
    .filter((w) => !w.includes(' ')),
);

/** the word is part of an office name the question says in other words ("legal" of "legal office") */
function officeWordOf(word: string, question: string): boolean {
  const said = fold(question);
  return Object.values(PACKS).some((p) =>
    Object.keys(p.lexicon.officeNames ?? {}).some((name) => name.split(' ').includes(word) && said.includes(name)),
  );
}

/** "l'obiettivo", "the objective", "quale progetto": one record asked for, not a list ("obiettivi", "objectives") */
function singularAsked(question: string): boolean {
  const said = fold(question)
    .split(/[^a-z]+/)
    .filter((w) => RECORD_WORDS.some((r) => w.startsWith(r)));
  return said.length > 0 && said.every((w) => !/[is]$/.test(w));
}
const RECORD_WORDS = Object.values(PACKS).flatMap((p) =>
  [...p.lexicon.targets.objective, ...p.lexicon.targets.project].map((w) => w.trim()),
);

/** the objectives and projects a structure holds: by its name, its code, or the codes numbered under it */
function recordsOf(ctx: ToolContext, structures: Structure[]): NamedRecord[] {
  const byDoc = recordsByDoc(ctx.store);
  const out: NamedRecord[] = [];
  // a set, not a search of the list: an office named in a thousand plans holds thousands of records
  const seen = new Set<Objective | Project>();
  const add = (r: NamedRecord) => {
    if (seen.has(r.record)) return;
    seen.add(r.record);
    out.push(r);
  };
  for (const s of structures) {
    if (!visible(ctx, s.doc)) continue;
    const { objectives, projects } = byDoc.get(s.doc) ?? { objectives: [], projects: [] };
    const numbered = new Set(objectivesNumberedUnder(s, ctx.store));
    const name = fold(s.name);
    for (const o of objectives)
      if (fold(o.structure ?? '') === name || (s.code && o.cdr === s.code) || numbered.has(o.code))
        add({ kind: 'objective', record: o });
    for (const p of projects) if (s.code && p.cdr === s.code) add({ kind: 'project', record: p });
  }
  return out;
}

const BY_DOC = new WeakMap<PlanStore, Map<string, { objectives: Objective[]; projects: Project[] }>>();

/** each plan's objectives and projects, grouped once per store (plans in the order the objectives, then projects, meet them) */
export function recordsByDoc(store: PlanStore): Map<string, { objectives: Objective[]; projects: Project[] }> {
  let map = BY_DOC.get(store);
  if (!map) {
    const grouped = new Map<string, { objectives: Objective[]; projects: Project[] }>();
    const of = (doc: string) => {
      const known = grouped.get(doc);
      if (known) return known;
      const entry = { objectives: [] as Objective[], projects: [] as Project[] };
      grouped.set(doc, entry);
      return entry;
    };
    for (const o of store.objectives) of(o.doc).objectives.push(o);
    for (const p of store.projects) of(p.doc).projects.push(p);
    map = grouped;
    BY_DOC.set(store, map);
  }
  return map;
}

function listed(ctx: ToolContext, records: NamedRecord[], structures: Structure[], lang: RouteInput['lang']): Reply {
  const reply = emptyReply('records_of_structure');
  const label = [...new Set(structures.map((s) => s.name))].join(', ');
  reply.lines.push(PACKS[lang].messages.structures.recordsOfStructureAbout(label, records.length));
  for (const { kind, record } of records) {
    const who = kind === 'objective' ? ownersOf(record) : (record.dirigente ?? '—');
    reply.lines.push(`• ${record.code} — ${record.title} · ${LABELS[lang].owner}: ${who}`);
    reply.citations.push(citationOf(ctx, record.span, record.code));
    reply.focus.push(record.code);
  }
  return reply;
}
