/**
 * Questions about the structures themselves, answered from the model's structure list: "elenca gli uffici della
 * Provincia di X", "quali sono i centri di responsabilità del Comune di Y", "which services make up the Area Z" (the
 * structures of a kind in the plans named), and "di cosa si occupa il Servizio W?" / "what does the W office do?"
 * (the objectives, or the projects, the plan files under it). Kind words and cues come from the language packs.
 */

import { PACKS } from '../../lang/packs.ts';
import { objectivesNumberedUnder } from '../../linking/frame-to-query.ts';
import { firstAt, phraseAt, wordsOf } from '../../linking/phrases.ts';
import { distinctiveNameWords, nameStem } from '../../linking/structure-index.ts';
import { objectivesTitledIn } from '../../linking/titled-records.ts';
import type { Structure } from '../../plan/model.ts';
import { fold } from '../../plan/text.ts';
import { RECORD_TARGETS } from '../../query/plan-query.ts';
import { STOPWORDS } from '../../retrieval/stopwords.ts';
import { citationOf, visible } from '../../tools/tool-context.ts';
import type { Route, RouteInput } from '../router.ts';
import { askedFieldOf } from './passage-route.ts';
import { emptyReply, type Reply } from './reply.ts';
import { objectivesOfStructures } from './structure-route.ts';

const LEXICONS = Object.values(PACKS).map((p) => p.lexicon);
const KINDS = LEXICONS.flatMap((l) => l.structureKinds ?? []);
const WORK = LEXICONS.flatMap((l) => l.structureWork ?? []);
const MAX_LISTED = 80;
/** "strutture per minori": the kind word says what for, so it is no list of offices */
const PURPOSE = new Set(LEXICONS.flatMap((l) => l.kindPurpose ?? []));
const STRUCTURE_WORDS = LEXICONS.flatMap((l) => l.targets.structure);

/** An office is named and nothing narrower or computed: no code, no record meant, no amount, ranking or aggregate. */
export function structureNamedAlone({ frame, structures, meant }: RouteInput): boolean {
  return (
    structures.length > 0 &&
    !frame.codes.length &&
    !meant.length &&
    !frame.amounts.length &&
    !frame.superlative &&
    !frame.aggregate &&
    // "progetti del CdR X con personale ma senza budget": a condition on a field is the plan query's
    !frame.without.length &&
    !frame.present.length &&
    !frame.dates.length &&
    // "i progetti del CdR X nell'azione Y": a level of the plan scopes the list; its title words pick no record
    !frame.levels.length
  );
}

export const structureListRoutes: Route[] = [
  {
    id: 'structure_list',
    when: (input) => kindsAsked(input).length > 0,
    answer: (input) => listStructures(input, kindsAsked(input)),
  },
  {
    id: 'structure_work',
    when: (input) =>
      structureNamedAlone(input) &&
      // "what do the budgets of X add up to": a figure of it, not its work
      !input.frame.fields.some((f) => f !== 'objectives' && f !== 'projects') &&
      !input.frame.targets.some((t) => RECORD_TARGETS.has(t)) &&
      WORK.some((w) => phraseAt(wordsOf(input.frame.text), w) >= 0),
    answer: ({ ctx, structures, lang }) =>
      projectsOf(ctx, structures, lang) ??
      numberedUnder(ctx, structures, lang) ??
      objectivesOfStructures(ctx, structures, lang),
  },
];

/**
 * The kinds a question lists: a plural kind word ("uffici", "services") that is not the label of a structure it
 * names ("i Servizi Demografici"), in a question that names no record, person, code, amount or ranking.
 */
