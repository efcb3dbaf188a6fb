/** Records named by their words rather than a code: titles of objectives and projects, indicators, phases. */

import { packFor } from '../../lang/packs.ts';
import { answerTypeOf, holdsAnswerType } from '../../linking/answer-type.ts';
import { ENTITY_KINDS } from '../../linking/find-scope.ts';
import { vocabularyOf } from '../../linking/model-vocabulary.ts';
import type { Objective, Project } from '../../plan/model.ts';
import { fold } from '../../plan/text.ts';
import { codeKey, type PlanStore } from '../../store/plan-store.ts';
import { findObjectives } from '../../tools/find-objectives.ts';
import { findRecords, type RecordHit } from '../../tools/find-records.ts';
import { getObjective, objectiveMatcher } from '../../tools/get-objective.ts';
import { getProject } from '../../tools/get-project.ts';
import { type RecordCandidate, resolveRecord } from '../../tools/resolve-record.ts';
import { citationOf, type ToolContext, visible } from '../../tools/tool-context.ts';
import { saysCue } from '../cues.ts';
import { budgetText, indicatorLine, objectiveHeadline, ownersOf, phaseLine, strategicLine } from '../format-records.ts';
import type { Intent } from '../intent.ts';
import { LABELS, type Lang } from '../labels.ts';
import type { Scope } from '../link-entities.ts';
import { contentTokens, stem } from '../text-match.ts';
import { translateQuery } from '../translate-query.ts';
import { quotedText } from './objective-reply.ts';
import { projectReply } from './project-reply.ts';
import { objectiveOfYear } from './record-year-reply.ts';
import { emptyReply, type Reply } from './reply.ts';

export function mentionsObjectiveTitle(ctx: ToolContext, question: string): boolean {
  const r = getObjective(ctx, { title: topicWords(question, ctx.store) });
  return r.status === 'found';
}

/**
 * The words of the question that can name a record: without the entity, year and plan kind (they select documents,
 * they are not in titles).
 */
const placeWordsByStore = new WeakMap<PlanStore, ReadonlySet<string>>();

/** The place names of the loaded plans, word by word: they select documents, not records. Made once per store. */
export function placeWordsOf(store: PlanStore): ReadonlySet<string> {
  let words = placeWordsByStore.get(store);
  if (!words) {
    words = new Set(vocabularyOf(store).entities.flatMap((e) => e.name.split(/[^a-z]+/).filter((w) => w.length > 2)));
    placeWordsByStore.set(store, words);
  }
  return words;
}

const ENTITY_KIND_WORDS = new Set(ENTITY_KINDS.flatMap(([, ws]) => ws));

function topicWords(question: string, store: PlanStore): string {
  const places = placeWordsOf(store);
  const stripped = question
    .replace(
      /\b([Cc]omune|COMUNE|[Pp]rovincia|PROVINCIA|[Cc]itt[aà])\s+(di|del|della)\s+[\p{Lu}][\p{L}']*(\s+[\p{Lu}][\p{L}']*)?/gu,
      ' ',
    )
    .split(/(\s+)/)
    // "quanto costa al comune il progetto X": a kind of entity, like a place, selects documents and names no record
    .map((w) => {
      const word = fold(w).replace(/[^a-z]/g, '');
      return places.has(word) || ENTITY_KIND_WORDS.has(word) ? ' ' : w;
    })
    .join('')
    .replace(/\b(peg|piao|20[12]\d)\b/gi, ' ');
  return stripped;
}

export function answerByWords(
  ctx: ToolContext,
  question: string,
  intents: Intent[],
  scope: Scope,
  lang: Lang,
): Reply | null {
  const base = topicWords(quotedText(question) ?? question, ctx.store);
  const first = matchByWords(ctx, base, intents, scope, question, lang);
  if (first || lang !== 'en') return first;
  // English words reach Italian titles through the glossary, tried only when the words as written found nothing
  const expanded = translateQuery(base);
  return expanded === base ? null : matchByWords(ctx, expanded, intents, scope, question, lang);
}

