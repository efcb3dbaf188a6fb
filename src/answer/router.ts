import type { Objective, Person, Project, Structure } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import { findDeadlines } from '../tools/find-deadlines.ts';
import { findObjectives } from '../tools/find-objectives.ts';
import { findRecords, type RecordHit } from '../tools/find-records.ts';
import { getObjective, objectiveMatcher } from '../tools/get-objective.ts';
import { profileOf } from '../tools/get-person.ts';
import { getProject } from '../tools/get-project.ts';
import { countProjects, getTotals } from '../tools/get-totals.ts';
import { searchPassages } from '../tools/search-passages.ts';
import { objectivesUnderStrategy } from '../tools/strategic-links.ts';
import { citationOf, type ToolContext, visible } from '../tools/tool-context.ts';
import { codeKey } from '../store/plan-store.ts';
import type { Answer, AskOptions, Citation } from './answer.ts';
import { type DateRange, parseDateRange } from './date-range.ts';
import {
  budgetText,
  clip,
  indicatorLine,
  objectiveCard,
  objectiveHeadline,
  ownersOf,
  phaseLine,
  projectCard,
  strategicLine,
} from './format-records.ts';
import { detectIntents, type Intent } from './intent.ts';
import { LABELS, type Lang } from './labels.ts';
import { detectLanguage } from './language.ts';
import { type CodeHit, findCodes, findPeople, findScope, findStructures, KNOWN_CODE_SHAPE, type Scope } from './link-entities.ts';
import { glossaryExpander } from '../retrieval/query-expansion.ts';
import { contentTokens, stem } from './text-match.ts';
import { translateQuery } from './translate-query.ts';

interface Reply {
  lines: string[];
  citations: Citation[];
  found: boolean;
  intent: string;
  focus: string[];
}

const t = (lang: Lang, it: string, en: string) => (lang === 'it' ? it : en);

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
  const resolved = mentions.flatMap((m) => m.hits).filter((h) => visible(ctx, h.kind === 'indicator' ? h.objective.doc : h.record.doc));
  if (resolved.length) return answerForCodes(ctx, dedupeHits(resolved), intents, question, lang);
  const codeLike = mentions.find((m) => KNOWN_CODE_SHAPE.test(m.text));
  if (codeLike && !findPeople(question, store).matches.length) return codeNotFound(ctx, codeLike.text, lang);

  // 2. counts and totals by centro di responsabilità
  if (has('count') || has('total')) {
    const reply = answerCountsAndTotals(ctx, question, intents, scope, lang);
    if (reply) return reply;
  }

  // 3. people
  const people = findPeople(question, store);
  // staff allocations are internal: for the public a person known only from them is nobody to talk about
  const visiblePeople = people.matches
    .map((m) => m.person)
    .filter((p) => p.roles.some((r) => visible(ctx, r.doc) && (ctx.includeInternal || r.role !== 'staff')));
  if (visiblePeople.length > 1 && !sameSurnameDifferentRole(visiblePeople)) return ambiguousPeople(ctx, visiblePeople, lang);
  if (visiblePeople.length >= 1) return answerForPerson(ctx, visiblePeople[0]!, question, intents, scope, lang);

  // 4. structures: dirigente / responsabile of a servizio, objectives of an office
  const structures = findStructures(question, store, scope).filter((s) => visible(ctx, s.doc));
  if ((has('dirigente') || has('owner') || has('structure')) && structures.some((s) => s.head)) {
    if (!/\b(obiettiv|objective|progett|project|indicator|fase|phase)/.test(fold(question)))
      return answerForStructures(ctx, structures.filter((s) => s.head), lang);
  }

  // 5. deadlines in a range ("scadenze di giugno", "due by 30/09/2021")
  const range = parseDateRange(question, scope.year);
  if (range && has('deadline') && !mentionsObjectiveTitle(ctx, question)) return answerDeadlines(ctx, range, scope, null, lang);

  // 6. strategic hierarchy, reverse direction
  if (has('strategic') && (has('objectives_of') || /\b(quali|which|elenca|list)\b/.test(fold(question)))) {
    const reply = answerStrategicReverse(ctx, question, lang);
    if (reply) return reply;
  }

  // 7. records named by their words: objective / project titles, indicator and phase wording
  const byWords = answerByWords(ctx, question, intents, scope, lang);
  if (byWords) return byWords;
  if (has('objectives_of') && structures.length && !people.unknownName) {
    const reply = objectivesOfStructures(ctx, structures, lang);
    if (reply) return reply;
  }
  if (people.unknownName && isAboutAPerson(question, intents)) return personNotFound(ctx, people.unknownName, lang);

  // 8. everything else: quote the best passages
  return answerFromPassages(ctx, question, scope, lang);
}

// ---------------------------------------------------------------- codes

