import type { AskedField } from '../lang/language-pack.ts';
import { type LanguagePack, PACKS, packFor } from '../lang/packs.ts';
import { splitSentences } from '../lang/split-sentences.ts';
import { answerTypeOf } from '../linking/answer-type.ts';
import { hasKnownCodeShape } from '../linking/find-codes.ts';
import { ENTITY_KINDS } from '../linking/find-scope.ts';
import { computationFor } from '../linking/frame-to-query.ts';
import { link } from '../linking/link-question.ts';
import { normalizeQuestion } from '../linking/normalize-question.ts';
import { wordsOf } from '../linking/phrases.ts';
import type { QuestionFrame } from '../linking/question-frame.ts';
import { acronymsIn, namesInFull, namesMostOf, structureIndexOf } from '../linking/structure-index.ts';
import { nameNeverWritten } from '../linking/typo-vocabulary.ts';
import type { Objective, Person, Project, Structure } from '../plan/model.ts';
import { personKey } from '../plan/names.ts';
import { fold } from '../plan/text.ts';
import { RECORD_TARGETS } from '../query/plan-query.ts';
import { codeKey, type PlanStore } from '../store/plan-store.ts';
import { resolveRecord } from '../tools/resolve-record.ts';
import { citationOf, personVisible, type ToolContext, visible } from '../tools/tool-context.ts';
import { acronymAsked, definitionReply } from './acronym-definition.ts';
import type { Answer, AskOptions } from './answer.ts';
import { countedNoun } from './counted-figure.ts';
import { saysCue } from './cues.ts';
import { parseDateRange } from './date-range.ts';
import { asksSum, figuresSumLines } from './figures-sum.ts';
import { indicatorColumnAsk } from './indicator-column.ts';
import { detectIntents, type Intent } from './intent.ts';
import type { Lang } from './labels.ts';
import { type CodeHit, type CodeMention, findCodes, type PersonMatch, type Scope } from './link-entities.ts';
import { MAX_QUESTION_CHARS } from './question-limits.ts';
import { budgetRowReply } from './routes/budget-row-route.ts';
import { answerForCodes, codeNotFound, dedupeHits } from './routes/code-route.ts';
import { bestSentenceOf, withDetailFirst } from './routes/detail-route.ts';
import { helpReply } from './routes/help-route.ts';
import { amountInNamedProse, figureInNamedProse, notFoundReplies } from './routes/not-found-route.ts';
import { officeOfTopicRoute } from './routes/office-of-topic-route.ts';
import { answerFromPassages, askedFieldOf, asksCostOfAThing, holdsField, roleField } from './routes/passage-route.ts';
import { peopleListRoutes } from './routes/people-list-route.ts';
import { ambiguousPeople, answerForPerson, isAboutAPerson, personNotFound } from './routes/person-route.ts';
import { answerComputation } from './routes/query-route.ts';
import { namedRecordReaches, scopeOfRecordInYear } from './routes/record-year-reply.ts';
import { emptyReply, finish, type Reply } from './routes/reply.ts';
import { structureLevelsRoute } from './routes/structure-levels-route.ts';
import { structureListRoutes } from './routes/structure-list-route.ts';
import { structureRecordRoute } from './routes/structure-record-route.ts';
import {
  answerCountsAndTotals,
  answerDeadlines,
  answerForStructures,
  answerStrategicReverse,
  objectivesOfStructures,
} from './routes/structure-route.ts';
import { structureStaffRoute } from './routes/structure-staff-route.ts';
import { tableCellReply, tableCellsReply } from './routes/table-cell-route.ts';
import { unnamedPartReply } from './routes/unnamed-part-route.ts';
import { answerByWords, mentionsObjectiveTitle, placeWordsOf } from './routes/words-route.ts';

/** Everything a route decides on: the linked question frame, and the lookups the record routes share. */
export interface RouteInput {
  ctx: ToolContext;
  question: string;
  lang: Lang;
  pack: LanguagePack;
  frame: QuestionFrame;
  scope: Scope;
  intents: Intent[];
  has: (i: Intent) => boolean;
  mentions: CodeMention[];
  /** codes that name records the audience may see */
  resolved: CodeHit[];
  people: { matches: PersonMatch[]; unknownName: string | null };
  /** people the audience may hear about, the one meant first when a name is ambiguous */
  meant: Person[];
  structures: Structure[];
}

