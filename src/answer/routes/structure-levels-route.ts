/**
 * A level of the plan's tree asked of an office: "in quale area sta il servizio X?", "su quale linea di mandato lavora
 * l'ufficio Y?", "which strategic objective does the Z office work towards?". The area is the office's own (the plan
 * writes it above the office); any other level is read from the strategic links of the office's records, each label
 * with the codes under it. Without this the office's head, or passages, answered.
 */
import type { PlanLevel } from '../../lang/language-pack.ts';
import { PACKS } from '../../lang/packs.ts';
import { type LevelKindSaid, levelKindsSaid } from '../../linking/find-levels.ts';
import type { Objective, Project, Structure } from '../../plan/model.ts';
import { fold } from '../../plan/text.ts';
import { areasOf } from '../../query/record-fields.ts';
import { recordsOfStructure } from '../../query/structure-records.ts';
import { citationOf, type ToolContext, visible } from '../../tools/tool-context.ts';
import { LABELS, type Lang } from '../labels.ts';
import type { Route, RouteInput } from '../router.ts';
import { askedFieldOf } from './passage-route.ts';
import { emptyReply, type Reply } from './reply.ts';
import { recordsByDoc } from './structure-record-route.ts';
import { answerForStructures } from './structure-route.ts';

/** an office named in many plans (one name, many entities): the first ones, then how many more */
const MAX_STRUCTURES = 12;
/** how many words before a kind word may hold the word asking which ("a quale area", "qual è l'area") */
const BEFORE = 3;
/** …and after it ("area di appartenenza") */
const AFTER = 2;

const ASKED_BEFORE = new Set(Object.values(PACKS).flatMap((p) => p.lexicon.levelAsked?.before ?? []));
const ASKED_AFTER = new Set(Object.values(PACKS).flatMap((p) => p.lexicon.levelAsked?.after ?? []));
const COUNTING = new Set(Object.values(PACKS).flatMap((p) => p.lexicon.levelAsked?.count ?? []));
const LISTING = Object.values(PACKS).flatMap((p) => p.lexicon.listAsking ?? []);
/** the packs' words for records ("progett", "objective"): a level asked of a record named after it is the record's */
const RECORD_WORDS = Object.values(PACKS).flatMap((p) =>
  (['objective', 'project', 'phase', 'indicator'] as const).flatMap((t) =>
    p.lexicon.targets[t].map((w) => fold(w).trim()),
  ),
);

export const structureLevelsRoute: Route = {
  id: 'structure_levels',
  when: (input) => asked(input).kinds.length > 0,
  answer: (input) => levelsAsked(input, asked(input)),
};

interface Asked {
  kinds: PlanLevel[];
  /** "quante linee di mandato…": how many, not which */
  count: boolean;
}

const askedCache = new WeakMap<RouteInput, Asked>();

/** The kinds of level the question asks of the offices it names, or of its plans; none when it asks something else. */
function asked(input: RouteInput): Asked {
  const had = askedCache.get(input);
  if (had) return had;
  const out = kindsAsked(input);
  askedCache.set(input, out);
  return out;
}

const NONE: Asked = { kinds: [], count: false };

function kindsAsked({ frame, structures, meant, question, lang }: RouteInput): Asked {
  const named = namedStructures(frame, structures);
  if (
    frame.levels.length ||
    frame.codes.length ||
    meant.length ||
    frame.people.length ||
    frame.amounts.length ||
    frame.superlative ||
    (frame.aggregate !== null && frame.aggregate !== 'count') ||
    frame.compare ||
    frame.perGroup ||
    frame.groupLevel ||
    frame.targets.some((t) => t === 'phase' || t === 'indicator')
  )
    return NONE;
  // "qual è l'indirizzo del servizio X?": an address is a fact of passages, not a level of the tree
  if (askedFieldOf(question, lang)) return NONE;
  const { tokens, said } = levelKindsSaid(question, [...new Set(named.map((s) => s.name))]);
  // "obiettivi strategici" read as a type of objective too: only a type word outside the kind's words asks a type
  const kindWords = said.flatMap((k) => tokens.slice(k.start, k.end));
  if (frame.types.some((t) => !kindWords.some((w) => w.slice(0, 6) === fold(t).slice(0, 6)))) return NONE;
  const counted = said.filter((k) => COUNTING.has(tokens[k.start - 1] ?? ''));
  if (frame.aggregate === 'count' && !counted.length) return NONE;
  // of the plans, with no office named: only a kind the question opens on, in the plans it names, of no record it
  // names after ("in che azione rientra il progetto X?" asks of a record; "Palazzo X che indirizzo ha?" of a place)
  const ofPlans = (k: LevelKindSaid) =>
    frame.documents !== null &&
    leads(tokens, k) &&
    !tokens.slice(k.end).some((w) => RECORD_WORDS.some((r) => w.startsWith(r)));
  const kinds = (
    counted.length
      ? counted
      : said.filter((k) =>
          // "servizio X: area?": the kind word said last, after the office
          named.length ? isAsked(tokens, k) || leads(tokens, k) || k.end === tokens.length : ofPlans(k),
        )
  ).map((k) => k.level);
  return { kinds: [...new Set(kinds)], count: counted.length > 0 };
}

function isAsked(tokens: string[], k: LevelKindSaid): boolean {
  return (
    tokens.slice(Math.max(0, k.start - BEFORE), k.start).some((w) => ASKED_BEFORE.has(w)) ||
    tokens.slice(k.end, k.end + AFTER).some((w) => ASKED_AFTER.has(w))
  );
}

/** "obiettivi strategici del servizio X", "elenca le azioni del CdR Y": the kind is what the question opens on */
function leads(tokens: string[], k: LevelKindSaid): boolean {
  return tokens
    .slice(0, k.start)
    .every((w) => w.length <= 3 || ASKED_BEFORE.has(w) || LISTING.some((l) => w.startsWith(l)));
}

