/**
 * Questions the plans cannot answer, said plainly before anything else: progress and delays (the plans hold none),
 * an entity with no plan loaded, a person's records in a year their plan does not cover, the sheet of a year an
 * objective does not have. Each says what is there instead.
 */

import { PACKS } from '../../lang/packs.ts';
import { splitSentences } from '../../lang/split-sentences.ts';
import { answerTypeOf, holdsAnswerType } from '../../linking/answer-type.ts';
import { unknownLevelsIn, unknownLevelTitlesIn } from '../../linking/find-levels.ts';
import { phraseAt, wordsOf } from '../../linking/phrases.ts';
import type { FieldWord } from '../../linking/question-frame.ts';
import { unknownStructureName, unknownStructureNumber } from '../../linking/unknown-structure-number.ts';
import { parseFigure } from '../../plan/figures.ts';
import type { Structure } from '../../plan/model.ts';
import { personKey } from '../../plan/names.ts';
import { fold } from '../../plan/text.ts';
import { RECORD_TARGETS } from '../../query/plan-query.ts';
import type { PlanStore } from '../../store/plan-store.ts';
import { resolveRecord } from '../../tools/resolve-record.ts';
import { type ToolContext, visible } from '../../tools/tool-context.ts';
import { writesFieldWords } from '../field-in-prose.ts';
import type { Route, RouteInput } from '../router.ts';
import { answerForCodes, dedupeHits } from './code-route.ts';
import { askedFieldOf } from './passage-route.ts';
import { namedRecordReaches } from './record-year-reply.ts';
import { emptyReply } from './reply.ts';

/** kinds of answer a passage about another body gives: when it was set up, who, where, by which act */
const FACT_TYPES: ReadonlySet<string> = new Set(['year', 'date', 'who', 'place', 'law']);

/**
 * "da che anno c'è il piano regionale della Regione X?": no plan of X is loaded, but the plans' text writes X as a body
 * beside their own work; a fact asked of it (a year, a date, who, where — no record of X's own) is the passages' to
 * answer, with their honest not-found.
 */
function bodyTheTextNames({ ctx, frame, question }: RouteInput): boolean {
  const type = answerTypeOf(question);
  if (!type || !FACT_TYPES.has(type) || frame.targets.length || !ctx.search?.withWord) return false;
  const words = frame.unknownEntity!.split(/\s+/).filter((w) => w.length > 2);
  const last = words[words.length - 1];
  if (!last) return false;
  const name = fold(frame.unknownEntity!);
  return ctx.search
    .withWord(last, {
      limit: 20,
      filter: { ...(ctx.allowedDocs ? { docs: ctx.allowedDocs } : {}), includeInternal: ctx.includeInternal },
    })
    .some((h) => fold(h.chunk.text).includes(name));
}

/** The offices there are, said after one the question names is not: the first twenty the audience may see. */
function officesThere(ctx: ToolContext, structures: readonly Structure[]): string[] {
  return structures
    .filter((s) => visible(ctx, s.doc))
    .slice(0, 20)
    .map((s) => `${s.code ? `${s.code} - ` : ''}${s.name} (${ctx.store.entityOf(s.doc)})`);
}