/** A route: when it applies, and its answer (null lets the next route try). */
export interface Route {
  id: string;
  when: (input: RouteInput) => boolean;
  answer: (input: RouteInput) => Reply | null | Promise<Reply | null>;
}

const words = (input: RouteInput) => fold(input.question);

const LEXICONS = Object.values(PACKS).map((p) => p.lexicon);
/** words that only choose plans (a place, a kind of entity, a kind of plan): a definition question may hold them */
const plansWord = (ctx: ToolContext) => {
  const places = placeWordsOf(ctx.store);
  return (w: string) => places.has(w) || PLAN_WORDS.has(w);
};
const PLAN_WORDS = new Set([
  ...ENTITY_KINDS.flatMap(([, ws]) => ws),
  ...LEXICONS.flatMap((l) => Object.values(l.documentKinds).flat()),
  ...LEXICONS.flatMap((l) => l.metaNouns),
]);

/**
 * The routes, most precise first. The router is the loop below; each route is testable alone and knows nothing of
 * the others.
 */
export const ROUTES: Route[] = [
  {
    id: 'help',
    when: ({ frame }) => frame.meta !== null,
    answer: ({ ctx, pack, frame }) => helpReply(ctx, pack, frame),
  },
  {
    // "che cos'è il PIAO?", "what does KPI stand for?": the plans' sentence spelling the acronym out
    id: 'definition',
    when: ({ ctx, question }) =>
      Boolean(ctx.search?.withWord) && acronymAsked(question, LEXICONS, plansWord(ctx)) !== null,
    answer: ({ ctx, question, pack }) => definitionReply(ctx, acronymAsked(question, LEXICONS, plansWord(ctx))!, pack),
  },
  ...notFoundReplies,
  // "in che area sta il Servizio X?", "su quale linea di mandato lavora Y?": a level of the tree asked of an office
  structureLevelsRoute,
  // "chi lavora nel Servizio X?": the people its staff tables allocate to its projects, or plainly none
  structureStaffRoute,
  // "l'obiettivo sulla formazione del Servizio X": the structure's record its other words name, before its list
  structureRecordRoute,
  // "elenca gli uffici di X", "di cosa si occupa il Servizio Y": the model's structure list
  ...structureListRoutes,
  // "quale ufficio segue X?": the office whose records are about X
  officeOfTopicRoute,
  // "chi sono i dirigenti di X": the people the plans in scope name
  ...peopleListRoutes,
  {
    // "chi è il segretario generale?": a role no record holds; only a passage naming a person beside it answers (an
    // office the plan gives a head to is answered by its head, whatever the question calls the role: "funzionario")
    id: 'asked_role',
    when: ({ frame, meant, resolved, structures }) =>
      frame.askedRole !== null && !meant.length && !resolved.length && !structures.some((s) => s.head),
    answer: ({ ctx, question, scope, lang, frame }) =>
      answerFromPassages(ctx, question, scope, lang, roleField(frame.askedRole!)),
  },
  {
    // "di cosa è responsabile Luigi Verdi?": a capitalised name with a word the plans never write is nobody in them,
    // before any record whose title shares a word with it ("Verdi" / "aree verdi") is offered
    id: 'unknown_person_first',
    when: ({ ctx, people, meant, resolved, frame, question, intents, has }) =>
      people.unknownName !== null &&
      !meant.length &&
      !resolved.length &&
      !frame.codes.length &&
      (isAboutAPerson(question, intents) || frame.targets[0] === 'person' || has('owner') || has('projects_of')) &&
      neverWritten(ctx, people.unknownName),
    answer: ({ ctx, people, lang }) => personNotFound(ctx, people.unknownName!, lang),
  },
  {
    // "Cat. D e Cat. C in totale", "quante donne in più degli uomini?": cells of one data table named part by part,
    // added up or set against each other (a record named is asked about itself, not about a table)
    id: 'table_cells',
    when: ({ ctx, frame, resolved }) => ctx.store.model.tables.length > 0 && !frame.codes.length && !resolved.length,
    answer: ({ ctx, question, scope, pack, frame }) =>
      tableCellsReply(ctx, question, scope, pack, asksDifference(question, pack, frame)),
  },
  {
    // "quante persone in tutto tra A e B?": figures written in sentences or indicators, added up and said computed
    id: 'figures_sum',
    when: ({ question, pack }) => asksSum(question, pack),
    answer: ({ ctx, question, pack, resolved, scope }) => {
      const named = resolved.flatMap((h) => (h.kind === 'indicator' ? [h.objective] : [h.record]));
      const records = named.length
        ? named
        : [...ctx.store.objectives, ...ctx.store.projects].filter(
            (r) => visible(ctx, r.doc) && (!scope.docs || scope.docs.includes(r.doc)),
          );
      const sum = figuresSumLines(question, records, ctx.store, pack);
      if (!sum) return null;
      const reply = emptyReply('figures_sum');
      reply.lines.push(...sum.lines);
      reply.citations.push(...sum.sources.map((s) => citationOf(ctx, s.span, s.code)));
      reply.focus.push(...new Set(sum.sources.map((s) => s.code)));
      return reply;
    },
  },
  {
    // "A e il progetto sulle piste ciclabili, quanto fanno?": a part naming nothing is not found, the rest shown
    id: 'unnamed_part',
    when: ({ frame }) => frame.unnamedParts.length > 0 && frame.codes.length > 0,
    answer: ({ ctx, frame, pack }) => unnamedPartReply(ctx, frame, pack),
  },
  {
    // "quante donne di categoria D?", "assunti nel 2022": the cell of a plan's data table the question names
    id: 'table_cell',
    // a record named by code or words is asked about itself, not about a table of the plan; so are the records of a
    // person named ("le fasi dell'obiettivo smart working di X" is no cell of a table titled "Smart working")
    when: ({ ctx, frame, resolved }) =>
      ctx.store.model.tables.length > 0 &&
      !frame.codes.length &&
      !resolved.length &&
      !(frame.people.length && frame.targets.some((t) => RECORD_TARGETS.has(t))),
    answer: ({ ctx, question, scope, lang, has }) =>
      tableCellReply(ctx, question, scope, lang, has('count') || has('total')),
  },
  {
    // rankings, sums, filters, comparisons: anything the frame can say as a plan query
    id: 'plan_query',
    // a named record's value at a date ("valore al 30/09 degli indicatori di X") asks a column, not a date filter
    when: ({ ctx, question, resolved, frame }) =>
      !(resolved.length && indicatorColumnAsk(question, null)?.at) &&
      // "X: quanti incontri sono previsti?": a count of a thing that is no record, asked of a record named by code,
      // is a figure the record writes (counted-figure), not a count of its phases
      // (two such figures compared are the record's indicators named by their words: "the number of X vs of Y")
      !(
        frame.aggregate === 'count' &&
        !frame.compare &&
        resolved.length &&
        frame.targets.length &&
        frame.targets.every((t) => t === 'phase' || t === 'indicator') &&
        countedNoun(question)
      ) &&
      // "quanto costa il biglietto del trasporto sociale?": the cost of a thing no record is, though a word of it
      // names an office ("sociale"); the office's projects are no answer, the passages say whether a fee is written
      !(!frame.targets.length && !frame.codes.length && !frame.levels.length && asksCostOfAThing(question, ctx.store)),
    answer: ({ ctx, frame, pack }) => {
      const computation = computationFor(frame, ctx.store);
      const reply = computation ? answerComputation(ctx, computation, pack) : null;
      // no record matched, but the record the words name writes the figure asked in its text: its sentence answers
      // (a ranking or a figure per group asks across records, never of one)
      const ofOne = !frame.superlative && !frame.perGroup;
      return reply && !reply.found && ofOne && (figureInNamedProse(ctx, frame) || amountInNamedProse(ctx, frame))
        ? null
        : reply;
    },
  },
  {
    // "quanto è previsto per il contributo regionale ai centri antiviolenza?": the budget row its words name
    id: 'budget_row',
    when: ({ question, has }) =>
      answerTypeOf(question) === 'number' || has('budget') || has('budget_detail') || has('total'),
    answer: ({ ctx, question, scope, lang, resolved }) =>
      budgetRowReply(
        ctx,
        question,
        scope,
        lang,
        resolved.flatMap((h) => (h.kind === 'project' ? [h.record as Project] : [])),
      ),
  },
  {
    // a fee, opening hours, a phone number, who holds a role: no record field holds such facts, only passages may
    id: 'asked_fact',
    when: ({ question, lang, frame, resolved, structures }) => {
      const field = askedFieldOf(question, lang);
      if (!field) return false;

      // "quanta gente lavora al progetto X": the staff of a record or an office, not of the entity as a whole
      return (
        !field.ofEntity ||
        (!resolved.length &&
          !frame.codes.length &&
          !structures.length &&
          !frame.targets.some((t) => RECORD_TARGETS.has(t)))
      );
    },
    answer: ({ ctx, question, scope, lang, resolved }) => {
      // "il doposcuola X fino a che ora?": the record the words name writes the fact in its own text; its sentence
      // holding the fact is the answer
      const field = askedFieldOf(question, lang)!;
      const record = field.person ? null : recordWriting(ctx, question, field, dedupeHits(resolved));
      return (record && factInRecord(ctx, record, question, field)) ?? answerFromPassages(ctx, question, scope, lang);
    },
  },
  {
    // one named record asked something its fields do not hold gets its best sentence first, then the record
    id: 'codes',
    when: ({ resolved }) => resolved.length > 0,
    answer: ({ ctx, resolved, intents, question, scope, lang }) =>
      withDetailFirst(
        ctx,
        answerForCodes(ctx, dedupeHits(resolved), intents, question, scope.year, lang),
        question,
        intents,
        scope.docs,
        lang,
      ),
  },
  {
    id: 'unknown_code',
    when: ({ ctx, mentions, people }) =>
      !people.matches.length && mentions.some((m) => hasKnownCodeShape(m.text, ctx.store)),
    answer: ({ ctx, mentions, lang, pack }) =>
      codeNotFound(ctx, mentions.find((m) => hasKnownCodeShape(m.text, ctx.store))!.text, lang, pack),
  },
  {
    id: 'counts_and_totals',
    when: ({ has }) => has('count') || has('total'),
    answer: ({ ctx, question, intents, scope, people, lang }) =>
      answerCountsAndTotals(ctx, question, intents, scope, people.matches, lang),
  },
  {
    id: 'ambiguous_people',
    when: ({ meant }) => meant.length > 1,
    answer: ({ ctx, meant, lang }) => ambiguousPeople(ctx, meant, lang),
  },
  {
    id: 'person',
    when: ({ meant }) => meant.length === 1,
    answer: ({ ctx, meant, question, intents, scope, lang }) =>
      answerForPerson(ctx, meant[0]!, question, intents, scope, lang),
  },
  {
    // dirigente / responsabile of a servizio
    id: 'structure_head',
    when: (input) =>
      (input.has('dirigente') ||
        input.has('owner') ||
        input.has('structure') ||
        // "chi si occupa di X?", "who takes care of X?": who, of an office the plan gives a head
        input.frame.targets[0] === 'person') &&
      input.structures.some((s) => s.head) &&
      // a record word asks about records, unless the question leads with who ("who runs X and what are its
      // objectives?"): then the head, and the structure's objectives after
      (!saysCue(words(input), 'recordWord') ||
        (input.frame.targets[0] === 'person' &&
          !input.frame.codes.length &&
          !input.frame.targets.some((t) => t === 'phase' || t === 'indicator'))),
    answer: ({ ctx, structures, lang, frame }) => {
      const headed = structures.filter((s) => s.head);
      const reply = answerForStructures(ctx, headed, lang);
      const records = frame.targets.includes('objective') ? objectivesOfStructures(ctx, headed, lang) : null;
      if (!records) return reply;
      reply.lines.push('', ...records.lines);
      reply.citations.push(...records.citations);
      reply.focus.push(...records.focus);
      return reply;
    },
  },
  {
    // "chi si occupa di X?" where the plan names no head of X: the owners of its objectives
    id: 'structure_people',
    when: (input) =>
      input.frame.targets[0] === 'person' &&
      !input.frame.codes.length &&
      !input.meant.length &&
      input.structures.length > 0 &&
      // a one-word office ("Sport") is too often a topic word: only names of two words or more, or one written as a
      // name (capitalised) in the question
      input.structures.every((s) => !s.head && (s.name.trim().includes(' ') || writtenAsName(input.question, s.name))),
    answer: ({ ctx, structures, pack }) => {
      const reply = emptyReply('structure_people');
      // offices whose objectives name only the office as owner: no person of the plans to name
      const ownedByThemselves: string[] = [];
      // the offices' objectives in one pass over the model (an office named in a thousand plans is a thousand offices)
      const officeKey = (doc: string, name: string) => `${doc}\u0000${name}`;
      const ofOffice = new Map(structures.map((s) => [officeKey(s.doc, s.name), [] as typeof ctx.store.objectives]));
      for (const o of ctx.store.objectives)
        if (o.structure !== undefined) ofOffice.get(officeKey(o.doc, o.structure))?.push(o);
      for (const s of structures) {
        const objectives = ofOffice.get(officeKey(s.doc, s.name))!;
        if (!objectives.length) continue;
        // an office named as its own owner ("Staff Presidente") is no one: only the people of the plans count
        const owners = [...new Set(objectives.flatMap((o) => o.owners))]
          .filter((name) => ctx.store.peopleByKey.has(personKey(name)))
          .map(
            (name) =>
              `${name} (${objectives
                .filter((o) => o.owners.includes(name))
                .map((o) => o.code)
                .join(', ')})`,
          );
        if (!owners.length) {
          ownedByThemselves.push(
            pack.messages.structureNoPerson(
              `${s.name} (${ctx.store.entityOf(s.doc)})`,
              objectives.map((o) => o.code).join(', '),
            ),
          );
          for (const o of objectives) reply.citations.push(citationOf(ctx, o.span, o.code));
          continue;
        }
        reply.lines.push(pack.messages.structurePeople(`${s.name} (${ctx.store.entityOf(s.doc)})`, owners.join('; ')));
        for (const o of objectives) reply.citations.push(citationOf(ctx, o.span, o.code));
      }
      if (!reply.lines.length && ownedByThemselves.length) {
        reply.found = false;
        reply.intent = 'not_found_structure_person';
        reply.lines.push(...ownedByThemselves);
      }
      return reply.lines.length ? reply : null;
    },
  },
  {
    // deadlines in a range ("scadenze di giugno", "due by 30/09/2021")
    id: 'deadlines',
    when: (input) =>
      input.has('deadline') &&
      parseDateRange(input.question, input.scope.year) !== null &&
      !mentionsObjectiveTitle(input.ctx, input.question),
    answer: ({ ctx, question, scope, lang }) =>
      answerDeadlines(ctx, parseDateRange(question, scope.year)!, scope, null, lang),
  },
  {
    // strategic hierarchy, reverse direction: what falls under a linea di mandato / azione / indirizzo
    id: 'strategic_reverse',
    when: (input) =>
      (input.has('strategic') || saysCue(words(input), 'strategicLevel')) &&
      (input.has('objectives_of') || input.has('projects_of') || saysCue(words(input), 'listing')),
    answer: ({ ctx, question, lang }) => answerStrategicReverse(ctx, question, lang),
  },
  {
    // an office named in full with "quali obiettivi": its objectives, before any title that shares its words
    id: 'objectives_of_named_office',
    when: (input) => saysCue(words(input), 'objectivesPlural'),
    answer: ({ ctx, structures, question, lang, frame }) => {
      const index = structureIndexOf(ctx.store);
      // "la polizia municipale" names "Corpo P.M" in full: the words its acronym stands for
      const byAcronym = new Set(acronymsIn(wordsOf(question), index).map((p) => index.structures[p]));
      const named = structures.filter(
        (s) =>
          fold(question).includes(fold(s.name).replace(/^[a-z]?\d+\s*-\s*/, '')) ||
          namesInFull(question, s, index) ||
          namesMostOf(question, s, index) ||
          byAcronym.has(s),
      );
      // "obiettivi del settore sociale": an office named by part of its name, when the objectives lead and nothing
      // narrows them (a topic, a person, a code), is still the office asked about
      const partly =
        frame.targets[0] === 'objective' &&
        !frame.topic.length &&
        !frame.codes.length &&
        !frame.people.length &&
        frame.structures.every((s) => !s.excluded);
      const asked = named.length ? named : partly ? structures : [];
      return asked.length ? objectivesOfStructures(ctx, asked, lang) : null;
    },
  },
  {
    // objectives or projects of a year no plan covers (narrative tables may still speak of past years, so only
    // questions about planned records stop here)
    id: 'year_not_covered',
    when: ({ ctx, question, scope, has }) =>
      scope.uncoveredYear !== undefined &&
      (has('objectives_of') || has('projects_of') || has('indicators') || has('phases') || has('budget')) &&
      // "le fasi 2022 dell'obiettivo X": a 2020 plan's record whose phases run into the year is read in that year
      !namedRecordReaches(ctx, question, scope.uncoveredYear),
    answer: ({ ctx, scope, pack }) => yearNotCovered(ctx, scope.uncoveredYear!, pack),
  },
  {
    // someone's work is asked, and the name is nobody in the plans
    id: 'unknown_person_work',
    when: ({ people, has }) => people.unknownName !== null && has('staff'),
    answer: ({ ctx, people, lang }) => personNotFound(ctx, people.unknownName!, lang),
  },
  {
    // records named by their words: objective / project titles, indicator and phase wording
    id: 'by_words',
    when: () => true,
    answer: async ({ ctx, question, intents, scope, lang }) => {
      const reply = withDetailFirst(
        ctx,
        answerByWords(ctx, question, intents, scope, lang),
        question,
        intents,
        scope.docs,
        lang,
      );
      if (reply?.intent !== 'record_unsure') return reply;
      // unsure which record the words name: a passage that answers is better than candidates, candidates better
      // than a passage that does not answer
      const passages = await answerFromPassages(ctx, question, scope, lang);
      return passages.found ? passages : reply;
    },
  },
  {
    id: 'objectives_of_structure',
    when: ({ has, structures }) => has('objectives_of') && structures.length > 0,
    answer: ({ ctx, structures, lang }) => objectivesOfStructures(ctx, structures, lang),
  },
  {
    id: 'unknown_person',
    when: ({ people, question, intents }) => people.unknownName !== null && isAboutAPerson(question, intents),
    answer: ({ ctx, people, lang }) => personNotFound(ctx, people.unknownName!, lang),
  },
  {
    // everything else: quote the best passages
    id: 'passages',
    when: () => true,
    answer: ({ ctx, question, scope, lang }) => answerFromPassages(ctx, question, scope, lang),
  },
];