function matchByWords(
  ctx: ToolContext,
  text: string,
  intents: Intent[],
  scope: Scope,
  question: string,
  lang: Lang,
): Reply | null {
  const has = (i: Intent) => intents.includes(i);
  const inScope = (doc: string) => !scope.docs || scope.docs.includes(doc);
  const q = fold(question);
  const saysProject = saysCue(q, 'projects') || saysCue(q, 'products');
  const saysObjective = saysCue(q, 'objectives');

  const projectResult = getProject(ctx, { title: text });
  const objectiveResult = getObjective(ctx, { title: text });
  const records = askedSheetFirst(
    findRecords(ctx, { text, limit: 10 }).filter((r) => inScope(r.objective.doc)),
    scope.year,
    intents,
  ).slice(0, 5);

  let projects = projectResult.status === 'found' ? projectResult.projects.filter((p) => inScope(p.doc)) : [];
  let objectives = objectiveResult.status === 'found' ? objectiveResult.objectives.filter((o) => inScope(o.doc)) : [];
  // budgets, staff and dirigenti belong to projects: when a project answers to the words, it is the one meant
  const projectFacts = has('budget') || has('budget_detail') || has('staff') || has('dirigente');
  if ((saysProject || projectFacts) && projects.length) objectives = [];
  if (saysObjective && !saysProject && objectives.length) projects = [];
  // a phase or an indicator answers with its dates, weight and target: asked for an act, a body, a purpose, a place or
  // a source of funding, it answers only if its own wording holds one
  const typeAsked = answerTypeOf(question);
  const fieldsAnswer = (r: RecordHit) =>
    typeAsked === 'date' || typeAsked === 'year'
      ? hasDateField(r)
      : !typeAsked || wantsRecordField(intents) || typeAsked === 'number';
  const topRecord =
    records[0] &&
    records[0].score >= 0.6 &&
    (fieldsAnswer(records[0]) || holdsAnswerType(wordingOf(records[0]), typeAsked!))
      ? records[0]
      : null;

  // "fasi del progetto Reggiane Off": of two projects with that title, only one has phases
  if (projects.length > 1 && has('phases')) {
    const withPhases = projects.filter((p) =>
      p.objectives.some((c) =>
        ctx.store.objectivesByCode.get(codeKey(c))?.some((o) => o.doc === p.doc && o.phases.length),
      ),
    );
    if (withPhases.length) projects = withPhases;
  }
  const wantsRecord = has('deadline') || has('indicator_value') || has('weight') || has('count');
  if (topRecord && (wantsRecord || (!projects.length && !objectives.length))) {
    // a budget question that only met a phase's words ("verifica dei costi") is about that objective's resources
    if (has('budget') && !has('deadline') && !has('indicator_value'))
      return objectiveOfYear(ctx, topRecord.objective, scope.year, intents, question, lang);
    return recordReply(ctx, topRecord, intents, lang);
  }
  // a project's fact asked of records that are its objectives ("the budget of the project on …" whose words are in
  // its objectives' titles): the project they belong to answers
  if (projectFacts && !projects.length && objectives.length) {
    const parents = [...new Set(objectives.map((o) => projectOf(ctx, o)))];
    if (parents.length === 1 && parents[0]) return projectReply(ctx, parents[0], intents, lang, question);
  }
  if (projects.length === 1) return projectReply(ctx, projects[0]!, intents, lang, question);
  if (projects.length > 1 && !objectives.length)
    return ambiguousRecords(
      ctx,
      projects.map((p) => ({
        code: p.code,
        title: p.title,
        doc: p.doc,
        detail: `${LABELS[lang].budget}: ${budgetText(p, lang)}${p.dirigente ? ` · ${LABELS[lang].dirigente}: ${p.dirigente}` : ''}`,
      })),
      lang,
    );
  if (objectives.length === 1) return objectiveOfYear(ctx, objectives[0]!, scope.year, intents, question, lang);
  if (objectives.length > 1) {
    if (has('objectives_of') || saysCue(q, 'which')) return objectivesList(ctx, objectives, intents, lang);
    // several titles share a couple of generic words: that is no sign the question is about any of them
    const strong = objectiveMatcher(ctx).rank(text, 3)[0];
    if (strong && strong.score >= 0.8)
      return ambiguousRecords(
        ctx,
        objectives.map((o) => ({
          code: o.code,
          title: o.title,
          doc: o.doc,
          detail: `${LABELS[lang].owner}: ${ownersOf(o)}${o.structure ? ` · ${o.structure}` : ''}${askedBeside(o, intents, lang)}`,
        })),
        lang,
      );
    return null;
  }
  if (topRecord) return recordReply(ctx, topRecord, intents, lang);
  // topic search over objective titles ("which PIAO objective is about digital accessibility…")
  if (has('objectives_of') || saysObjective) {
    const topical = findObjectives(ctx, { topic: text, limit: 8 }).filter((o) => inScope(o.doc));
    // one objective found by topic: answer what was asked about it (its linea di mandato, its owner…)
    if (topical.length === 1 && !intents.every((i) => i === 'objectives_of'))
      return objectiveOfYear(ctx, topical[0]!, scope.year, intents, question, lang);
    if (topical.length) return objectivesList(ctx, topical.slice(0, 5), intents, lang);
  }
  // no title holds the words: the record whose title and text name them, when it is clear which one
  if (asksOfARecord(intents) || saysProject || saysObjective) {
    const kind = saysProject && !saysObjective ? 'project' : saysObjective && !saysProject ? 'objective' : null;
    const resolved = resolveRecord(ctx.store, text, (doc) => inScope(doc) && visible(ctx, doc), kind);
    // a record with no text of its own says less of what it provides than the passages about it
    const textless =
      resolved.status === 'sure' &&
      intents.includes('description') &&
      !resolved.named.record.description &&
      !(resolved.named.kind === 'objective' && resolved.named.record.expectedResult);
    if (resolved.status === 'sure' && !textless) {
      const { named } = resolved;
      if (named.kind === 'project') return projectReply(ctx, named.record, intents, lang, question);
      const parent = projectFacts ? projectOf(ctx, named.record) : undefined;
      return parent
        ? projectReply(ctx, parent, intents, lang, question)
        : objectiveOfYear(ctx, named.record, scope.year, intents, question, lang);
    }
    // unsure between objectives of one project, and a project's fact asked: that project
    if (resolved.status === 'unsure' && projectFacts) {
      const best = resolved.candidates[0]!.score;
      const close = resolved.candidates.filter((c) => c.score >= best * 0.75);
      const parents = new Set(
        close.map((c) => (c.named.kind === 'objective' ? projectOf(ctx, c.named.record) : c.named.record)),
      );
      const [parent] = parents;
      if (parents.size === 1 && parent && best >= UNSURE_FLOOR)
        return projectReply(ctx, parent, intents, lang, question);
    }
    // a phase or an indicator named by some words, inside an objective named by others ("quando finiscono i lavori
    // del primo lotto dell'ex scuola X"): each alone is unsure, together they point at one sub-record
    if (resolved.status === 'unsure' && wantsRecord) {
      const inside = subRecordOfCandidates(text, records, resolved.candidates, intents);
      if (inside) return recordReply(ctx, inside, intents, lang);
    }
    // offered as candidates only when the question is plainly about a record ("il progetto sul…"): other questions
    // may be answered by a passage
    if (
      resolved.status === 'unsure' &&
      (saysProject || saysObjective) &&
      asksOfARecord(intents) &&
      resolved.candidates[0]!.score >= UNSURE_FLOOR
    )
      return notSureWhich(ctx, resolved.candidates, lang);
  }
  return null;
}

