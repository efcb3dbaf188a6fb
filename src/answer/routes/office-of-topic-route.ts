/**
 * "Quale ufficio segue la gestione del personale?", "which office handles road bridges?": a question that leads with
 * an office word and names no office asks which office the topic belongs to. The records whose titles and strategic
 * levels hold the topic's words best say it: their structures, each with the records that put it there.
 */
import { PACKS } from '../../lang/packs.ts';
import { wordsOf } from '../../linking/phrases.ts';
import type { Objective, Project } from '../../plan/model.ts';
import { fold } from '../../plan/text.ts';
import { levelLabels } from '../../query/record-fields.ts';
import type { PlanStore } from '../../store/plan-store.ts';
import { citationOf, visible } from '../../tools/tool-context.ts';
import type { Route, RouteInput } from '../router.ts';
import { bestTies, contentTokens, TextMatcher } from '../text-match.ts';
import { translateQuery } from '../translate-query.ts';
import { emptyReply, type Reply } from './reply.ts';
import { placeWordsOf } from './words-route.ts';

type TopicRecord = { record: Objective | Project; office: string };

const LEXICONS = Object.values(PACKS).map((p) => p.lexicon);
/** words that ask for an office, name its kind, or say what it does: none of them is the topic */
const ASKING = LEXICONS.flatMap((l) => [
  ...l.targets.structure,
  ...(l.structureKinds ?? []).flatMap((k) => [...k.words, ...k.nameStarts]),
  ...(l.officeVerbs ?? []),
  ...(l.listAsking ?? []),
  ...Object.values(l.entityKinds).flat(),
])
  .flatMap((w) => fold(w).trim().split(/\s+/))
  .filter((w) => w.length >= 2);
const isAsking = (w: string) => ASKING.some((a) => w === a || (a.length >= 4 && w.startsWith(a)));

/**
 * words that ask which one ("quale", "chi", "which", "who"): "gli uffici hanno barriere architettoniche?" asks
 * something of the offices, not which of them handles a topic
 */
const WHICH = new Set(
  LEXICONS.flatMap((l) => [...l.whichWords, ...(l.answerTypes.find((t) => t.type === 'who')?.cues ?? [])]).map((w) =>
    fold(w).trim(),
  ),
);
const asksWhich = (text: string) =>
  wordsOf(text)
    .trim()
    .split(' ')
    .some((w) => WHICH.has(w));

/** a topic is found when the best records hold at least this share of its words' weight */
const MIN_SCORE = 0.6;
/** offices named in one answer, at most */
const MAX_OFFICES = 3;

export const officeOfTopicRoute: Route = {
  id: 'office_of_topic',
  when: ({ frame }) =>
    frame.targets[0] === 'structure' &&
    !frame.structures.length &&
    !frame.levels.length &&
    !frame.codes.length &&
    !frame.people.length &&
    !frame.amounts.length &&
    !frame.superlative &&
    !frame.aggregate &&
    !frame.more &&
    !frame.compare &&
    !frame.meta &&
    asksWhich(frame.text),
  answer: (input) => officeOfTopic(input),
};

function officeOfTopic({ ctx, question, scope, pack, lang }: RouteInput): Reply | null {
  const places = placeWordsOf(ctx.store);
  // an English topic meets the Italian titles through the glossary, its office words set aside first ("office" is no
  // topic, whatever the glossary makes of it)
  const read =
    lang === 'en' ? translateQuery(question.replace(/\p{L}+/gu, (w) => (isAsking(fold(w)) ? '' : w))) : question;
  const topic = contentTokens(read).filter((w) => !isAsking(w) && !places.has(w));
  if (!topic.length) return null;
  const docs = scope.docs ? new Set(scope.docs) : null;
  const ranked = matcherOf(ctx.store)
    .rank(topic, 40)
    .filter((r) => visible(ctx, r.item.record.doc) && (!docs || docs.has(r.item.record.doc)));
  const best = bestTies(ranked).filter((r) => r.score >= MIN_SCORE);
  if (!best.length) return null;
  const offices = [...new Set(best.map((r) => `${r.item.record.doc}\u0000${r.item.office}`))];
  if (offices.length > MAX_OFFICES) return null;
  const reply = emptyReply('office_of_topic');
  for (const key of offices) {
    const [doc, office] = key.split('\u0000') as [string, string];
    const records = best.filter((r) => r.item.record.doc === doc && r.item.office === office).map((r) => r.item.record);
    reply.lines.push(
      pack.messages.officeOfTopic(
        `${office} (${ctx.store.entityOf(doc)})`,
        records.map((r) => `${r.code} — ${r.title}`).join('; '),
      ),
    );
    reply.citations.push(...records.slice(0, 4).map((r) => citationOf(ctx, r.span, r.code)));
    reply.focus.push(...records.map((r) => r.code));
  }
  return reply;
}

const matchers = new WeakMap<PlanStore, TextMatcher<TopicRecord>>();

/** every objective and project with an office, read by its title, its office's name and its levels; built once */
function matcherOf(store: PlanStore): TextMatcher<TopicRecord> {
  let m = matchers.get(store);
  if (!m) {
    const records: TopicRecord[] = [
      ...store.objectives.flatMap((o) => (o.structure ? [{ record: o, office: o.structure }] : [])),
      ...store.projects.flatMap((p) => (p.cdrName ? [{ record: p, office: `${p.cdr} - ${p.cdrName}` }] : [])),
    ];
    m = new TextMatcher(records, (r) =>
      wordsOf([r.record.title, r.office, ...levelLabels(r.record.strategic)].join(' ')),
    );
    matchers.set(store, m);
  }
  return m;
}