/**
 * The built-in question router: links the question to the model once, then asks each route in turn. Used when no
 * language model is configured, and as the fallback when one fails.
 */
export async function routeQuestion(ctx: ToolContext, rawQuestion: string, options: AskOptions = {}): Promise<Answer> {
  // the cap on a question with its follow-up focus applies to what the client sent, not to its normalised form
  const question = withFollowUpContext(normalizeQuestion(rawQuestion, ctx.store), options, rawQuestion.length);
  const input = routeInput(ctx, question);
  for (const route of ROUTES) {
    if (!route.when(input)) continue;
    const reply = await route.answer(input);
    if (reply) return finish(reply, input.lang);
  }
  // the passage route always answers; this only guards against an empty route list
  throw new Error('no route answered');
}

/**
 * Two figures set against each other rather than added: a comparison or difference word, or "more" ("quante donne
 * in più"), unless a sum word says they are added ("A più B, quanti in tutto?": "più" joins them).
 */
function asksDifference(question: string, pack: LanguagePack, frame: QuestionFrame): boolean {
  if (asksSum(question, pack)) return false;
  const q = ` ${fold(question)} `;
  const says = (ws: readonly string[]) => ws.some((w) => q.includes(` ${w.trim()} `));
  return frame.compare || frame.more || says(pack.lexicon.difference) || says(pack.lexicon.minus ?? []);
}