export const notFoundReplies: Route[] = [
  {
    // "obiettivi del settore II" where no office carries that numeral: not there, and the numbered ones there are
    id: 'not_found_structure_number',
    when: ({ frame, question, ctx, structures, meant }) =>
      !structures.length &&
      !frame.codes.length &&
      !meant.length &&
      unknownStructureNumber(question, ctx.store, frame.documents) !== null &&
      // "progetti del cdr 86 nell'azione X": a level named beside it leaves the office still not there, unless the
      // number read is the level's own
      !numbersALevel(unknownStructureNumber(question, ctx.store, frame.documents)!.said, frame.levels),
    answer: ({ ctx, frame, question, pack }) => {
      const unknown = unknownStructureNumber(question, ctx.store, frame.documents)!;
      const reply = emptyReply('not_found_structure_number');
      reply.found = false;
      reply.lines.push(pack.messages.notFoundStructureNumber(unknown.said, officesThere(ctx, unknown.numbered)));
      return reply;
    },
  },
  {
    // "obiettivi del Servizio Cultura" where no office in scope has such a name: not there, and the offices there are
    id: 'not_found_structure_name',
    when: ({ frame, question, ctx, structures, meant }) =>
      !structures.length &&
      !frame.codes.length &&
      !meant.length &&
      frame.targets.some((t) => t === 'objective' || t === 'project') &&
      unknownStructureName(question, ctx.store, frame.documents) !== null,
    answer: ({ ctx, frame, question, pack }) => {
      const unknown = unknownStructureName(question, ctx.store, frame.documents)!;
      const reply = emptyReply('not_found_structure_name');
      reply.found = false;
      reply.lines.push(pack.messages.notFoundStructureName(unknown.said, officesThere(ctx, unknown.known)));
      return reply;
    },
  },
  {
    // "obiettivi della linea di mandato 7" where the lines are 01–05: no level of that number, and the ones there are
    id: 'not_found_level',
    // "i progetti dell'azione Mobilità sostenibile" where no azione is about it: named by words, not there either
    when: ({ frame, question, ctx }) =>
      !frame.codes.length &&
      ((!frame.levels.length && unknownLevelsIn(question, ctx.store, frame.documents).length > 0) ||
        unknownTitles(question, ctx, frame).length > 0),
    answer: ({ ctx, frame, question, pack }) => {
      const reply = emptyReply('not_found_level');
      reply.found = false;
      if (!frame.levels.length)
        for (const u of unknownLevelsIn(question, ctx.store, frame.documents))
          reply.lines.push(pack.messages.notFoundLevel(u.phrase, u.number, u.known));
      for (const u of unknownTitles(question, ctx, frame))
        reply.lines.push(pack.messages.notFoundLevel(u.phrase, u.said, u.known));
      return reply;
    },
  },
  {
    id: 'not_found_progress',
    when: ({ ctx, frame }) => frame.progress && !progressIsAMeasure(ctx, frame),
    answer: ({ ctx, pack, resolved, intents, question, scope, lang }) => {
      const reply = emptyReply('not_found_progress');
      reply.found = false;
      reply.lines.push(pack.messages.notFoundProgress);
      // a record named: what the plan does set out for it (phases, deadlines, expected values)
      const hits = dedupeHits(resolved);
      if (hits.length) {
        const record = answerForCodes(ctx, hits, intents, question, scope.year, lang);
        reply.lines.push('', pack.messages.whatThePlanSetsOut, ...record.lines);
        reply.citations.push(...record.citations);
        reply.focus.push(...record.focus);
      }
      return reply;
    },
  },
  {
    id: 'not_found_entity',
    // a person matched only loosely ("Lucca" one letter from "Lucia") does not outweigh the place named
    when: (input) =>
      input.frame.unknownEntity !== null &&
      !input.frame.codes.length &&
      !namedInFull(input.frame) &&
      !bodyTheTextNames(input),
    answer: ({ ctx, frame, pack }) => {
      const reply = emptyReply('not_found_entity');
      reply.found = false;
      const entities = [...new Set(ctx.store.model.documents.filter((d) => visible(ctx, d.file)).map((d) => d.entity))];
      reply.lines.push(pack.messages.notFoundEntity(frame.unknownEntity!, entities.join(', ')));
      return reply;
    },
  },
  {
    // "quanto costa il trasporto sociale a X?", "peso delle fasi della Provincia": a figure no record of the plans
    // in scope holds is not there to be found, whatever passage shares the question's words
    id: 'not_found_field_in_scope',
    when: ({ frame, meant }) =>
      frame.documents !== null && !frame.codes.length && !meant.length && absentFigure(frame) !== null,
    answer: ({ ctx, frame, pack }) => {
      const field = absentFigure(frame)!;
      const docs = frame.documents!.filter((d) => visible(ctx, d));
      if (!docs.length || FIGURE_HOLDERS[field]!(ctx.store, new Set(docs))) return null;
      if (writtenInNamedRecord(ctx, frame, docs, field)) return null;
      const where = [...new Set(docs.map((d) => ctx.store.entityOf(d)))].join(', ');
      const reply = emptyReply('not_found_field');
      reply.found = false;
      reply.lines.push(pack.messages.fieldNotInPlans(pack.messages.fieldNames[field] ?? field, where));
      return reply;
    },
  },
  {
    // "budget 2023 del servizio X", "objectives of Y for 2019": records of a year no plan in scope covers (a date
    // bound, "che scadono nel 2022", may still find phases of an earlier plan running into it)
    id: 'not_found_year_scope',
    when: ({ ctx, frame, meant, question, lang }) =>
      frame.uncoveredYear !== null &&
      // a fact of the entity as a whole is stated at a date, which may precede the years the plan covers
      !askedFieldOf(question, lang)?.ofEntity &&
      !frame.codes.length &&
      !meant.length &&
      !frame.fields.includes('end') &&
      !frame.fields.includes('start') &&
      // "fasi previste nel 2022": a plan of 2020 may hold phases running into it (their dates are read)
      frame.targets[0] !== 'phase' &&
      (frame.targets.some((t) => RECORD_TARGETS.has(t)) ||
        frame.fields.some((f) => RECORD_FIELDS.has(f)) ||
        // "il piano della performance 2019 di X": the plan itself, of a year it does not cover
        PLAN_WORDS.some((w) => phraseAt(wordsOf(frame.text), w) >= 0)) &&
      !namedRecordReaches(ctx, question, frame.uncoveredYear),
    answer: ({ ctx, frame, pack }) => {
      const docs = ctx.store.model.documents.filter(
        (d) => visible(ctx, d.file) && (!frame.entities.length || frame.entities.includes(d.entity)),
      );
      if (!docs.length) return null;
      const years = [...new Set(docs.flatMap((d) => d.years))].sort().join(', ');
      const reply = emptyReply('not_found_year');
      reply.found = false;
      reply.lines.push(
        frame.entities.length
          ? pack.messages.yearNotCoveredFor(frame.uncoveredYear!, frame.entities.join(', '), years)
          : pack.messages.yearNotCovered(frame.uncoveredYear!, years),
      );
      return reply;
    },
  },
  {
    // "obiettivi 2023 di X", "X's projects in 2020": X is in the plans, none of X's plans covers that year
    id: 'not_found_year_for_person',
    when: ({ frame, meant }) => askedYear(frame) !== null && meant.length === 1 && !frame.codes.length,
    answer: ({ ctx, frame, meant, pack }) => {
      const person = meant[0]!;
      const year = askedYear(frame)!;
      const docs = [...new Set(person.roles.map((r) => r.doc))].filter((d) => visible(ctx, d));
      if (!docs.length) return null;
      // "che scadono nel 2022": a plan of one year may run its phases into later ones, and a deadline in that year
      // is there to be found ("obiettivi 2022", with no date word, asks for that year's plan)
      const prefix = `${year}-`;
      const asksDates = frame.fields.includes('end') || frame.fields.includes('start');
      const owned = ctx.store.objectivesOwnedBy(person).filter((o) => visible(ctx, o.doc));
      const dated =
        asksDates &&
        owned.some((o) =>
          [o.start, o.end, ...o.phases.flatMap((p) => [p.start, p.end])].some((d) => d?.iso?.startsWith(prefix)),
        );
      if (dated) return null;
      const years = [...new Set(docs.flatMap((d) => ctx.store.documentOf(d)?.years ?? []))].sort();
      if (years.includes(year)) return null;
      const reply = emptyReply('not_found_year');
      reply.found = false;
      reply.lines.push(pack.messages.notFoundYearFor(year, person.name, years.join(', ')));
      reply.focus.push(personKey(person.name));
      return reply;
    },
  },
  {
    // "indicatori 2022 di VI - 2": the objective has one sheet per year, none for the year asked
    id: 'not_found_year_sheet',
    when: (input) => askedYear(input.frame) !== null && sheetYears(input) !== null,
    answer: ({ frame, pack, ...input }) => {
      const sheets = sheetYears({ frame, ...input })!;
      const year = askedYear(frame)!;
      if (sheets.years.includes(year)) return null;
      const reply = emptyReply('not_found_year_sheet');
      reply.found = false;
      reply.lines.push(pack.messages.notFoundYearSheet(sheets.code, year, sheets.years.join(', ')));
      reply.focus.push(sheets.code);
      return reply;
    },
  },
];

