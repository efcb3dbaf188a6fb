import type { Person } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import { personVisible, type ToolContext, visible } from '../tools/tool-context.ts';
import type { Answer, AskOptions } from './answer.ts';
import { parseDateRange } from './date-range.ts';
import { detectIntents, type Intent } from './intent.ts';
import type { Lang } from './labels.ts';
import { detectLanguage } from './language.ts';
import { findCodes, findPeople, findScope, findStructures, KNOWN_CODE_SHAPE } from './link-entities.ts';
import { answerForCodes, codeNotFound, dedupeHits } from './routes/code-route.ts';
import { answerFromPassages } from './routes/passage-route.ts';
import { ambiguousPeople, answerForPerson, isAboutAPerson, personNotFound } from './routes/person-route.ts';
import { emptyReply, finish, type Reply, t } from './routes/reply.ts';
import {
  answerCountsAndTotals,
  answerDeadlines,
  answerForStructures,
  answerStrategicReverse,
  objectivesOfStructures,
} from './routes/structure-route.ts';
import { answerByWords, mentionsObjectiveTitle } from './routes/words-route.ts';

/**
 * The built-in question router: links codes, people, structures, entities and years in the question, picks what is
 * asked, calls the deterministic tools and writes the answer — first line the direct answer, then details, then
 * sources. Used when no language model is configured, and as the fallback when one fails.
 */
export async function routeQuestion(ctx: ToolContext, rawQuestion: string, options: AskOptions = {}): Promise<Answer> {
  const lang = detectLanguage(rawQuestion);
  const question = withFollowUpContext(rawQuestion, options);
  const reply = await route(ctx, question, lang);
  return finish(reply, lang);
}

async function route(ctx: ToolContext, question: string, lang: Lang): Promise<Reply> {
  const { store } = ctx;
  const scope = findScope(question, store);
  const intents = detectIntents(question);
  const has = (i: Intent) => intents.includes(i);

  // 1. codes: the most precise signal
  const mentions = findCodes(question, store, scope);
  const resolved = mentions
    .flatMap((m) => m.hits)
    .filter((h) => visible(ctx, h.kind === 'indicator' ? h.objective.doc : h.record.doc));
  if (resolved.length) return answerForCodes(ctx, dedupeHits(resolved), intents, question, scope.year, lang);
  const codeLike = mentions.find((m) => KNOWN_CODE_SHAPE.test(m.text));
  // for the public, a person known only from staff allocations is nobody: the same replies as for an unknown name
  const people = findPeople(question, store, (p) => personVisible(ctx, p));
  if (codeLike && !people.matches.length) return codeNotFound(ctx, codeLike.text, lang);

  // 2. counts and totals by centro di responsabilità
  if (has('count') || has('total')) {
    const reply = answerCountsAndTotals(ctx, question, intents, scope, people.matches, lang);
    if (reply) return reply;
  }

  // 3. people
  const meant = preferByRole(
    people.matches.map((m) => m.person),
    intents,
  );
  if (meant.length > 1) return ambiguousPeople(ctx, meant, lang);
  if (meant.length === 1) return answerForPerson(ctx, meant[0]!, question, intents, scope, lang);

  // 4. structures: dirigente / responsabile of a servizio, objectives of an office
  const structures = findStructures(question, store, scope).filter((s) => visible(ctx, s.doc));
  if ((has('dirigente') || has('owner') || has('structure')) && structures.some((s) => s.head)) {
    if (!/\b(obiettiv|objective|progett|project|indicator|fase|phase)/.test(fold(question)))
      return answerForStructures(
        ctx,
        structures.filter((s) => s.head),
        lang,
      );
  }

  // 5. deadlines in a range ("scadenze di giugno", "due by 30/09/2021")
  const range = parseDateRange(question, scope.year);
  if (range && has('deadline') && !mentionsObjectiveTitle(ctx, question))
    return answerDeadlines(ctx, range, scope, null, lang);

  // 6. strategic hierarchy, reverse direction: what falls under a linea di mandato / azione / indirizzo
  if (
    (has('strategic') || /\b(azione|action|indirizzo)\b/.test(fold(question))) &&
    (has('objectives_of') || has('projects_of') || /\b(quali|which|elenca|list)\b/.test(fold(question)))
  ) {
    const reply = answerStrategicReverse(ctx, question, lang);
    if (reply) return reply;
  }

  // an office named in full with "quali obiettivi": its objectives, before any title that shares its words
  const named = structures.filter((s) => fold(question).includes(fold(s.name).replace(/^[a-z]?\d+\s*-\s*/, '')));
  if (/\b(obiettivi|objectives)\b/.test(fold(question)) && named.length) {
    const reply = objectivesOfStructures(ctx, named, lang);
    if (reply) return reply;
  }

  // objectives or projects of a year no plan covers: there are none (narrative tables may still speak of past
  // years, "assunti nel 2023" in the PIAO 2024-2026, so only questions about planned records stop here)
  const aboutRecords =
    has('objectives_of') || has('projects_of') || has('indicators') || has('phases') || has('budget');
  if (scope.uncoveredYear && aboutRecords) return yearNotCovered(ctx, scope.uncoveredYear, lang);

  // "Which projects does Anna Verdi work on?": someone's work is asked, and the name is nobody in the plans
  if (people.unknownName && has('staff')) return personNotFound(ctx, people.unknownName, lang);

  // 7. records named by their words: objective / project titles, indicator and phase wording
  const byWords = answerByWords(ctx, question, intents, scope, lang);
  if (byWords) return byWords;
  if (has('objectives_of') && structures.length) {
    const reply = objectivesOfStructures(ctx, structures, lang);
    if (reply) return reply;
  }
  if (people.unknownName && isAboutAPerson(question, intents)) return personNotFound(ctx, people.unknownName, lang);

  // 8. everything else: quote the best passages
  return answerFromPassages(ctx, question, scope, lang);
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

function yearNotCovered(ctx: ToolContext, year: number, lang: Lang): Reply {
  const years = [...new Set(ctx.store.model.documents.flatMap((d) => d.years))].sort();
  const reply = emptyReply('not_found_year');
  reply.found = false;
  reply.lines.push(
    t(
      lang,
      `Non ho trovato piani per il ${year}: i piani caricati coprono gli anni ${years.join(', ')}.`,
      `I found no plan covering ${year} (not found): the plans loaded cover ${years.join(', ')}.`,
    ),
  );
  return reply;
}

function withFollowUpContext(question: string, options: AskOptions): string {
  const last = options.history?.at(-1)?.answer;
  if (!last?.focus.length) return question;
  const q = fold(question);
  const isFollowUp =
    /^(e|and|what about|e per|invece)\b|\b(suoi|sue|suo|sua|its|their|this|questo|questa|quello|stesso)\b/.test(q) ||
    q.split(/\s+/).length <= 4;
  if (!isFollowUp || /\d{2}/.test(q)) return question;
  return `${question} ${last.focus[0]}`;
}