export function routeInput(ctx: ToolContext, question: string): RouteInput {
  const { store } = ctx;
  // for the public, a person known only from staff allocations is nobody: the same replies as for an unknown name
  const linked = link(question, store, (p) => personVisible(ctx, p));
  const { people } = linked;
  // "chi ha diritto a X?" asks who X is for: no person of the plans, and not who is responsible for it
  const forWhom = answerTypeOf(question) === 'beneficiary';
  const frame = forWhom
    ? { ...linked.frame, targets: linked.frame.targets.filter((t) => t !== 'person') }
    : linked.frame;
  const lang = frame.lang;
  const intents = intentsBesideTitles(question, frame).filter((i) => i !== 'owner' || !forWhom);
  const mentions = withTitledRecords(findCodes(question, store, linked.scope), frame, store);
  const resolved = mentions
    .flatMap((m) => m.hits)
    .filter((h) => visible(ctx, h.kind === 'indicator' ? h.objective.doc : h.record.doc));
  // "il parlamentino nel 2021": a record named by its words, of a plan of other years, whose phases run into the year
  // (a question naming an office, a person or a level of the plan is about them, in the plans of the year)
  const namesOther = linked.structures.length > 0 || people.matches.length > 0 || frame.levels.length > 0;
  const scope =
    resolved.length || namesOther ? linked.scope : (scopeOfRecordInYear(ctx, question, linked.scope) ?? linked.scope);
  const visiblePeople = people.matches.map((m) => m.person);
  return {
    ctx,
    question,
    lang,
    pack: packFor(lang),
    frame,
    scope,
    intents,
    has: (i) => intents.includes(i),
    mentions,
    resolved,
    people,
    meant: preferByRole(visiblePeople, intents),
    structures: linked.structures.filter((s) => visible(ctx, s.doc)),
  };
}

