/** Answers about one objective: owner, structure, phases, indicators, weights, dates, resources, strategy. */
import { packFor } from '../../lang/packs.ts';
import type { Objective } from '../../plan/model.ts';
import { fold } from '../../plan/text.ts';
import { yearsRunning } from '../../query/record-years.ts';
import type { RecordHit } from '../../tools/find-records.ts';
import { citationOf, type ToolContext } from '../../tools/tool-context.ts';
import { askedColumnKinds, isLevel } from '../asked-columns.ts';
import {
  budgetText,
  indicatorLine,
  objectiveCard,
  objectiveHeadline,
  ownersOf,
  phaseLine,
  strategicLine,
} from '../format-records.ts';
import { indicatorColumnAsk, indicatorColumnLines } from '../indicator-column.ts';
import type { Intent } from '../intent.ts';
import { LABELS, type Lang } from '../labels.ts';
import { contentTokens, stem } from '../text-match.ts';
import { emptyReply, type Reply } from './reply.ts';

export function objectiveReply(ctx: ToolContext, o: Objective, intents: Intent[], question: string, lang: Lang): Reply {
  const { store } = ctx;
  const L = LABELS[lang];
  const M = packFor(lang).messages.objective;
  const reply = emptyReply('objective');
  reply.focus.push(o.code);
  reply.citations.push(citationOf(ctx, o.span, `${o.code} ${o.title}`));
  const has = (i: Intent) => intents.includes(i);

  // a column of the indicators' rows other than the expected value: a level, the value at a date or of a year
  const columnAsk =
    has('indicator_value') || has('indicators') || askedColumnKinds(question).some(isLevel)
      ? indicatorColumnAsk(question, yearIn(question))
      : null;
  // an indicator or phase named inside the objective: "peso dell'indicatore 'Avvio…' dell'obiettivo VI - 1"
  const quoted = quotedText(question);
  const numbered = numberedRecordIn(o, question);
  if (numbered || quoted || has('weight') || has('indicator_value') || columnAsk) {
    const named = numbered ?? namedRecordIn(o, quoted ?? question, question);
    if (named) {
      reply.intent = named.kind === 'indicator' ? 'indicator_detail' : 'phase_detail';
      if (named.kind === 'indicator') {
        const i = named.indicator;
        const column = columnAsk && indicatorColumnLines(i, o, columnAsk, planYearsOf(ctx, o), lang);
        if (column) {
          reply.intent = column.found ? 'indicator_column' : 'indicator_column_not_found';
          reply.found = column.found;
          reply.lines.push(...column.lines, '', objectiveHeadline(o, store));
          reply.citations.push(citationOf(ctx, i.span, `${o.code} indicatore`));
          return reply;
        }
        reply.lines.push(
          has('weight') && i.weight
            ? M.indicatorWeight(i.description, o.code, i.weight.text)
            : M.indicatorTarget(i.description, o.code, i.target?.text ?? '—'),
        );
        reply.lines.push(indicatorLine(i, lang));
        reply.citations.push(citationOf(ctx, i.span, `${o.code} indicatore`));
      } else {
        const p = named.phase;
        reply.lines.push(
          has('weight') && p.weight ? M.phaseWeight(p.title, o.code, p.weight.text) : M.phase(p.title, o.code),
        );
        reply.lines.push(phaseLine(p, lang));
        reply.citations.push(citationOf(ctx, p.span, `${o.code} fase`));
      }
      reply.lines.push('', objectiveHeadline(o, store));
      return reply;
    }
    // the question names an indicator in words this objective's indicators do not have: say so, then list them
    const unknown = wordsBeyondTitle(question, o);
    const asksOtherThings = has('strategic') || has('owner') || has('structure') || has('phases');
    if ((has('indicator_value') || has('weight')) && !asksOtherThings && unknown.length >= 2) {
      reply.intent = 'indicator_not_found';
      reply.found = false;
      reply.lines.push(M.noSuchIndicator(unknown.join(' '), o.code, o.title));
      // their names only: a figure beside them could be taken for the one asked about
      reply.lines.push(...o.indicators.map((i) => `• ${i.code ? `${i.code} ` : ''}${i.description}`));
      return reply;
    }
  }
  if (has('deadline') && !has('phases') && !has('indicators') && (o.end || o.phases.length)) {
    reply.intent = 'objective_dates';
    reply.lines.push(o.end ? M.completion(o.code, o.title, o.end.text, o.start?.text) : M.datesOf(o.code, o.title));
    reply.lines.push(...o.phases.map((p) => phaseLine(p, lang)));
    reply.lines.push(...o.indicators.filter((i) => i.targetDate || i.target?.date).map((i) => indicatorLine(i, lang)));
    return reply;
  }
  if (has('phases') && !has('indicators')) {
    reply.intent = 'objective_phases';
    reply.lines.push(o.phases.length ? M.phasesCount(o.code, o.title, o.phases.length) : M.noPhases(o.code));
    reply.lines.push(...o.phases.map((p) => phaseLine(p, lang)));
    reply.lines.push(`${L.owner}: ${ownersOf(o)}${o.structure ? ` · ${L.structure}: ${o.structure}` : ''}`);
    return reply;
  }
  if (has('indicators') || (has('indicator_value') && !has('strategic'))) {
    reply.intent = 'objective_indicators';
    const columns = columnAsk
      ? o.indicators.map((i) => indicatorColumnLines(i, o, columnAsk, planYearsOf(ctx, o), lang))
      : [];
    if (columns.length && columns.every((c) => c !== null)) {
      // every indicator asked for a column: each answers it, or says the plan leaves it empty
      reply.found = columns.some((c) => c!.found);
      reply.intent = reply.found ? 'indicator_column' : 'indicator_column_not_found';
      reply.lines.push(...columns.flatMap((c) => c!.lines));
      reply.lines.push('', objectiveHeadline(o, store));
      return reply;
    }
    // what the record does not hold is not found, however much of the record follows
    if (!o.indicators.length) missingField(reply);
    reply.lines.push(
      o.indicators.length ? M.indicatorsCount(o.code, o.title, o.indicators.length) : M.noIndicators(o.code),
    );
    reply.lines.push(...o.indicators.map((i) => indicatorLine(i, lang)));
    if (o.phases.length && has('phases')) reply.lines.push(`${L.phases}:`, ...o.phases.map((p) => phaseLine(p, lang)));
    reply.lines.push(`${L.owner}: ${ownersOf(o)}${o.structure ? ` · ${L.structure}: ${o.structure}` : ''}`);
    return reply;
  }
  if (has('structure') && !has('owner')) {
    reply.intent = 'objective_structure';
    if (!o.structure) missingField(reply);
    reply.lines.push(o.structure ? M.structureIs(o.code, o.title, o.structure) : M.noStructure(o.code));
    reply.lines.push(
      ...objectiveCard(o, store, lang, { phases: false, indicators: false, description: false }).slice(1),
    );
    return reply;
  }
  if (has('strategic')) {
    reply.intent = 'objective_strategic';
    const s = strategicLine(o);
    if (!s) missingField(reply);
    reply.lines.push(s ? M.belongsTo(o.code, o.title, s) : M.noStrategic(o.code));
    reply.lines.push(
      ...objectiveCard(o, store, lang, { phases: false, indicators: false, description: false }).slice(1),
    );
    return reply;
  }
  if (has('resources') || has('budget')) {
    reply.intent = 'objective_resources';
    const project = store.projectOf(o);
    if (!o.financialResources && !project) missingField(reply);
    reply.lines.push(
      o.financialResources
        ? M.financial(o.code, o.title, o.financialResources)
        : project
          ? M.partOfProject(o.code, project.code, budgetText(project, lang))
          : M.noFinancial(o.code),
    );
    reply.lines.push(
      ...objectiveCard(o, store, lang, { phases: false, indicators: false, description: false }).slice(1),
    );
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
    o.owners.length === 0 ? M.noOwner(o.code) : M.owners(o.code, o.title, o.owners.length, ownersOf(o), o.structure);
  reply.lines.push(ownerSentence);
  reply.lines.push(...objectiveCard(o, store, lang, { description: false }).slice(1));
  return reply;
}

/** Where a document has one sheet per year, a question naming the year gets that year's indicators and phases. */
export function sheetOfYear(o: Objective, year: number | null): Objective {
  if (!year) return o;
  if (!o.indicators.some((i) => i.year) && !o.phases.some((p) => p.year)) return phasesOfYear(o, year);
  const indicators = o.indicators.filter((i) => i.year === year);
  const phases = o.phases.filter((p) => p.year === year);
  if (!indicators.length && !phases.length) return o;
  return { ...o, indicators, phases };
}

/**
 * Without sheets, the phases whose dates reach into the year asked ("le fasi di X da fare nel 2021"); every phase
 * when none is dated or none reaches it (the year then names the plan, not a part of it).
 */
function phasesOfYear(o: Objective, year: number): Objective {
  const phases = o.phases.filter((p) => yearsRunning(p.start?.iso, p.end?.iso).includes(year));
  if (!phases.length || phases.length === o.phases.length) return o;
  // an indicator due at a date of another year measures that year's work, not the year asked
  const indicators = o.indicators.filter((i) => !i.target?.date || Number(i.target.date.slice(0, 4)) === year);
  return { ...o, phases, indicators };
}

export function indicatorReply(
  ctx: ToolContext,
  i: Objective['indicators'][number],
  o: Objective,
  lang: Lang,
  question = '',
): Reply {
  const M = packFor(lang).messages.objective;
  const reply = emptyReply('indicator');
  reply.focus.push(o.code);
  const ask = indicatorColumnAsk(question, yearIn(question));
  const column = ask && indicatorColumnLines(i, o, ask, planYearsOf(ctx, o), lang);
  if (column) {
    reply.intent = column.found ? 'indicator_column' : 'indicator_column_not_found';
    reply.found = column.found;
    reply.lines.push(...column.lines, '', objectiveHeadline(o, ctx.store));
    reply.citations.push(citationOf(ctx, i.span, `${o.code} ${i.code}`));
    return reply;
  }
  reply.lines.push(M.indicatorCode(i.code ?? '', i.description, o.code, i.target?.text ?? '—'));
  reply.lines.push(indicatorLine(i, lang), '', objectiveHeadline(o, ctx.store));
  reply.citations.push(citationOf(ctx, i.span, `${o.code} ${i.code}`));
  return reply;
}

/** "indicatore 2", "phase n. 3": the row the document numbers so (in the sheet of the year asked, if any). */
function numberedRecordIn(o: Objective, question: string): RecordHit | null {
  const m = fold(question).match(
    /\b(indicator[ei]?|kpi|fase|phase|attivita|activity|sub-obiettivo)\s*(?:n\.?\s*|nr\.?\s*|#)?(\d{1,2})\b/,
  );
  if (!m) return null;
  const n = Number(m[2]);
  if (/^(indicator|kpi)/.test(m[1]!)) {
    const indicator = o.indicators.find((i) => i.n === n);
    return indicator ? { kind: 'indicator', indicator, objective: o, score: 1 } : null;
  }
  // numbered in their own column, or in the title ("3. Attivazione…"); else by their order
  const numberOf = (p: Objective['phases'][number]) => p.n ?? Number(p.title.match(/^(\d{1,2})\./)?.[1] ?? Number.NaN);
  const phase = o.phases.some((p) => !Number.isNaN(numberOf(p)))
    ? o.phases.find((p) => numberOf(p) === n)
    : o.phases[n - 1];
  return phase ? { kind: 'phase', phase, objective: o, score: 1 } : null;
}

/** Content words of the question that are neither in the objective's title nor words that say what is asked. */
function wordsBeyondTitle(question: string, o: Objective): string[] {
  const title = new Set(contentTokens(`${o.title} ${o.code}`, { keepQuestionWords: true }).map(stem));
  return contentTokens(question)
    .filter((w) => !/\d/.test(w) && !title.has(stem(w)))
    .filter(
      (w) =>
        ![
          'numero',
          'number',
          'valore',
          'atteso',
          'attesa',
          'previsto',
          'peso',
          'weight',
          'indicatore',
          'livello',
          'finale',
          'final',
          'level',
          'intermedio',
          'intermediate',
        ].includes(w),
    );
}

function namedRecordIn(o: Objective, text: string, question: string): RecordHit | null {
  const words = fold(text);
  // a phase and an indicator often share their wording: the one the question calls by name wins the tie
  const q = fold(question);
  const bonus = {
    indicator: /\b(indicator\w*|kpi)/.test(q) ? 0.01 : 0,
    phase: /\b(fas[ei]|phase\w*|attivita)/.test(q) ? 0.01 : 0,
  };
  // either the record's wording is mostly in the question, or the question's own words (beyond the objective's
  // title) are mostly in the record: "partecipazione della cittadinanza" names a longer indicator
  const asked = wordsBeyondTitle(question, o).map(stem);
  const covers = (recordText: string) => {
    if (!asked.length) return 0;
    const have = new Set(contentTokens(recordText, { keepQuestionWords: true }).map(stem));
    return asked.filter((w) => have.has(w)).length / asked.length;
  };
  const score = (recordText: string) => Math.max(overlap(words, recordText), covers(recordText));
  let best: RecordHit | null = null;
  let bestScore = 0;
  for (const i of o.indicators) {
    const s = score(i.description) + bonus.indicator;
    if (s > bestScore) [best, bestScore] = [{ kind: 'indicator', indicator: i, objective: o, score: s }, s];
  }
  for (const p of o.phases) {
    const s = score(p.title) + bonus.phase;
    if (s > bestScore) [best, bestScore] = [{ kind: 'phase', phase: p, objective: o, score: s }, s];
  }
  return bestScore >= 0.6 ? best : null;
}

function overlap(haystack: string, needle: string): number {
  const words = fold(needle)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 3);
  if (!words.length) return 0;
  return words.filter((w) => haystack.includes(w.slice(0, Math.max(4, w.length - 2)))).length / words.length;
}

export function quotedText(question: string): string | null {
  const m = question.match(/(?:^|[\s(:])["“«‘']([^"”»’]{6,400}?)["”»’'](?=[\s?.,;:!)]|$)/);
  return m ? m[1]! : null;
}

/** The record is there, the field asked is not: not found, though the record's own text may still say it. */
function missingField(reply: Reply): void {
  reply.found = false;
  reply.fieldMissing = true;
}

/** A year the question writes alone, not inside a date or a code ("target 2022", not "31/12/2022" or "2020-CP09"). */
function yearIn(question: string): number | null {
  const m = question.match(/(?<![\d/.\-_])((?:19|20)\d{2})(?![\d/.\-_])/);
  return m ? Number(m[1]) : null;
}

const planYearsOf = (ctx: ToolContext, o: Objective) => ctx.store.documentOf(o.doc)?.years ?? [];
