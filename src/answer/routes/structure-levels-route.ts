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
import { areasOf } from '../../query/record-fields.ts';
import { recordsOfStructure } from '../../query/structure-records.ts';
import { citationOf, type ToolContext, visible } from '../../tools/tool-context.ts';
import { LABELS, type Lang } from '../labels.ts';
import type { Route, RouteInput } from '../router.ts';
import { askedFieldOf } from './passage-route.ts';
import { emptyReply, type Reply } from './reply.ts';
import { answerForStructures } from './structure-route.ts';

/** an office named in many plans (one name, many entities): the first ones, then how many more */
const MAX_STRUCTURES = 12;
/** how many words before a kind word may hold the word asking which ("a quale area", "qual è l'area") */
const BEFORE = 3;
/** …and after it ("area di appartenenza") */
const AFTER = 2;

const ASKED_BEFORE = new Set(Object.values(PACKS).flatMap((p) => p.lexicon.levelAsked?.before ?? []));
const ASKED_AFTER = new Set(Object.values(PACKS).flatMap((p) => p.lexicon.levelAsked?.after ?? []));

export const structureLevelsRoute: Route = {
  id: 'structure_levels',
  when: (input) => asked(input).length > 0,
  answer: (input) => levelsOfStructures(input, asked(input)),
};

const askedCache = new WeakMap<RouteInput, PlanLevel[]>();

/** The kinds of level the question asks of the offices it names, or none when it asks something else. */
function asked(input: RouteInput): PlanLevel[] {
  const had = askedCache.get(input);
  if (had) return had;
  const out = kindsAsked(input);
  askedCache.set(input, out);
  return out;
}

function kindsAsked({ frame, structures, meant, question, lang }: RouteInput): PlanLevel[] {
  const named = namedStructures(frame, structures);
  if (
    !named.length ||
    frame.levels.length ||
    frame.codes.length ||
    meant.length ||
    frame.amounts.length ||
    frame.superlative ||
    frame.aggregate ||
    frame.compare ||
    frame.perGroup ||
    frame.groupLevel ||
    frame.targets.some((t) => t === 'phase' || t === 'indicator')
  )
    return [];
  // "qual è l'indirizzo del servizio X?": an address is a fact of passages, not a level of the tree
  if (askedFieldOf(question, lang)) return [];
  const { tokens, said } = levelKindsSaid(
    question,
    named.map((s) => s.name),
  );
  return [...new Set(said.filter((k) => isAsked(tokens, k)).map((k) => k.level))];
}

function isAsked(tokens: string[], k: LevelKindSaid): boolean {
  return (
    tokens.slice(Math.max(0, k.start - BEFORE), k.start).some((w) => ASKED_BEFORE.has(w)) ||
    tokens.slice(k.end, k.end + AFTER).some((w) => ASKED_AFTER.has(w))
  );
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