/**
 * What the question asks, read beside the titles of the records it names: "chi segue i servizi a misura della terza
 * età?" asks for an owner, the "misura" of the title asks for no indicator. A question that is only a title keeps the
 * intents its words give.
 */
function intentsBesideTitles(question: string, frame: QuestionFrame): Intent[] {
  const titleWords = new Set(
    frame.codes.filter((c) => c.text !== c.code).flatMap((c) => fold(c.text).match(/[a-z]+/g) ?? []),
  );
  if (!titleWords.size) return detectIntents(question);
  const beside = question.replace(/\p{L}+/gu, (w) => (titleWords.has(fold(w)) ? ' '.repeat(w.length) : w));
  const intents = detectIntents(beside);
  return intents[0] === 'general' ? detectIntents(question) : intents;
}

/**
 * A record the question names by its title's words rather than its code ("ludoteca quanto costa"): linking put it
 * among the frame's codes; the record routes read it as if its code had been written.
 */
function withTitledRecords(mentions: CodeMention[], frame: QuestionFrame, store: PlanStore): CodeMention[] {
  if (mentions.length) return mentions;
  const titled = frame.codes.filter((c) => c.text !== c.code && c.kind !== 'indicator');
  if (titled.length !== 1) return mentions;
  const { code, kind, doc } = titled[0]!;
  const key = codeKey(code);
  const hits: CodeHit[] =
    kind === 'objective'
      ? (store.objectivesByCode.get(key) ?? [])
          .filter((o) => o.doc === doc)
          .map((record) => ({ kind: 'objective' as const, code: record.code, record }))
      : (store.projectsByCode.get(key) ?? [])
          .filter((p) => p.doc === doc)
          .map((record) => ({ kind: 'project' as const, code: record.code, record }));
  return hits.length ? [{ text: titled[0]!.text, hits }] : mentions;
}