/** The figures a record of the plans may hold, and whether any record in the given plans holds one. */
const FIGURE_HOLDERS: Partial<Record<FieldWord, (store: PlanStore, docs: ReadonlySet<string>) => boolean>> = {
  budget: (store, docs) =>
    store.projects.some((p) => docs.has(p.doc) && p.budget !== null) ||
    store.objectives.some((o) => docs.has(o.doc) && (o.financialAmount?.value != null || !!o.financialResources)),
  weight: (store, docs) =>
    store.objectives.some(
      (o) => docs.has(o.doc) && [...o.phases, ...o.indicators].some((x) => x.weight?.value != null),
    ),
};

/** The one figure the question asks for, when it is one a record may hold (budget, weight). */
/**
 * No record field holds the figure, but the record the words most likely name speaks of it in its own text ("finanziato
 * con fondi europei", "quasi 2 milioni dalla Regione"): the detail answer quotes that — a denial of what is written is worse
 * than no plain "not found".
 */
function writtenInNamedRecord(
  ctx: RouteInput['ctx'],
  frame: RouteInput['frame'],
  docs: string[],
  field: FieldWord,
): boolean {
  const type = answerTypeOf(frame.text);
  const text = namedRecordText(ctx, frame, docs);
  if (text === null) return false;
  // "budget complessivo di Urban Jungle": a record whose text writes the field's word beside a figure ("un budget
  // complessivo di 3,7 milioni di euro") holds it in its prose, though no record has it as a field
  if (type !== 'funding' && type !== 'number') return writesFieldFigure(text, field);
  return holdsAnswerType(text, type);
}