/**
 * Of the phases and indicators the words meet, the kind asked for ("l'indicatore", "the phases") and the sheet of the
 * year asked for ("del 2020"): an objective with one sheet a year repeats the same wording under each year, and a
 * phase and an indicator often share it. Records of another year are dropped; the others keep their order.
 */
function askedSheetFirst(records: RecordHit[], year: number | null, intents: Intent[]): RecordHit[] {
  const yearOf = (r: RecordHit) => (r.kind === 'indicator' ? r.indicator.year : r.phase.year);
  let out = year ? records.filter((r) => yearOf(r) === undefined || yearOf(r) === year) : records;
  if (!out.length) out = records;
  const kind =
    intents.includes('indicators') && !intents.includes('phases')
      ? 'indicator'
      : intents.includes('phases') && !intents.includes('indicators')
        ? 'phase'
        : null;
  if (!kind) return out;
  // the kind asked first among records scoring alike: a weaker match of the kind asked does not win
  const best = out[0]?.score ?? 0;
  return [...out].sort((a, b) => rankOf(b, kind, best) - rankOf(a, kind, best));
}
const rankOf = (r: RecordHit, kind: RecordHit['kind'], best: number) =>
  r.score + (r.kind === kind && r.score >= best * 0.9 ? 1 : 0);

/** the sub-record's own words and its objective's words together hold at least this share of the question */
const SUB_RECORD_FLOOR = 0.5;