/**
 * Two names match equally ("Caporasso" is one typo from Caporaso and from Caporusso): when only one of them has the
 * role the question is about (owning objectives, working on projects), that is the one meant.
 */
function preferByRole(people: Person[], intents: Intent[]): Person[] {
  if (people.length < 2) return people;
  const role =
    intents.includes('projects_of') || intents.includes('staff')
      ? 'staff'
      : intents.includes('objectives_of')
        ? 'owner'
        : null;
  if (!role) return people;
  const withRole = people.filter((p) => p.roles.some((r) => r.role === role));
  return withRole.length ? withRole : people;
}

/**
 * Some word of the name occurs nowhere in the loaded plans' text (the model's own words, learned at load) other than
 * in people's names: a person the asker may see is matched before this, and one they may not (staff tables, for the
 * public) must meet the same reply as a name no plan has, so that the reply tells nothing of who is in them.
 */
function neverWritten(ctx: ToolContext, name: string): boolean {
  const names = namePartsOf(ctx.store);
  return nameNeverWritten(ctx.store, name, (w) => names.has(w));
}

const nameParts = new WeakMap<PlanStore, ReadonlySet<string>>();

function namePartsOf(store: PlanStore): ReadonlySet<string> {
  let parts = nameParts.get(store);
  if (!parts) {
    parts = new Set(store.people.flatMap((p) => p.key.split(' ')));
    nameParts.set(store, parts);
  }
  return parts;
}