function namedStructures(frame: RouteInput['frame'], structures: Structure[]): Structure[] {
  const apart = new Set(frame.structures.filter((s) => s.excluded).map((s) => `${s.doc}\u0000${s.name}`));
  return structures.filter((s) => !apart.has(`${s.doc}\u0000${s.name}`));
}

type LevelRecord = Objective | Project;

function recordsOf(ctx: ToolContext, s: Structure): LevelRecord[] {
  const { objectives, projects } = recordsOfStructure(ctx.store, s);
  return [...objectives, ...projects];
}

function levelsAsked(input: RouteInput, { kinds }: Asked): Reply | null {
  return namedStructures(input.frame, input.structures).length
    ? levelsOfStructures(input, kinds)
    : levelsOfPlans(input, kinds);
}

/**
 * "elenca le linee di mandato della Provincia", "quante aree ha X?": the labels of a kind the records of the plans in
 * scope hang from, per plan, counted from those records.
 */
function levelsOfPlans({ ctx, frame, lang }: RouteInput, kinds: PlanLevel[]): Reply | null {
  const pack = PACKS[lang];
  const docs = frame.documents ? new Set(frame.documents) : null;
  const inScope = (doc: string) => (!docs || docs.has(doc)) && visible(ctx, doc);
  const areaOf = areasOf(ctx.store);
  const reply = emptyReply('plan_levels');
  for (const kind of kinds) {
    const word = pack.lexicon.planLevels?.[kind]?.[0] ?? kind;
    const byDoc = new Map<string, Map<string, LevelRecord>>();
    const add = (r: LevelRecord, label: string | undefined) => {
      if (!label || !inScope(r.doc)) return;
      const labels = byDoc.get(r.doc) ?? new Map<string, LevelRecord>();
      if (!labels.has(label)) labels.set(label, r);
      byDoc.set(r.doc, labels);
    };
    // only the plans in scope are read, in the order a walk of every objective, then every project, meets them
    const plans = [...recordsByDoc(ctx.store)].filter(([doc]) => inScope(doc));
    for (const [, { objectives }] of plans)
      for (const o of objectives)
        add(o, kind === 'area' ? (areaOf(o.doc, o.structure) ?? o.strategic?.area) : o.strategic?.[kind]);
    for (const [, { projects }] of plans)
      for (const p of projects)
        add(p, kind === 'area' ? (areaOf(p.doc, p.cdr) ?? p.strategic?.area) : p.strategic?.[kind]);
    for (const [doc, labels] of [...byDoc].slice(0, MAX_STRUCTURES)) {
      reply.lines.push(pack.messages.structures.levelsOfPlan(word, ctx.store.entityOf(doc), labels.size));
      for (const [label, first] of labels) {
        reply.lines.push(`• ${label}`);
        reply.citations.push(citationOf(ctx, first.span, first.code));
      }
    }
    if (byDoc.size > MAX_STRUCTURES) reply.lines.push(LABELS[lang].andMore(byDoc.size - MAX_STRUCTURES));
  }
  return reply.lines.length ? reply : null;
}

function levelsOfStructures(input: RouteInput, kinds: PlanLevel[]): Reply | null {
  const { ctx, lang, frame, structures } = input;
  const pack = PACKS[lang];
  const reply = emptyReply('structure_levels');
  const areaOf = areasOf(ctx.store);
  const shown = namedStructures(frame, structures).filter((s) => visible(ctx, s.doc));
  for (const s of shown.slice(0, MAX_STRUCTURES)) {
    const entity = ctx.store.entityOf(s.doc);
    const records = recordsOf(ctx, s);
    for (const kind of kinds) {
      const word = pack.lexicon.planLevels?.[kind]?.[0] ?? kind;
      const own = kind === 'area' ? (s.area ?? areaOf(s.doc, s.name)) : undefined;
      if (own) {
        reply.lines.push(pack.messages.structures.levelOfStructure(word, s.name, entity, own));
        reply.citations.push(citationOf(ctx, s.span, s.name));
        continue;
      }
      const byLabel = new Map<string, LevelRecord[]>();
      for (const r of records) {
        const label = r.strategic?.[kind];
        if (label) byLabel.set(label, [...(byLabel.get(label) ?? []), r]);
      }
      if (!byLabel.size) continue;
      if (byLabel.size === 1) {
        const [label] = [...byLabel.keys()];
        reply.lines.push(pack.messages.structures.levelOfStructure(word, s.name, entity, label!));
      } else {
        reply.lines.push(pack.messages.structures.levelsOfStructure(word, s.name, entity, byLabel.size));
        for (const [label, under] of byLabel)
          reply.lines.push(pack.messages.structures.levelRow(label, under.map((r) => r.code).join(', ')));
      }
      for (const r of [...byLabel.values()].flat().slice(0, 6)) reply.citations.push(citationOf(ctx, r.span, r.code));
      reply.focus.push(...[...byLabel.values()].flat().map((r) => r.code));
    }
  }
  if (!reply.lines.length) return null;
  if (shown.length > MAX_STRUCTURES) reply.lines.push(LABELS[lang].andMore(shown.length - MAX_STRUCTURES));
  // "in che area sono e chi ne è responsabile?": the head asked beside the level
  if (input.has('dirigente') || input.has('owner') || frame.targets.includes('person')) {
    const heads = answerForStructures(
      ctx,
      namedStructures(frame, structures).filter((s) => s.head),
      lang as Lang,
    );
    reply.lines.push(...heads.lines);
    reply.citations.push(...heads.citations);
  }
  return reply;
}