/**
 * The phase or indicator whose words, added to those of its objective as the record resolver weighed them, hold most
 * of the question, among those that state what is asked (a date for "quando", a weight for "quanto pesa").
 */
function subRecordOfCandidates(
  question: string,
  records: RecordHit[],
  candidates: RecordCandidate[],
  intents: Intent[],
): RecordHit | null {
  const parentScore = new Map<Objective, number>();
  for (const c of candidates) if (c.named.kind === 'objective') parentScore.set(c.named.record, c.score);
  let best: { hit: RecordHit; score: number } | null = null;
  const asked = new Set(contentTokens(question).map(stem));
  for (const hit of records) {
    const parent = parentScore.get(hit.objective);
    if (parent === undefined || !statesAsked(hit, intents) || ownWordsMet(hit, asked) < 2) continue;
    const score = hit.score + parent;
    if (!best || score > best.score) best = { hit, score };
  }
  return best && best.score >= SUB_RECORD_FLOOR ? best.hit : null;
}

/**
 * How many of the question's words the sub-record's own wording holds beyond its objective's title: the sub-record
 * must be named by words of its own, not only by its objective's ("fino a quando dura il progetto X" asks X's end).
 */
function ownWordsMet(hit: RecordHit, asked: ReadonlySet<string>): number {
  const wording = hit.kind === 'phase' ? hit.phase.title : hit.indicator.description;
  const title = new Set(contentTokens(hit.objective.title).map(stem));
  return [...new Set(contentTokens(wording).map(stem))].filter((w) => asked.has(w) && !title.has(w)).length;
}

function statesAsked(hit: RecordHit, intents: Intent[]): boolean {
  if (hit.kind === 'phase') {
    if (intents.includes('deadline')) return Boolean(hit.phase.end);
    if (intents.includes('weight')) return Boolean(hit.phase.weight);
    return !intents.includes('indicator_value');
  }
  const i = hit.indicator;
  if (intents.includes('deadline')) return Boolean(i.targetDate ?? (i.target?.date ? i.target : undefined));
  if (intents.includes('weight')) return Boolean(i.weight);
  return Boolean(i.target);
}

const wordingOf = (r: RecordHit) => (r.kind === 'phase' ? r.phase.title : r.indicator.description);
/**
 * "quando è nata la fondazione X?": a phase has dates; an indicator answers "when" only with a date of its own (a
 * target that is a date, a due date), not because its note names X beside a count
 */
const hasDateField = (r: RecordHit) =>
  r.kind === 'phase' ||
  Boolean(
    r.indicator.targetDate ||
      r.indicator.intermediateDate ||
      r.indicator.target?.date ||
      r.indicator.intermediateTarget?.date,
  );
const wantsRecordField = (intents: Intent[]) =>
  intents.some((i) => i === 'deadline' || i === 'indicator_value' || i === 'weight' || i === 'count');

/** a candidate offered when unsure holds at least this share of the question's words */
const UNSURE_FLOOR = 0.4;

/** what the question asks is a field of a record (its owner, budget, dates, phases…), not a passage's fact */
function asksOfARecord(intents: Intent[]): boolean {
  const fields: Intent[] = [
    'owner',
    'dirigente',
    'budget',
    'budget_detail',
    'deadline',
    'structure',
    'phases',
    'indicators',
    'indicator_value',
    'weight',
    'strategic',
    'resources',
    'staff',
    'description',
  ];
  return intents.some((i) => fields.includes(i));
}

/** the project an objective belongs to, in its own plan */
function projectOf(ctx: ToolContext, o: Objective): Project | undefined {
  return ctx.store.projects.find(
    (p) => p.doc === o.doc && (p.code === o.projectCode || p.objectives.some((c) => codeKey(c) === codeKey(o.code))),
  );
}