/** The question writes the name with its capital, as a name and not as a common word ("lo Sport" vs "lo sport"). */
function writtenAsName(question: string, name: string): boolean {
  const n = name.trim();
  return /^\p{Lu}/u.test(n) && question.split(/[^\p{L}]+/u).includes(n);
}

function yearNotCovered(ctx: ToolContext, year: number, pack: LanguagePack): Reply {
  const years = [...new Set(ctx.store.model.documents.flatMap((d) => d.years))].sort();
  return {
    lines: [pack.messages.yearNotCovered(year, years.join(', '))],
    citations: [],
    found: false,
    intent: 'not_found_year',
    focus: [],
  };
}

function withFollowUpContext(question: string, options: AskOptions, typedLength = question.length): string {
  const last = options.history?.at(-1)?.answer;
  if (!last?.focus.length) return question;
  const q = fold(question);
  const isFollowUp =
    /^(e|and|what about|e per|invece)\b|\b(suoi|sue|suo|sua|its|their|this|questo|questa|quello|stesso)\b/.test(q) ||
    q.split(/\s+/).length <= 4;
  if (!isFollowUp || /\d{2}/.test(q)) return question;
  // the focus comes back from the client (web history): with it the text stays under the same cap as any question
  const withFocus = `${question} ${last.focus[0]}`;
  return typedLength + 1 + last.focus[0]!.length > MAX_QUESTION_CHARS ? question : withFocus;
}