function kindsAsked({ ctx, frame, structures, question, lang }: RouteInput): { kind: string; word: string }[] {
  if (frame.targets[0] !== 'structure' || frame.targets.some((t) => RECORD_TARGETS.has(t))) return [];
  if (frame.codes.length || frame.people.length || frame.amounts.length || frame.superlative || frame.meta) return [];
  // "quali strutture lavorano sulla linea di mandato 03?": the offices of the records under a level, not every office
  if (frame.levels.length) return [];
  // "totale dei CdR 85 e 87", "opening hours of the offices": a figure or a fact about them, not their list
  if (frame.aggregate === 'sum' || frame.aggregate === 'avg' || frame.compare || askedFieldOf(question, lang))
    return [];
  const words = wordsOf(frame.text);
  // the list is of what the question leads with: "quale ufficio segue i servizi di …" asks for one office
  const lead = firstAt(words, STRUCTURE_WORDS);
  const labelWords = new Set(structures.flatMap((s) => distinctiveNameWords(s.name).map(nameStem)));
  const codes = new Set(structures.flatMap((s) => (s.code ? [fold(s.code)] : [])));
  const out: { kind: string; word: string }[] = [];
  for (const k of KINDS)
    for (const w of k.words) {
      const at = phraseAt(words, w);
      // the lead structure word may stand inside the kind phrase ("responsibility centres" leads with "centres")
      const leads = lead >= at && lead < at + w.trim().length;
      if (at < 0 || !leads || !leadsTheQuestion(words.slice(0, at), frame)) continue;
      // "gli uffici della Provincia sono accessibili in carrozzina?": something asked of them, not their list
      if (asksAboutThem(words.slice(0, at), words.slice(at + w.trim().length), frame)) continue;
      // the word right after is a word or the code of a structure named: the kind word is that structure's label
      const next =
        words
          .slice(at + w.trim().length)
          .trim()
          .split(' ')[0] ?? '';
      // or the word right before it is, as English puts it ("the social services department")
      const prev = words.slice(0, at).trim().split(' ').at(-1) ?? '';
      const isLabel = (w: string) => w.length > 2 && [...labelWords].some((stem) => w.startsWith(stem));
      const labels = /^\d/.test(next) || codes.has(next) || isLabel(next) || isLabel(prev);
      if (labels || PURPOSE.has(next) || out.some((o) => o.kind === k.kind)) continue;
      // the kind word opens a record's title the question writes out ("Servizi a misura …"): no list of kinds
      if (opensTitle(ctx, words, at, frame.documents ?? [])) continue;
      out.push({ kind: k.kind, word: w.trim() });
    }
  return out;
}

/** A record's title, written out whole in the question, starts where the kind word stands. */
function opensTitle(ctx: RouteInput['ctx'], words: string, at: number, files: string[]): boolean {
  return objectivesTitledIn(words, ctx.store, files).some((t) => phraseAt(words, `${wordsOf(t.title).trim()} `) === at);
}

/** words that may come before the kind word a list is asked by: asking for a list, or an entity's kind */
const LEADING_WORDS = LEXICONS.flatMap((l) => [
  ...l.listAll,
  ...(l.listAsking ?? []),
  // "quanti cdr ha X", "how many responsibility centres does X have": a count of the list
  ...l.count.flatMap((w) => w.trim().split(' ')),
  ...Object.values(l.entityKinds).flat(),
]).map((w) => w.trim());

/**
 * The kind word is what the question asks for only when little comes before it: words asking for a list, the entity,
 * a year, words that carry nothing, and at most one other ("quali servizi compongono…"). "Which municipalities had
 * their social services taken over…" or "quanto ha stanziato X per gli sportelli dei servizi" ask about something else.
 */
function leadsTheQuestion(before: string, frame: RouteInput['frame']): boolean {
  const allowed = [...LEADING_WORDS, ...frame.entities.flatMap((e) => wordsOf(e).trim().split(' '))].filter(Boolean);
  const others = before
    .trim()
    .split(' ')
    .filter((w) => w && !STOPWORDS.has(w) && !/^(19|20)\d{2}$/.test(w) && !allowed.some((a) => w.startsWith(a)));
  return others.length <= 1;
}

/** words that ask for a list wherever they stand ("quali", "elenca", "which", "list") */
const LIST_ASKING = LEXICONS.flatMap((l) => [...l.listAll, ...(l.listAsking ?? [])]).map((w) => w.trim());
/** verbs of being and having, which say nothing of the structures by themselves ("ci sono", "ha", "are there") */
const PLAIN_VERBS = new Set(LEXICONS.flatMap((l) => l.plainVerbs ?? []));

/**
 * The kind word is the subject of a question about the structures, not a list asked for: no list-asking word before
 * it, and at least two words after it that are neither the entity's, a year, nor words that carry nothing.
 */
function asksAboutThem(before: string, after: string, frame: RouteInput['frame']): boolean {
  const listing = before
    .trim()
    .split(' ')
    .some((w) => w && LIST_ASKING.some((a) => a === w || (a.length > 3 && w.startsWith(a))));
  if (listing) return false;
  const entityWords = new Set(frame.entities.flatMap((e) => wordsOf(e).trim().split(' ')));
  const said = after
    .trim()
    .split(' ')
    .filter(
      (w) =>
        w.length > 2 &&
        !STOPWORDS.has(w) &&
        !PLAIN_VERBS.has(w) &&
        !entityWords.has(w) &&
        !/^(19|20)\d{2}$/.test(w) &&
        !LEADING_WORDS.some((a) => w.startsWith(a)),
    );
  return said.length >= 2;
}