/** The words name no record clearly: the closest ones, each with its key facts, and none picked. */
function notSureWhich(ctx: ToolContext, candidates: RecordCandidate[], lang: Lang): Reply {
  const best = candidates[0]!.score;
  // the ones close to the best: a far third is no candidate
  const close = candidates.filter((c) => c.score >= best * 0.75);
  const reply = emptyReply('record_unsure');
  reply.found = false;
  reply.lines.push(packFor(lang).messages.records.notSureWhich(close.length));
  for (const { named } of close) {
    const r = named.record;
    const detail =
      named.kind === 'project'
        ? `${LABELS[lang].budget}: ${budgetText(named.record, lang)}${named.record.dirigente ? ` · ${LABELS[lang].dirigente}: ${named.record.dirigente}` : ''}`
        : `${LABELS[lang].owner}: ${ownersOf(named.record)}`;
    reply.lines.push(`• ${r.code} — ${r.title} (${ctx.store.entityOf(r.doc)}) · ${detail}`);
    reply.citations.push(citationOf(ctx, r.span, r.code));
  }
  return reply;
}

/**
 * The field the question asks, beside each of several objectives its words name ("in che linea di mandato rientra
 * l'obiettivo sui ponti?" names two): the user reads the answer for the one meant without asking again.
 */
function askedBeside(o: Objective, intents: Intent[], lang: Lang): string {
  const L = LABELS[lang];
  const strategic = intents.includes('strategic') ? strategicLine(o) : undefined;
  if (strategic) return ` · ${L.strategic}: ${strategic}`;
  const end = intents.includes('deadline') ? (o.end ?? o.phases.at(-1)?.end) : undefined;
  return end ? ` · ${L.by} ${end.text}` : '';
}

function objectivesList(ctx: ToolContext, objectives: Objective[], intents: Intent[], lang: Lang): Reply {
  const R = packFor(lang).messages.records;
  const reply = emptyReply('objectives_by_topic');
  reply.lines.push(
    objectives.length === 1
      ? R.theObjective(objectives[0]!.code, objectives[0]!.title)
      : R.matchingObjectives(objectives.map((o) => o.code).join(', ')),
  );
  for (const o of objectives) {
    reply.lines.push(
      `• ${o.code} — ${o.title} · ${LABELS[lang].owner}: ${ownersOf(o)}${o.structure ? ` · ${o.structure}` : ''}${askedBeside(o, intents, lang)} (${ctx.store.entityOf(o.doc)})`,
    );
    reply.citations.push(citationOf(ctx, o.span, o.code));
    reply.focus.push(o.code);
  }
  return reply;
}

function recordReply(ctx: ToolContext, hit: RecordHit, intents: Intent[], lang: Lang): Reply {
  const R = packFor(lang).messages.records;
  const reply = emptyReply(hit.kind === 'indicator' ? 'indicator_by_words' : 'phase_by_words');
  const o = hit.objective;
  reply.focus.push(o.code);
  if (hit.kind === 'indicator') {
    const i = hit.indicator;
    const when = i.targetDate?.text ?? (i.target?.date ? i.target.text : undefined);
    reply.lines.push(
      intents.includes('weight') && i.weight
        ? R.indicatorWeight(i.description, o.code, i.weight.text)
        : intents.includes('deadline') && when
          ? R.indicatorDue(i.description, o.code, when)
          : R.indicatorTarget(i.description, o.code, i.target?.text ?? '—'),
    );
    reply.lines.push(indicatorLine(i, lang));
    reply.citations.push(citationOf(ctx, i.span, `${o.code} indicatore`));
  } else {
    const p = hit.phase;
    reply.lines.push(
      p.start && p.end
        ? R.phaseRuns(p.title, o.code, p.start.text, p.end.text)
        : p.end
          ? R.phaseDue(p.title, o.code, p.end.text)
          : R.phaseOf(p.title, o.code),
    );
    reply.lines.push(phaseLine(p, lang));
    reply.citations.push(citationOf(ctx, p.span, `${o.code} fase`));
  }
  reply.lines.push('', `${objectiveHeadline(o, ctx.store)} · ${LABELS[lang].owner}: ${ownersOf(o)}`);
  return reply;
}

/** Several records answer to the same words: each is listed with its key facts and source, and the user picks. */
function ambiguousRecords(
  ctx: ToolContext,
  records: { code: string; title: string; doc: string; detail: string }[],
  lang: Lang,
): Reply {
  const reply = emptyReply('ambiguous_record');
  reply.lines.push(packFor(lang).messages.records.whichOne(records.length));
  for (const r of records.slice(0, 8)) {
    reply.lines.push(`• ${r.code} — ${r.title} (${ctx.store.entityOf(r.doc)}) · ${r.detail}`);
    reply.focus.push(r.code);
  }
  if (records.length > 8) reply.lines.push(LABELS[lang].andMore(records.length - 8));
  return reply;
}