/** The record the question's words name (the likeliest when unsure), when its own text writes the asked fact. */
function recordWriting(
  ctx: ToolContext,
  question: string,
  field: AskedField,
  coded: CodeHit[],
): Objective | Project | null {
  // a record named by its code is the one read; its words need no resolving
  if (coded.length) {
    const hit = coded.length === 1 ? coded[0]! : null;
    const record = hit && hit.kind !== 'indicator' ? hit.record : null;
    return record && holdsField(textOf(record), field, []) ? record : null;
  }
  const resolved = resolveRecord(ctx.store, question, (d) => visible(ctx, d));
  // unsure which record is meant: the likeliest, when it is the one writing the fact
  const likeliest = resolved.status === 'unsure' ? resolved.candidates[0]?.named : null;
  const named =
    resolved.status === 'sure'
      ? resolved.named
      : likeliest && titleShares(likeliest.record.title, question)
        ? likeliest
        : null;
  if (!named) return null;
  return holdsField(textOf(named.record), field, []) ? named.record : null;
}

/** A record's own texts (title, description, notes…), one after the other. */
function textOf(record: Objective | Project): string {
  return Object.values(record)
    .filter((v): v is string => typeof v === 'string')
    .join(' \n ');
}

/** The title and the question share a word of five letters or more, no record kind: the record is named, not only near. */
function titleShares(title: string, question: string): boolean {
  const asked = new Set(
    fold(question)
      .split(/[^a-z]+/)
      .filter((w) => w.length >= 5),
  );
  return fold(title)
    .split(/[^a-z]+/)
    .some((w) => w.length >= 5 && asked.has(w) && !saysCue(w, 'recordWord'));
}

/**
 * The record's sentence that states the asked fact, first, then the record it is from: the record's best sentence
 * for the question when it states it, else the first of its sentences that does.
 */
function factInRecord(
  ctx: ToolContext,
  record: Objective | Project,
  question: string,
  field: AskedField,
): Reply | null {
  const best = bestSentenceOf(record, question, ctx.store);
  const sentence =
    best && holdsField(best.sentence, field, [])
      ? best.sentence
      : Object.values(record)
          .filter((v): v is string => typeof v === 'string')
          .flatMap((text) => splitSentences(text))
          .find((s) => holdsField(s, field, []));
  if (!sentence) return null;
  const reply = emptyReply('record_detail');
  reply.lines.push(`> ${sentence}`, '', `*${record.code}* — ${record.title} (${ctx.store.entityOf(record.doc)})`);
  reply.citations.push(citationOf(ctx, record.span, record.code));
  reply.focus.push(record.code);
  return reply;
}