/** The strings of the record the question's words name (the likeliest, when unsure which), or null when none. */
function namedRecordText(ctx: RouteInput['ctx'], frame: RouteInput['frame'], docs: string[]): string | null {
  return namedRecordTexts(ctx, frame, docs, 1)[0] ?? null;
}

/** The strings of the record the question names, or of its `unsure` likeliest candidates (at most `max`). */
function namedRecordTexts(ctx: RouteInput['ctx'], frame: RouteInput['frame'], docs: string[], max: number): string[] {
  const resolved = resolveRecord(ctx.store, frame.text, (d) => docs.includes(d));
  // unsure which record is meant is no ground for a denial either: the likeliest ones are read
  const named =
    resolved.status === 'sure'
      ? [resolved.named]
      : resolved.status === 'unsure'
        ? resolved.candidates.slice(0, max).map((c) => c.named)
        : [];
  // the record's own texts (title, description, notes…), not the figures of its sub-records
  return named.map((n) =>
    Object.values(n.record)
      .filter((v): v is string => typeof v === 'string')
      .join(' \n '),
  );
}

/**
 * "costa 218.000 euro: IVA compresa?": an amount the question quotes that the record its words name writes in its
 * text asks about that written figure (its qualifiers, what it covers), not for records filtered by it.
 */
export function amountInNamedProse(ctx: RouteInput['ctx'], frame: RouteInput['frame']): boolean {
  if (!frame.amounts.length) return false;
  const docs = (frame.documents ?? ctx.store.model.documents.map((d) => d.file)).filter((d) => visible(ctx, d));
  // the record named, or one of the three likeliest when unsure: the figure quoted tells which it is
  const text = namedRecordTexts(ctx, frame, docs, 3).join(' ');
  const written = (text.match(/\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g) ?? []).map((f) => parseFigure(f).value);
  return frame.amounts.some((a) => written.includes(a.value));
}

/** Whether a sentence of `text` writes one of the field's words (the packs') beside a figure. */
function writesFieldFigure(text: string, field: FieldWord): boolean {
  const words = Object.values(PACKS).flatMap((p) => (p.lexicon.fields as Record<string, string[]>)[field] ?? []);
  return splitSentences(text).some((sentence) => writesFieldWords(sentence, words));
}

/**
 * A figure field the question asks ("budget complessivo di X") that the record its words name writes in its prose:
 * a computation over records that found none is no answer then, the record's sentence is.
 */