function dedupeHits(hits: CodeHit[]): CodeHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${h.kind}|${h.kind === 'indicator' ? h.objective.doc : h.record.doc}|${h.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function answerForCodes(ctx: ToolContext, hits: CodeHit[], intents: Intent[], question: string, lang: Lang): Reply {
  const reply = emptyReply('by_code');
  const projects = hits.filter((h): h is Extract<CodeHit, { kind: 'project' }> => h.kind === 'project').map((h) => h.record);
  const objectives = hits.filter((h): h is Extract<CodeHit, { kind: 'objective' }> => h.kind === 'objective').map((h) => h.record);
  const indicators = hits.filter((h): h is Extract<CodeHit, { kind: 'indicator' }> => h.kind === 'indicator');
  // a project code also matches its objectives by ending; the project is what was named
  const primaryObjectives = projects.length ? objectives.filter((o) => !projects.some((p) => p.doc === o.doc && p.objectives.includes(o.code))) : objectives;

  const parts: Reply[] = [];
  for (const p of projects) parts.push(projectReply(ctx, p, intents, lang));
  const year = findScope(question, ctx.store).year;
  for (const o of primaryObjectives) parts.push(objectiveReply(ctx, sheetOfYear(o, year), intents, question, lang));
  for (const h of indicators) parts.push(indicatorReply(ctx, h.record, h.objective, lang));
  if (parts.length > 1) {
    const docs = new Set([...projects.map((p) => p.doc), ...primaryObjectives.map((o) => o.doc), ...indicators.map((i) => i.objective.doc)]);
    if (docs.size > 1)
      reply.lines.push(
        t(lang, `Il codice compare in ${docs.size} documenti; ecco la risposta per ciascuno:`, `The code appears in ${docs.size} documents; here is the answer for each:`),
      );
  }
  for (const [i, part] of parts.entries()) {
    if (i > 0) reply.lines.push('');
    reply.lines.push(...part.lines);
    reply.citations.push(...part.citations);
    reply.focus.push(...part.focus);
    reply.intent = part.intent;
  }
  return reply;
}

function projectReply(ctx: ToolContext, p: Project, intents: Intent[], lang: Lang): Reply {
  const { store } = ctx;
  const L = LABELS[lang];
  const reply = emptyReply('project');
  reply.focus.push(p.code);
  reply.citations.push(citationOf(ctx, p.span, p.code));
  const has = (i: Intent) => intents.includes(i);
  if (has('budget_detail')) {
    reply.intent = 'project_budget_detail';
    const totals = Object.entries(p.budgetTotals);
    reply.lines.push(
      totals.length
        ? t(lang, `Budget previsto di ${p.code} (${p.title}): `, `Planned budget of ${p.code} (${p.title}): `) +
            totals.map(([k, v]) => `${k} ${v.text}`).join(' · ')
        : t(lang, `Per ${p.code} non è indicata una tabella Budget previsto.`, `No planned budget table is stated for ${p.code}.`),
    );
    reply.lines.push(...projectCard(p, store, lang, { objectives: false }).slice(1));
    return reply;
  }
  if (has('staff') && ctx.includeInternal) {
    reply.intent = 'project_staff';
    reply.lines.push(t(lang, `Personale assegnato a ${p.code} (${p.title}):`, `Staff assigned to ${p.code} (${p.title}):`));
    if (!p.staff.length) reply.lines.push(t(lang, 'Non è indicato personale per questo progetto.', 'No staff is listed for this project.'));
    for (const s of p.staff) reply.lines.push(`• ${s.name} — ${s.relation}, ${s.commitment.text}`);
    reply.citations.push(...p.staff.slice(0, 1).map((s) => citationOf(ctx, s.span, `${p.code} staff`, true)));
    return reply;
  }
  if (has('phases') || (has('deadline') && !has('budget'))) {
    reply.intent = 'project_phases';
    const objectives = p.objectives
      .map((c) => store.objectivesByCode.get(codeKey(c))?.find((o) => o.doc === p.doc))
      .filter((o): o is Objective => !!o);
    const phases = objectives.flatMap((o) => o.phases.map((ph) => ({ o, ph })));
    reply.lines.push(
      phases.length
        ? t(lang, `Fasi del progetto ${p.code} (${p.title}): ${phases.length}.`, `Phases of project ${p.code} (${p.title}): ${phases.length}.`)
        : t(lang, `Per il progetto ${p.code} non sono indicate fasi.`, `No phases are stated for project ${p.code}.`),
    );
    for (const { o, ph } of phases) reply.lines.push(`${phaseLine(ph, lang)} [${o.code}]`);
    reply.citations.push(...phases.slice(0, 4).map(({ o, ph }) => citationOf(ctx, ph.span, `${o.code} fase`)));
    return reply;
  }
  if (has('strategic')) {
    reply.intent = 'project_strategic';
    const s = strategicLine(p);
    reply.lines.push(
      s
        ? t(lang, `Il progetto ${p.code} (${p.title}) discende da: ${s}.`, `Project ${p.code} (${p.title}) belongs to: ${s}.`)
        : t(lang, `Per il progetto ${p.code} non è indicato un collegamento strategico.`, `No strategic link is stated for project ${p.code}.`),
    );
    return reply;
  }
  if (has('description') && !has('budget')) {
    reply.intent = 'project_description';
    reply.lines.push(...projectCard(p, store, lang, { budgetRows: false }));
    return reply;
  }
  if ((has('dirigente') || has('owner')) && !has('budget')) {
    reply.intent = 'project_dirigente';
    reply.lines.push(
      p.dirigente
        ? t(lang, `Il dirigente del progetto ${p.code} (${p.title}) è ${p.dirigente}.`, `The dirigente of project ${p.code} (${p.title}) is ${p.dirigente}.`)
        : t(lang, `Per il progetto ${p.code} non è indicato un dirigente.`, `No dirigente is stated for project ${p.code}.`),
    );
    reply.lines.push(...projectCard(p, store, lang, { budgetRows: false, objectives: false }).slice(1));
    return reply;
  }
  if (has('indicators') || has('indicator_value') || has('objectives_of')) {
    reply.intent = 'project_objectives';
    reply.lines.push(t(lang, `Obiettivi e indicatori del progetto ${p.code} (${p.title}):`, `Objectives and indicators of project ${p.code} (${p.title}):`));
    reply.lines.push(...projectCard(p, store, lang, { budgetRows: false }).slice(1));
    return reply;
  }
  reply.intent = 'project_budget';
  reply.lines.push(
    p.budget
      ? t(lang, `Il budget del progetto ${p.code} (${p.title}) è ${budgetText(p, lang)}.`, `The budget of project ${p.code} (${p.title}) is ${budgetText(p, lang)}.`)
      : t(lang, `Per il progetto ${p.code} (${p.title}) non è indicato alcun budget nel documento (cella vuota, non zero).`, `No budget is stated for project ${p.code} (${p.title}) — the cell is blank, which is not zero.`),
  );
  reply.lines.push(...projectCard(p, store, lang, { objectives: has('budget') ? false : undefined }).slice(1));
  void L;
  return reply;
}

function objectiveReply(ctx: ToolContext, o: Objective, intents: Intent[], question: string, lang: Lang): Reply {
  const { store } = ctx;
  const L = LABELS[lang];
  const reply = emptyReply('objective');
  reply.focus.push(o.code);
  reply.citations.push(citationOf(ctx, o.span, `${o.code} ${o.title}`));
  const has = (i: Intent) => intents.includes(i);

  // an indicator or phase named inside the objective: "peso dell'indicatore 'Avvio…' dell'obiettivo VI - 1"
  const quoted = quotedText(question);
  if (quoted || has('weight') || has('indicator_value')) {
    const named = namedRecordIn(o, quoted ?? question);
    if (named) {
      reply.intent = named.kind === 'indicator' ? 'indicator_detail' : 'phase_detail';
      if (named.kind === 'indicator') {
        const i = named.indicator;
        reply.lines.push(
          has('weight') && i.weight
            ? t(lang, `L'indicatore "${i.description}" dell'obiettivo ${o.code} ha peso ${i.weight.text}.`, `The indicator "${i.description}" of objective ${o.code} has weight ${i.weight.text}.`)
            : t(lang, `Indicatore "${i.description}" dell'obiettivo ${o.code}: valore atteso ${i.target?.text ?? '—'}.`, `Indicator "${i.description}" of objective ${o.code}: expected value ${i.target?.text ?? '—'}.`),
        );
        reply.lines.push(indicatorLine(i, lang));
        reply.citations.push(citationOf(ctx, i.span, `${o.code} indicatore`));
      } else {
        const p = named.phase;
        reply.lines.push(
          has('weight') && p.weight
            ? t(lang, `La fase "${p.title}" dell'obiettivo ${o.code} ha peso ${p.weight.text}.`, `The phase "${p.title}" of objective ${o.code} has weight ${p.weight.text}.`)
            : t(lang, `Fase "${p.title}" dell'obiettivo ${o.code}:`, `Phase "${p.title}" of objective ${o.code}:`),
        );
        reply.lines.push(phaseLine(p, lang));
        reply.citations.push(citationOf(ctx, p.span, `${o.code} fase`));
      }
      reply.lines.push('', objectiveHeadline(o, store));
      return reply;
    }
  }
  if (has('deadline') && !has('phases') && !has('indicators') && (o.end || o.phases.length)) {
    reply.intent = 'objective_dates';
    reply.lines.push(
      o.end
        ? t(lang, `L'obiettivo ${o.code} (${o.title}) ha completamento previsto ${o.end.text}${o.start ? ` (inizio ${o.start.text})` : ''}.`, `Objective ${o.code} (${o.title}) is due to be completed ${o.end.text}${o.start ? ` (start ${o.start.text})` : ''}.`)
        : t(lang, `Date dell'obiettivo ${o.code} (${o.title}):`, `Dates of objective ${o.code} (${o.title}):`),
    );
    reply.lines.push(...o.phases.map((p) => phaseLine(p, lang)));
    reply.lines.push(...o.indicators.filter((i) => i.targetDate || i.target?.date).map((i) => indicatorLine(i, lang)));
    return reply;
  }
  if (has('phases') && !has('indicators')) {
    reply.intent = 'objective_phases';
    reply.lines.push(
      o.phases.length
        ? t(lang, `L'obiettivo ${o.code} (${o.title}) ha ${o.phases.length} fasi:`, `Objective ${o.code} (${o.title}) has ${o.phases.length} phases:`)
        : t(lang, `Per l'obiettivo ${o.code} non sono indicate fasi.`, `No phases are stated for objective ${o.code}.`),
    );
    reply.lines.push(...o.phases.map((p) => phaseLine(p, lang)));
    reply.lines.push(`${L.owner}: ${ownersOf(o)}${o.structure ? ` · ${L.structure}: ${o.structure}` : ''}`);
    return reply;
  }
  if (has('indicators') || has('indicator_value')) {
    reply.intent = 'objective_indicators';
    reply.lines.push(
      o.indicators.length
        ? t(lang, `L'obiettivo ${o.code} (${o.title}) ha ${o.indicators.length} indicatori:`, `Objective ${o.code} (${o.title}) has ${o.indicators.length} indicators:`)
        : t(lang, `Per l'obiettivo ${o.code} non sono indicati indicatori.`, `No indicators are stated for objective ${o.code}.`),
    );
    reply.lines.push(...o.indicators.map((i) => indicatorLine(i, lang)));
    if (o.phases.length && has('phases')) reply.lines.push(`${L.phases}:`, ...o.phases.map((p) => phaseLine(p, lang)));
    reply.lines.push(`${L.owner}: ${ownersOf(o)}${o.structure ? ` · ${L.structure}: ${o.structure}` : ''}`);
    return reply;
  }
  if (has('structure') && !has('owner')) {
    reply.intent = 'objective_structure';
    reply.lines.push(
      o.structure
        ? t(lang, `La struttura responsabile dell'obiettivo ${o.code} (${o.title}) è ${o.structure}.`, `The structure responsible for objective ${o.code} (${o.title}) is ${o.structure}.`)
        : t(lang, `Per l'obiettivo ${o.code} non è indicata una struttura.`, `No structure is stated for objective ${o.code}.`),
    );
    reply.lines.push(...objectiveCard(o, store, lang, { phases: false, indicators: false, description: false }).slice(1));
    return reply;
  }
  if (has('strategic')) {
    reply.intent = 'objective_strategic';
    const s = strategicLine(o);
    reply.lines.push(
      s
        ? t(lang, `L'obiettivo ${o.code} (${o.title}) discende da: ${s}.`, `Objective ${o.code} (${o.title}) belongs to: ${s}.`)
        : t(lang, `Per l'obiettivo ${o.code} non è indicato un collegamento strategico.`, `No strategic link is stated for objective ${o.code}.`),
    );
    reply.lines.push(...objectiveCard(o, store, lang, { phases: false, indicators: false, description: false }).slice(1));
    return reply;
  }
  if (has('resources') || has('budget')) {
    reply.intent = 'objective_resources';
    const project = store.projectOf(o);
    reply.lines.push(
      o.financialResources
        ? t(lang, `Risorse finanziarie dell'obiettivo ${o.code} (${o.title}): ${o.financialResources}.`, `Financial resources of objective ${o.code} (${o.title}): ${o.financialResources}.`)
        : project
          ? t(lang, `L'obiettivo ${o.code} fa parte del progetto ${project.code}, budget ${budgetText(project, lang)}.`, `Objective ${o.code} belongs to project ${project.code}, budget ${budgetText(project, lang)}.`)
          : t(lang, `Per l'obiettivo ${o.code} non sono indicate risorse finanziarie.`, `No financial resources are stated for objective ${o.code}.`),
    );
    reply.lines.push(...objectiveCard(o, store, lang, { phases: false, indicators: false, description: false }).slice(1));
    return reply;
  }
  if (has('description')) {
    reply.intent = 'objective_description';
    reply.lines.push(`${objectiveHeadline(o, store)}`);
    reply.lines.push(...objectiveCard(o, store, lang).slice(1));
    return reply;
  }
  if (!has('owner') && !has('dirigente')) {
    reply.intent = 'objective_overview';
    reply.lines.push(...objectiveCard(o, store, lang));
    return reply;
  }
  reply.intent = 'objective_owner';
  const ownerSentence =
    o.owners.length === 0
      ? t(lang, `Per l'obiettivo ${o.code} non è indicato un responsabile.`, `No owner is stated for objective ${o.code}.`)
      : t(
          lang,
          `${o.owners.length > 1 ? 'I responsabili' : 'Il responsabile'} dell'obiettivo ${o.code} (${o.title}) ${o.owners.length > 1 ? 'sono' : 'è'} ${ownersOf(o)}${o.structure ? ` — ${o.structure}` : ''}.`,
          `The owner of objective ${o.code} (${o.title}) is ${ownersOf(o)}${o.structure ? ` — ${o.structure}` : ''}.`,
        );
  reply.lines.push(ownerSentence);
  reply.lines.push(...objectiveCard(o, store, lang, { description: false }).slice(1));
  return reply;
}

/** Where a document has one sheet per year, a question naming the year gets that year's indicators and phases. */
function sheetOfYear(o: Objective, year: number | null): Objective {
  if (!year) return o;
  const indicators = o.indicators.filter((i) => i.year === year);
  const phases = o.phases.filter((p) => p.year === year);
  if (!indicators.length && !phases.length) return o;
  return { ...o, indicators, phases };
}

function indicatorReply(ctx: ToolContext, i: Objective['indicators'][number], o: Objective, lang: Lang): Reply {
  const reply = emptyReply('indicator');
  reply.focus.push(o.code);
  reply.lines.push(
    t(
      lang,
      `L'indicatore ${i.code} "${i.description}" (obiettivo ${o.code}) ha valore previsto ${i.target?.text ?? '—'}.`,
      `Indicator ${i.code} "${i.description}" (objective ${o.code}) has expected value ${i.target?.text ?? '—'}.`,
    ),
  );
  reply.lines.push(indicatorLine(i, lang), '', objectiveHeadline(o, ctx.store));
  reply.citations.push(citationOf(ctx, i.span, `${o.code} ${i.code}`));
  return reply;
}

function namedRecordIn(o: Objective, text: string): RecordHit | null {
  const ctxLike = { objectives: [o] };
  const words = fold(text);
  let best: RecordHit | null = null;
  let bestScore = 0;
  for (const i of ctxLike.objectives[0]!.indicators) {
    const s = overlap(words, i.description);
    if (s > bestScore) [best, bestScore] = [{ kind: 'indicator', indicator: i, objective: o, score: s }, s];
  }
  for (const p of o.phases) {
    const s = overlap(words, p.title);
    if (s > bestScore) [best, bestScore] = [{ kind: 'phase', phase: p, objective: o, score: s }, s];
  }
  return bestScore >= 0.6 ? best : null;
}

function overlap(haystack: string, needle: string): number {
  const words = fold(needle).split(/[^a-z0-9]+/).filter((w) => w.length > 3);
  if (!words.length) return 0;
  return words.filter((w) => haystack.includes(w.slice(0, Math.max(4, w.length - 2)))).length / words.length;
}

function quotedText(question: string): string | null {
  const m = question.match(/(?:^|[\s(:])["“«‘']([^"”»’]{6,}?)["”»’'](?=[\s?.,;:!)]|$)/);
  return m ? m[1]! : null;
}

function codeNotFound(ctx: ToolContext, code: string, lang: Lang): Reply {
  const reply = emptyReply('not_found_code');
  reply.found = false;
  const near = [...ctx.store.projects, ...ctx.store.objectives]
    .filter((r) => visible(ctx, r.doc))
    .map((r) => r.code)
    .filter((c) => fold(c).slice(0, 6) === fold(code).slice(0, 6))
    .slice(0, 5);
  reply.lines.push(t(lang, `Non ho trovato il codice ${code} in nessun piano.`, `I found no objective or project with code ${code} in the plans (not found).`));
  if (near.length) reply.lines.push(t(lang, `Codici simili: ${near.join(', ')}`, `Similar codes: ${near.join(', ')}`));
  return reply;
}

// ---------------------------------------------------------------- people

function sameSurnameDifferentRole(_people: Person[]): boolean {
  return false;
}

function isAboutAPerson(question: string, intents: Intent[]): boolean {
  return intents.includes('objectives_of') || intents.includes('projects_of') || intents.includes('staff') || /\b(chi e|who is|ruolo|role)\b/.test(fold(question));
}

function ambiguousPeople(ctx: ToolContext, people: Person[], lang: Lang): Reply {
  const reply = emptyReply('ambiguous_person');
  reply.lines.push(t(lang, `Ho trovato più persone con quel nome: quale intendi?`, `Several people match that name — which one do you mean?`));
  for (const p of people) {
    const roles = [...new Set(p.roles.map((r) => `${r.role}${r.ref ? ` ${r.ref}` : ''}`))].slice(0, 3).join(', ');
    reply.lines.push(`• ${p.name} — ${roles} (${[...new Set(p.roles.map((r) => ctx.store.entityOf(r.doc)))].join(', ')})`);
  }
  return reply;
}

function personNotFound(ctx: ToolContext, name: string, lang: Lang): Reply {
  const reply = emptyReply('not_found_person');
  reply.found = false;
  reply.lines.push(t(lang, `Non ho trovato nessuna persona di nome ${name} nei piani.`, `I found no person named ${name} in the plans (not found).`));
  const surname = fold(name.split(/\s+/).pop() ?? '');
  const near = ctx.store.people.filter((p) => p.key.split(' ').some((k) => k.slice(0, 3) === surname.slice(0, 3))).slice(0, 5);
  if (near.length) reply.lines.push(t(lang, `Nomi simili: ${near.map((p) => p.name).join(', ')}`, `Similar names: ${near.map((p) => p.name).join(', ')}`));
  return reply;
}

function answerForPerson(ctx: ToolContext, person: Person, question: string, intents: Intent[], scope: Scope, lang: Lang): Reply {
  const profile = profileOf(ctx, person);
  const reply = emptyReply('person');
  const has = (i: Intent) => intents.includes(i);
  const range = parseDateRange(question, scope.year);

  if (has('deadline') || range) {
    reply.intent = 'person_deadlines';
    const { label: _label, ...period } = range ?? { label: '' };
    const items = findDeadlines(ctx, { owner: person.name, ...period });
    reply.lines.push(
      items.length
        ? t(lang, `Scadenze di ${person.name}${range ? ` (${range.label})` : ''}: ${items.length}.`, `Deadlines of ${person.name}${range ? ` (${range.label})` : ''}: ${items.length}.`)
        : t(lang, `Non ho trovato scadenze di ${person.name}${range ? ` nel periodo ${range.label}` : ''}.`, `I found no deadlines for ${person.name}${range ? ` in ${range.label}` : ''}.`),
    );
    if (!items.length) reply.found = false;
    for (const d of items.slice(0, 40)) {
      reply.lines.push(`• ${d.date.text} — ${d.objective.code}: ${clip(d.title, 120)}`);
    }
    reply.citations.push(...uniqueBy(items.map((d) => d.objective), (o) => o.code).slice(0, 8).map((o) => citationOf(ctx, o.span, o.code)));
    return reply;
  }

  if ((has('projects_of') || has('staff')) && (profile.allocations.length || profile.projectsDirected.length)) {
    reply.intent = 'person_projects';
    const allocations = profile.allocations;
    reply.lines.push(
      t(
        lang,
        `${person.name} lavora su ${allocations.length} progett${allocations.length === 1 ? 'o' : 'i'}${allocations.length ? ':' : '.'}`,
        `${person.name} works on ${allocations.length} project${allocations.length === 1 ? '' : 's'}${allocations.length ? ':' : '.'}`,
      ),
    );
    for (const a of allocations) {
      reply.lines.push(`• ${a.project.code} ${a.project.title} — ${a.relation}, ${t(lang, 'impegno', 'commitment')} ${a.commitment}`);
      const staffRow = a.project.staff.find((s) => s.name === a.project.staff.find((x) => x.commitment.text === a.commitment)?.name);
      reply.citations.push(citationOf(ctx, staffRow?.span ?? a.project.span, `${a.project.code} staff`, true));
    }
    if (profile.projectsDirected.length) {
      reply.lines.push(t(lang, `Dirige ${profile.projectsDirected.length} progetti.`, `Dirigente of ${profile.projectsDirected.length} projects.`));
    }
    return reply;
  }

  if (has('dirigente') && !has('objectives_of') && profile.structures.length) {
    reply.intent = 'person_role';
    reply.lines.push(...rolesOf(ctx, person, profile.structures, lang));
    return reply;
  }

  let objectives = profile.objectives;
  if (scope.docs) objectives = objectives.filter((o) => scope.docs!.includes(o.doc));
  reply.intent = 'person_objectives';
  if (!objectives.length) {
    const roles = rolesOf(ctx, person, profile.structures, lang);
    if (profile.allocations.length) {
      reply.lines.push(t(lang, `${person.name} non risulta responsabile di obiettivi, ma lavora su questi progetti:`, `${person.name} owns no objectives, but works on these projects:`));
      for (const a of profile.allocations) reply.lines.push(`• ${a.project.code} ${a.project.title} — ${a.relation}, ${a.commitment}`);
      reply.citations.push(...profile.allocations.slice(0, 5).map((a) => citationOf(ctx, a.project.span, a.project.code, true)));
      return reply;
    }
    if (profile.projectsDirected.length) {
      reply.lines.push(t(lang, `${person.name} è dirigente di ${profile.projectsDirected.length} progetti:`, `${person.name} is the dirigente of ${profile.projectsDirected.length} projects:`));
      for (const p of profile.projectsDirected) reply.lines.push(`• ${p.code} ${p.title}`);
      return reply;
    }
    reply.found = false;
    reply.lines.push(t(lang, `Non ho trovato obiettivi assegnati a ${person.name}.`, `I found no objectives owned by ${person.name}.`), ...roles);
    return reply;
  }
  const byDoc = new Set(objectives.map((o) => o.doc));
  reply.lines.push(
    t(
      lang,
      `${person.name} è responsabile di ${objectives.length} obiettiv${objectives.length === 1 ? 'o' : 'i'}: ${objectives.map((o) => o.code).join(', ')}.`,
      `${person.name} owns ${objectives.length} objective${objectives.length === 1 ? '' : 's'}: ${objectives.map((o) => o.code).join(', ')}.`,
    ),
  );
  for (const o of objectives) {
    reply.lines.push(`• ${o.code} — ${o.title}${o.structure ? ` (${o.structure})` : ''}${byDoc.size > 1 ? ` [${ctx.store.entityOf(o.doc)}]` : ''}`);
    reply.focus.push(o.code);
  }
  reply.citations.push(...objectives.slice(0, 12).map((o) => citationOf(ctx, o.span, o.code)));
  return reply;
}

function rolesOf(ctx: ToolContext, person: Person, structures: Structure[], lang: Lang): string[] {
  const lines = structures.map((s) =>
    t(lang, `${person.name} è ${s.headRole ?? 'responsabile'} di ${s.name} (${ctx.store.entityOf(s.doc)}).`, `${person.name} is ${s.headRole ?? 'head'} of ${s.name} (${ctx.store.entityOf(s.doc)}).`),
  );
  return lines;
}

// ---------------------------------------------------------------- structures, totals, counts

function answerForStructures(ctx: ToolContext, structures: Structure[], lang: Lang): Reply {
  const reply = emptyReply('structure_head');
  for (const s of structures) {
    const role = s.headRole ?? t(lang, 'Responsabile', 'Head');
    reply.lines.push(
      t(lang, `${role} di ${s.name} (${ctx.store.entityOf(s.doc)}): ${s.head}.`, `${role} of ${s.name} (${ctx.store.entityOf(s.doc)}): ${s.head}.`),
    );
    reply.citations.push(citationOf(ctx, s.span, s.name));
  }
  return reply;
}

function objectivesOfStructures(ctx: ToolContext, structures: Structure[], lang: Lang): Reply | null {
  const names = new Set(structures.map((s) => `${s.doc}|${fold(s.name)}`));
  const codes = new Set(structures.filter((s) => s.code).map((s) => `${s.doc}|${s.code}`));
  const list = ctx.store.objectives.filter(
    (o) => visible(ctx, o.doc) && (names.has(`${o.doc}|${fold(o.structure ?? '')}`) || (o.cdr && codes.has(`${o.doc}|${o.cdr}`))),
  );
  if (!list.length) return null;
  const reply = emptyReply('objectives_of_structure');
  const label = [...new Set(structures.map((s) => s.name))].join(', ');
  reply.lines.push(t(lang, `${label}: ${list.length} obiettivi — ${list.map((o) => o.code).join(', ')}.`, `${label}: ${list.length} objectives — ${list.map((o) => o.code).join(', ')}.`));
  for (const o of list.slice(0, 60)) reply.lines.push(`• ${o.code} — ${clip(o.title, 120)} · ${LABELS[lang].owner}: ${ownersOf(o)}`);
  if (list.length > 60) reply.lines.push(LABELS[lang].andMore(list.length - 60));
  reply.citations.push(...list.slice(0, 6).map((o) => citationOf(ctx, o.span, o.code)));
  reply.focus.push(...list.map((o) => o.code));
  return reply;
}

function cdrIn(question: string): string | null {
  const m = fold(question).match(/\b(?:cdr|centro di responsabilita|servizio|service|settore)\s*(?:n\.?\s*)?([a-z]?\d{1,3})\b/);
  return m ? m[1]!.toUpperCase() : null;
}

function answerCountsAndTotals(ctx: ToolContext, question: string, intents: Intent[], scope: Scope, lang: Lang): Reply | null {
  const q = fold(question);
  const cdr = cdrIn(question);
  const reply = emptyReply('total');
  if (intents.includes('total') && /\btotal\w*\s+(cdr|azione|obiettivo|indirizzo)|\btotal\b/.test(q)) {
    const level = /\bazione\b/.test(q) ? 'azione' : /\bindirizzo\b/.test(q) ? 'indirizzo' : /\bobiettivo\b/.test(q) ? 'obiettivo' : cdr ? 'cdr' : undefined;
    const totals = getTotals(ctx, { ...(cdr ? { cdr } : {}), ...(level ? { level } : {}) });
    if (totals.length && (cdr || level)) {
      const shown = totals.slice(0, 12);
      reply.lines.push(
        shown.length === 1
          ? t(lang, `Totale ${shown[0]!.level.toUpperCase()} ${shown[0]!.label}: ${shown[0]!.amount?.text ?? 'non indicato'}${shown[0]!.share ? ` (${shown[0]!.share.text})` : ''}.`, `Total ${shown[0]!.level.toUpperCase()} ${shown[0]!.label}: ${shown[0]!.amount?.text ?? 'not stated'}${shown[0]!.share ? ` (${shown[0]!.share.text})` : ''}.`)
          : t(lang, `Totali indicati nel documento:`, `Totals stated in the document:`),
      );
      if (shown.length > 1) for (const x of shown) reply.lines.push(`• Totale ${x.level} ${x.label}${x.cdr ? ` (CdR ${x.cdr})` : ''}: ${x.amount?.text ?? '—'}${x.share ? ` (${x.share.text})` : ''}`);
      reply.lines.push(t(lang, 'Importi come scritti nel documento (Totale CDR/Azione/Obiettivo/Indirizzo).', 'Amounts as stated in the document.'));
      reply.citations.push(...shown.map((x) => citationOf(ctx, x.span, `Totale ${x.level} ${x.label}`)));
      return reply;
    }
  }
  if (intents.includes('count') && /\b(quant[ie]|numero( di)?|how many|number of|count)\s+(\w+\s+)?(progett\w*|projects?)\b/.test(q)) {
    const withBudget = /\b(con budget|with (a )?budget|budget non nullo|non-zero budget|with funding)\b/.test(q);
    const { count, projects, rule } = countProjects(ctx, { ...(cdr ? { cdr } : {}), withBudget });
    reply.intent = 'count_projects';
    reply.lines.push(t(lang, `${count} progetti (${rule}).`, `${count} projects (${rule}).`));
    reply.lines.push(t(lang, 'Conteggio calcolato dal modello dei piani, sui progetti elencati:', 'Counted from the plan model, over these projects:'));
    for (const p of projects.slice(0, 60)) reply.lines.push(`• ${p.code} ${p.title} — ${p.budget?.text ?? t(lang, 'budget non indicato', 'no budget stated')}`);
    reply.citations.push(...projects.slice(0, 5).map((p) => citationOf(ctx, p.span, p.code)));
    return reply;
  }
  if (intents.includes('count') && /\b(quant[ie]|numero( di)?|how many|number of|count)\s+(\w+\s+)?(obiettiv\w*|objectives?)\b/.test(q)) {
    const people = findPeople(question, ctx.store).matches;
    let list = ctx.store.objectives.filter((o) => visible(ctx, o.doc) && (!scope.docs || scope.docs.includes(o.doc)));
    if (people.length === 1) list = profileOf(ctx, people[0]!.person).objectives;
    if (cdr) list = list.filter((o) => fold(o.cdr ?? '') === fold(cdr));
    const structures = findStructures(question, ctx.store, scope);
    if (!cdr && structures.length && !people.length) list = list.filter((o) => structures.some((s) => fold(o.structure ?? '') === fold(s.name) || (o.cdr && o.cdr === s.code)));
    reply.intent = 'count_objectives';
    reply.lines.push(t(lang, `${list.length} obiettivi.`, `${list.length} objectives.`));
    const perDoc = new Map<string, number>();
    for (const o of list) perDoc.set(o.doc, (perDoc.get(o.doc) ?? 0) + 1);
    reply.lines.push(t(lang, 'Conteggio calcolato dal modello dei piani:', 'Counted from the plan model:'));
    for (const [doc, n] of perDoc) reply.lines.push(`• ${ctx.store.entityOf(doc)} (${doc}): ${n}`);
    if (list.length <= 40) for (const o of list) reply.lines.push(`• ${o.code} ${clip(o.title, 90)}`);
    return reply;
  }
  return null;
}

// ---------------------------------------------------------------- deadlines, strategy

function answerDeadlines(ctx: ToolContext, range: DateRange, scope: Scope, owner: string | null, lang: Lang): Reply {
  const reply = emptyReply('deadlines');
  const { label: _label, ...period } = range;
  const items = findDeadlines(ctx, { ...period, ...(owner ? { owner } : {}), ...(scope.docs ? { docs: scope.docs } : {}) });
  if (!items.length) {
    reply.found = false;
    reply.lines.push(t(lang, `Non ho trovato scadenze nel periodo ${range.label}.`, `I found no deadlines in ${range.label}.`));
    return reply;
  }
  reply.lines.push(t(lang, `${items.length} scadenze nel periodo ${range.label}:`, `${items.length} deadlines in ${range.label}:`));
  for (const d of items.slice(0, 50)) reply.lines.push(`• ${d.date.text} — ${d.objective.code} (${ownersOf(d.objective)}): ${clip(d.title, 110)}`);
  if (items.length > 50) reply.lines.push(LABELS[lang].andMore(items.length - 50));
  reply.citations.push(...uniqueBy(items.map((d) => d.objective), (o) => `${o.doc}|${o.code}`).slice(0, 8).map((o) => citationOf(ctx, o.span, o.code)));
  return reply;
}

function answerStrategicReverse(ctx: ToolContext, question: string, lang: Lang): Reply | null {
  const code = question.match(/\b\d{2}(?:\.\d{2}){0,2}\b/)?.[0];
  const candidates = code ? [code] : [];
  for (const c of candidates) {
    const list = objectivesUnderStrategy(ctx, { text: c });
    if (list.length) {
      const reply = emptyReply('strategic_reverse');
      reply.lines.push(t(lang, `${list.length} obiettivi discendono da ${c}:`, `${list.length} objectives belong to ${c}:`));
      for (const o of list) reply.lines.push(`• ${o.code} — ${o.title} (${o.structure ?? ownersOf(o)})`);
      reply.citations.push(...list.slice(0, 6).map((o) => citationOf(ctx, o.span, o.code)));
      return reply;
    }
  }
  return null;
}

// ---------------------------------------------------------------- records by their words

function mentionsObjectiveTitle(ctx: ToolContext, question: string): boolean {
  const r = getObjective(ctx, { title: topicWords(question) });
  return r.status === 'found';
}

/**
 * The words of the question that can name a record: without the entity, year and plan kind (they select documents,
 * they are not in titles).
 */
function topicWords(question: string): string {
  const stripped = question
    .replace(/\b(comune|provincia|citt[aà])\s+(di|del|della)\s+[\p{Lu}][\p{L}']*(\s+[\p{Lu}][\p{L}']*)?/gu, ' ')
    .replace(/\b(serravalle|pistoiese|reggio|emilia|chiavari)\b/gi, ' ')
    .replace(/\b(peg|piao|20[12]\d)\b/gi, ' ');
  return stripped;
}

function answerByWords(ctx: ToolContext, question: string, intents: Intent[], scope: Scope, lang: Lang): Reply | null {
  const base = topicWords(quotedText(question) ?? question);
  const first = matchByWords(ctx, base, intents, scope, question, lang);
  if (first || lang !== 'en') return first;
  // English words reach Italian titles through the glossary, tried only when the words as written found nothing
  const expanded = translateQuery(base);
  return expanded === base ? null : matchByWords(ctx, expanded, intents, scope, question, lang);
}

function matchByWords(ctx: ToolContext, text: string, intents: Intent[], scope: Scope, question: string, lang: Lang): Reply | null {
  const has = (i: Intent) => intents.includes(i);
  const inScope = (doc: string) => !scope.docs || scope.docs.includes(doc);
  const q = fold(question);
  const saysProject = /\b(progett\w*|projects?|prodott\w*)\b/.test(q);
  const saysObjective = /\b(obiettiv\w*|objectives?)\b/.test(q);

  const projectResult = getProject(ctx, { title: text });
  const objectiveResult = getObjective(ctx, { title: text });
  const records = findRecords(ctx, { text, limit: 5 }).filter((r) => inScope(r.objective.doc));

  let projects = projectResult.status === 'found' ? projectResult.projects.filter((p) => inScope(p.doc)) : [];
  let objectives = objectiveResult.status === 'found' ? objectiveResult.objectives.filter((o) => inScope(o.doc)) : [];
  if (saysProject && projects.length) objectives = [];
  if (saysObjective && !saysProject && objectives.length) projects = [];
  const topRecord = records[0] && records[0].score >= 0.6 ? records[0] : null;

  const wantsRecord = has('deadline') || has('indicator_value') || has('weight') || has('count');
  if (topRecord && (wantsRecord || (!projects.length && !objectives.length))) return recordReply(ctx, topRecord, intents, lang);
  if (projects.length === 1) return projectReply(ctx, projects[0]!, intents, lang);
  if (projects.length > 1 && !objectives.length) return ambiguousRecords(ctx, projects.map((p) => ({ code: p.code, title: p.title, doc: p.doc })), lang);
  if (objectives.length === 1) return objectiveReply(ctx, objectives[0]!, intents, question, lang);
  if (objectives.length > 1) {
    if (has('objectives_of') || /\b(quali|which|what)\b/.test(q)) return objectivesList(ctx, objectives, lang);
    // several titles share a couple of generic words: that is no sign the question is about any of them
    const strong = objectiveMatcher(ctx).rank(text, 3)[0];
    if (strong && strong.score >= 0.8) return ambiguousRecords(ctx, objectives.map((o) => ({ code: o.code, title: o.title, doc: o.doc })), lang);
    return null;
  }
  if (topRecord) return recordReply(ctx, topRecord, intents, lang);
  // topic search over objective titles ("which PIAO objective is about digital accessibility…")
  if (has('objectives_of') || saysObjective) {
    const topical = findObjectives(ctx, { topic: text, limit: 8 }).filter((o) => inScope(o.doc));
    if (topical.length) return objectivesList(ctx, topical.slice(0, 5), lang);
  }
  return null;
}

function objectivesList(ctx: ToolContext, objectives: Objective[], lang: Lang): Reply {
  const reply = emptyReply('objectives_by_topic');
  reply.lines.push(
    objectives.length === 1
      ? t(lang, `L'obiettivo è ${objectives[0]!.code} — ${objectives[0]!.title}.`, `The objective is ${objectives[0]!.code} — ${objectives[0]!.title}.`)
      : t(lang, `Obiettivi pertinenti: ${objectives.map((o) => o.code).join(', ')}.`, `Matching objectives: ${objectives.map((o) => o.code).join(', ')}.`),
  );
  for (const o of objectives) {
    reply.lines.push(`• ${o.code} — ${o.title} · ${LABELS[lang].owner}: ${ownersOf(o)}${o.structure ? ` · ${o.structure}` : ''} (${ctx.store.entityOf(o.doc)})`);
    reply.citations.push(citationOf(ctx, o.span, o.code));
    reply.focus.push(o.code);
  }
  return reply;
}

function recordReply(ctx: ToolContext, hit: RecordHit, intents: Intent[], lang: Lang): Reply {
  const reply = emptyReply(hit.kind === 'indicator' ? 'indicator_by_words' : 'phase_by_words');
  const o = hit.objective;
  reply.focus.push(o.code);
  if (hit.kind === 'indicator') {
    const i = hit.indicator;
    const when = i.targetDate?.text ?? (i.target?.date ? i.target.text : undefined);
    reply.lines.push(
      intents.includes('weight') && i.weight
        ? t(lang, `L'indicatore "${i.description}" (obiettivo ${o.code}) ha peso ${i.weight.text}.`, `The indicator "${i.description}" (objective ${o.code}) has weight ${i.weight.text}.`)
        : intents.includes('deadline') && when
          ? t(lang, `"${i.description}" (obiettivo ${o.code}) è previsto entro il ${when}.`, `"${i.description}" (objective ${o.code}) is due by ${when}.`)
          : t(lang, `L'indicatore "${i.description}" (obiettivo ${o.code}) ha valore atteso ${i.target?.text ?? '—'}.`, `The indicator "${i.description}" (objective ${o.code}) has expected value ${i.target?.text ?? '—'}.`),
    );
    reply.lines.push(indicatorLine(i, lang));
    reply.citations.push(citationOf(ctx, i.span, `${o.code} indicatore`));
  } else {
    const p = hit.phase;
    reply.lines.push(
      p.start && p.end
        ? t(lang, `La fase "${p.title}" (obiettivo ${o.code}) va dal ${p.start.text} al ${p.end.text}.`, `The phase "${p.title}" (objective ${o.code}) runs from ${p.start.text} to ${p.end.text}.`)
        : p.end
          ? t(lang, `La fase "${p.title}" (obiettivo ${o.code}) è prevista entro il ${p.end.text}.`, `The phase "${p.title}" (objective ${o.code}) is due by ${p.end.text}.`)
          : t(lang, `Fase "${p.title}" (obiettivo ${o.code}).`, `Phase "${p.title}" (objective ${o.code}).`),
    );
    reply.lines.push(phaseLine(p, lang));
    reply.citations.push(citationOf(ctx, p.span, `${o.code} fase`));
  }
  reply.lines.push('', `${objectiveHeadline(o, ctx.store)} · ${LABELS[lang].owner}: ${ownersOf(o)}`);
  return reply;
}

function ambiguousRecords(ctx: ToolContext, records: { code: string; title: string; doc: string }[], lang: Lang): Reply {
  const reply = emptyReply('ambiguous_record');
  reply.lines.push(t(lang, 'Più voci corrispondono alla domanda: quale intendi?', 'Several records match — which one do you mean?'));
  for (const r of records.slice(0, 8)) reply.lines.push(`• ${r.code} — ${r.title} (${ctx.store.entityOf(r.doc)})`);
  return reply;
}

// ---------------------------------------------------------------- passages

async function answerFromPassages(ctx: ToolContext, question: string, scope: Scope, lang: Lang): Promise<Reply> {
  const reply = emptyReply('passage_search');
  const hits = await searchPassages(ctx, { query: question, k: 3, ...(scope.entity ? { entity: scope.entity } : {}) });
  if (!hits.length) {
    reply.found = false;
    reply.lines.push(t(lang, 'Non ho trovato nei piani nessun passaggio pertinente alla domanda.', 'I found no passage in the plans that answers this (not found).'));
    return reply;
  }
  const focus = askedFor(question);
  if (focus && !hits.some((h) => mentionsAny(h.chunk.text, focus.stems))) {
    // the question asks for a figure or a person the passages never mention: say so before quoting them
    reply.found = false;
    reply.lines.push(
      t(lang, `Non ho trovato nei piani un dato su «${focus.word}». I passaggi più vicini sono:`, `I found no statement about "${focus.word}" in the plans (not stated). The closest passages are:`),
    );
  } else reply.lines.push(t(lang, 'Ecco cosa dicono i piani:', 'Here is what the plans say (quoted in Italian):'));
  for (const h of hits) {
    const where = `${h.citation.doc}${h.citation.lines ? `, ${LABELS[lang].lines} ${h.citation.lines}` : ''}${h.citation.page ? `, ${LABELS[lang].page} ${h.citation.page}` : ''}`;
    // a table is quoted whole (its header is what makes a row readable); prose by its best sentences
    const quote =
      (h.chunk.form === 'table' ? clip(h.chunk.text, 900) : quoteFor(question, h.chunk.text)) ||
      h.citation.excerpt?.trim() ||
      clip(h.chunk.text, 600);
    reply.lines.push(`> ${quote.replace(/\s*\n\s*/g, ' ')}`, `  — ${h.chunk.section ? `${h.chunk.section}, ` : ''}${where}`);
    reply.citations.push({ ...h.citation, excerpt: quote });
    if (h.chunk.code) reply.focus.push(h.chunk.code);
  }
  return reply;
}

/**
 * The sentences of a passage that answer the question: the two sharing most words with it (glossary expansions
 * count too), in document order, up to about 600 characters. Sentences, not lines: one line of a table cell can
 * hold a whole paragraph.
 */
function quoteFor(question: string, text: string, max = 600): string {
  const wanted = new Set(contentTokens(`${question} ${glossaryExpander().expand(question).join(' ')}`).map(stem));
  const sentences = text
    .replace(/<\/?p>/g, '\n')
    .split(/\n+|(?<=[.;!?])\s+(?=[\p{Lu}\d•-])/u)
    .map((x) => x.replace(/\s+/g, ' ').trim())
    .filter((x) => x.length > 2);
  if (!sentences.length) return '';
  const scored = sentences.map((sentence, i) => {
    const stems = new Set(contentTokens(sentence, { keepQuestionWords: true }).map(stem));
    let score = 0;
    for (const w of wanted) if (stems.has(w)) score++;
    return { sentence, i, score };
  });
  const best = [...scored].sort((a, b) => b.score - a.score || a.i - b.i).slice(0, 2).filter((x) => x.score > 0);
  if (!best.length) return '';
  const chosen = best.sort((a, b) => a.i - b.i).map((x) => clip(x.sentence, Math.floor(max / best.length)));
  return chosen.join(' … ');
}

/** The thing a "how many / how much / who is" question asks for, with the stems that would show a passage has it. */
function askedFor(question: string): { word: string; stems: string[] } | null {
  const q = fold(question).replace(/['’]/g, ' ');
  const m =
    q.match(
      /\b(?:quant[ie]|how many|how much|numero di|number of)\s+(?:(?:di|dei|degli|delle|il|la|le|the|total|totale|provincia|province|comune|city|prato|reggio|emilia|serravalle|pistoiese|chiavari)\s+)*([a-z]{4,})/,
    ) ??
    q.match(/\bquanto\s+(cost[ao]|costano|vale|spende)\b/) ??
    q.match(/\b(?:chi e|chi sono|who is|who are)\s+(?:il|la|lo|i|gli|le|l|the)\s+([a-z]{4,})/);
  if (!m) return null;
  const word = m[1]!;
  const isCost = /^cost|^vale|^spende/.test(word);
  const words = isCost ? ['costo', 'cost', 'importo', 'euro', '€', 'spesa', 'budget', 'risorse'] : [word, ...glossaryExpander().expand(word)];
  const stems = words.flatMap((w) => contentTokens(w, { keepQuestionWords: true })).map(stem);
  return stems.length ? { word: isCost ? t(detectLanguage(question), 'costo', 'cost') : word, stems } : null;
}

function mentionsAny(text: string, stems: string[]): boolean {
  const have = new Set(contentTokens(text, { keepQuestionWords: true }).map(stem));
  return stems.some((s) => have.has(s));
}

// ---------------------------------------------------------------- shared

function withFollowUpContext(question: string, options: AskOptions): string {
  const last = options.history?.at(-1)?.answer;
  if (!last?.focus.length) return question;
  const q = fold(question);
  const isFollowUp = /^(e|and|what about|e per|invece)\b|\b(suoi|sue|suo|sua|its|their|this|questo|questa|quello|stesso)\b/.test(q) || q.split(/\s+/).length <= 4;
  if (!isFollowUp || /\d{2}/.test(q)) return question;
  return `${question} ${last.focus[0]}`;
}

function emptyReply(intent: string): Reply {
  return { lines: [], citations: [], found: true, intent, focus: [] };
}

function uniqueBy<T>(list: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function finish(reply: Reply, lang: Lang): Answer {
  const L = LABELS[lang];
  const citations = uniqueBy(reply.citations, (c) => `${c.doc}|${c.lines}|${c.section ?? ''}`);
  const lines = [...reply.lines];
  if (citations.length) {
    const shown = citations.slice(0, 6).map((c) => `${c.doc}${c.lines ? ` ${L.lines} ${c.lines}` : ''}${c.page ? ` ${L.page} ${c.page}` : ''}`);
    lines.push('', `${L.sources}: ${shown.join('; ')}${citations.length > 6 ? ` ${L.andMore(citations.length - 6)}` : ''}`);
  }
  return { answer: lines.join('\n').trim(), citations, lang, found: reply.found, intent: reply.intent, focus: [...new Set(reply.focus)] };
}