function listStructures(input: RouteInput, kinds: { kind: string; word: string }[]): Reply | null {
  const { ctx, frame, structures: named, pack } = input;
  // a structure named is where to look ("i servizi dell'Area X"): its plan, itself left out
  const docs = named.length ? new Set(named.map((s) => s.doc)) : frame.documents ? new Set(frame.documents) : null;
  const wanted = new Set(kinds.map((k) => k.kind));
  const starts = KINDS.filter((k) => wanted.has(k.kind)).flatMap((k) => k.nameStarts);
  const listed = ctx.store.structures.filter(
    (s) =>
      visible(ctx, s.doc) &&
      (!docs || docs.has(s.doc)) &&
      !named.includes(s) &&
      (wanted.has('*') || wanted.has(s.kind) || starts.some((p) => fold(s.name).startsWith(p))),
  );
  // a kind the plans do not use ("departments" where they file centri di responsabilità): every structure they list
  const shown = listed.length
    ? listed
    : ctx.store.structures.filter((s) => visible(ctx, s.doc) && (!docs || docs.has(s.doc)) && !named.includes(s));
  if (!shown.length) return null;
  const reply = emptyReply('structure_list');
  const label = listed.length ? kinds.map((k) => k.word).join(', ') : pack.messages.targetNames.structure[1];
  for (const entity of [...new Set(shown.map((s) => ctx.store.entityOf(s.doc)))]) {
    const ofEntity = shown.filter((s) => ctx.store.entityOf(s.doc) === entity);
    const where = named.length ? `${named.map((s) => s.name).join(', ')} — ${entity}` : entity;
    reply.lines.push(pack.messages.structureList(label, where, ofEntity.length));
    for (const s of ofEntity.slice(0, MAX_LISTED))
      reply.lines.push(
        `• ${s.code ? `${s.code} - ` : ''}${s.name}${s.head ? ` — ${[s.headRole, s.head].filter(Boolean).join(' ')}` : ''}`,
      );
    reply.citations.push(...ofEntity.slice(0, 8).map((s) => citationOf(ctx, s.span, s.name)));
  }
  reply.focus.push(...shown.map((s) => s.name));
  return reply;
}

/** Plans that number objectives under their settore ("Settore VI" → "VI - 1", "VI - 2"…): those objectives. */
function numberedUnder(ctx: RouteInput['ctx'], structures: Structure[], lang: RouteInput['lang']): Reply | null {
  if (structures.length !== 1) return null;
  const s = structures[0]!;
  const codes = new Set(objectivesNumberedUnder(s, ctx.store));
  if (codes.size < 2) return null;
  const list = ctx.store.objectives.filter((o) => o.doc === s.doc && codes.has(o.code) && visible(ctx, o.doc));
  const reply = emptyReply('objectives_of_structure');
  reply.lines.push(
    PACKS[lang].messages.structures.objectivesOf(s.name, list.length, list.map((o) => o.code).join(', ')),
  );
  for (const o of list) reply.lines.push(`• ${o.code} — ${o.title}`);
  reply.citations.push(...list.slice(0, 8).map((o) => citationOf(ctx, o.span, o.code)));
  reply.focus.push(...list.map((o) => o.code));
  return reply;
}

/** The projects a centro di responsabilità named holds (its code is theirs), when it holds any. */
function projectsOf(ctx: RouteInput['ctx'], structures: Structure[], lang: RouteInput['lang']): Reply | null {
  const codes = new Set(structures.filter((s) => s.code).map((s) => `${s.doc}|${s.code}`));
  const list = ctx.store.projects.filter((p) => visible(ctx, p.doc) && codes.has(`${p.doc}|${p.cdr}`));
  if (!list.length) return null;
  const pack = PACKS[lang];
  const reply = emptyReply('projects_of_structure');
  const label = structures.map((s) => s.name).join(', ');
  reply.lines.push(pack.messages.structureProjects(label, list.length));
  for (const p of list.slice(0, MAX_LISTED)) reply.lines.push(`• ${p.code} — ${p.title}`);
  reply.citations.push(...list.slice(0, 8).map((p) => citationOf(ctx, p.span, p.code)));
  reply.focus.push(...list.map((p) => p.code));
  return reply;
}