export function figureInNamedProse(ctx: RouteInput['ctx'], frame: RouteInput['frame']): boolean {
  const field = frame.fields.find((f) => f in FIGURE_HOLDERS);
  if (!field) return false;
  const docs = (frame.documents ?? ctx.store.model.documents.map((d) => d.file)).filter((d) => visible(ctx, d));
  return writtenInNamedRecord(ctx, frame, docs, field);
}

const PROGRESS = Object.values(PACKS).flatMap((p) => p.lexicon.progress);

/**
 * "che percentuale di completamento si vuole?": the progress words the question uses are the measure an indicator
 * of the plans in scope is written in ("Percentuale di completamento archivio / totale dei documenti"); its target
 * is asked, not the progress the plans do not hold.
 */
function progressIsAMeasure(ctx: RouteInput['ctx'], frame: RouteInput['frame']): boolean {
  const words = wordsOf(frame.text);
  const used = PROGRESS.filter((p) => phraseAt(words, p) >= 0);
  if (!used.length) return false;
  return ctx.store.objectives.some(
    (o) =>
      visible(ctx, o.doc) &&
      (!frame.documents || frame.documents.includes(o.doc)) &&
      o.indicators.some((i) => {
        const measure = wordsOf(`${i.description} ${i.formula ?? ''}`);
        return used.some((p) => phraseAt(measure, p) >= 0);
      }),
  );
}

function absentFigure(frame: RouteInput['frame']): FieldWord | null {
  const figures = frame.fields.filter((f) => f in FIGURE_HOLDERS);
  return figures.length === 1 ? figures[0]! : null;
}

/** words that name a plan or its kind ("piano", "PEG", "documents") */
const PLAN_WORDS = Object.values(PACKS).flatMap((p) => [
  ...p.lexicon.metaNouns.filter((w) => w.length >= 4),
  ...Object.values(p.lexicon.documentKinds).flat(),
]);

const RECORD_FIELDS = new Set([
  'budget',
  'weight',
  'staff',
  'phases',
  'indicators',
  'objectives',
  'projects',
  'target',
]);

/** The one year a question names on its own ("nel 2020", not "dopo il 2020"), covered by a plan or not. */
function askedYear(frame: RouteInput['frame']): number | null {
  if (frame.uncoveredYear !== null) return frame.uncoveredYear;
  return frame.years.length === 1 ? frame.years[0]! : null;
}

/** The years of the sheets of the one objective the question names, when its phases or indicators carry years. */
function sheetYears(input: Pick<RouteInput, 'resolved' | 'frame'>): { code: string; years: number[] } | null {
  const hits = dedupeHits(input.resolved).filter((h) => h.kind === 'objective');
  if (hits.length !== 1 || hits[0]!.kind !== 'objective') return null;
  const o = hits[0]!.record;
  const years = [...new Set([...o.phases, ...o.indicators].flatMap((r) => (r.year ? [r.year] : [])))].sort();
  return years.length ? { code: o.code, years } : null;
}

/** Some person of the frame is named by a whole word of their name, not only by a near spelling. */
function namedInFull(frame: RouteInput['frame']): boolean {
  const words = new Set(fold(frame.text).split(/[^a-z]+/));
  return frame.people.some((p) =>
    fold(p.name)
      .split(/[^a-z]+/)
      .some((w) => w.length > 2 && words.has(w)),
  );
}

/** The number after an office word ("servizio 2") is the leading number of a level named ("02. LINEA…"). */
function numbersALevel(said: string, levels: readonly { label: string }[]): boolean {
  const n = said.split(' ').pop() ?? '';
  return levels.some((l) => {
    const lead = /^\s*(\d{1,3})/.exec(l.label);
    return lead !== null && /^\d+$/.test(n) && Number(lead[1]) === Number(n);
  });
}

/** Levels named by title words no level of their kind has, in a question asking for records (not in passing). */
function unknownTitles(question: string, ctx: RouteInput['ctx'], frame: RouteInput['frame']) {
  if (!frame.targets.some((t) => t === 'objective' || t === 'project')) return [];
  return unknownLevelTitlesIn(
    question,
    ctx.store,
    frame.documents,
    frame.levels.map((l) => l.level),
    frame.lang === 'en',
  );
}
