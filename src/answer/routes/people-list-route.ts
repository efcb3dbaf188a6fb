/**
 * "chi sono i dirigenti del Comune di X?", "who works on the plans of Y?", "responsabili degli obiettivi di Z": the
 * people the plans in scope name, with the roles they hold there, from the model's people list. Role words come
 * from the language packs; the public hears only of people it may see.
 */

import { PACKS } from '../../lang/packs.ts';
import { phraseAt, wordsOf } from '../../linking/phrases.ts';
import { RECORD_TARGETS } from '../../query/plan-query.ts';
import { STOPWORDS } from '../../retrieval/stopwords.ts';
import { citationOf, personVisible, visible } from '../../tools/tool-context.ts';
import { LABELS } from '../labels.ts';
import type { Route, RouteInput } from '../router.ts';
import { askedFieldOf } from './passage-route.ts';
import { emptyReply, type Reply } from './reply.ts';

const LEXICONS = Object.values(PACKS).map((p) => p.lexicon);
const ROLE_WORDS = Object.values(PACKS).flatMap((p) =>
  Object.entries(p.lexicon.roleWords ?? {}).map(([role, words]) => ({ role, words })),
);
const MAX_LISTED = 60;

export const peopleListRoutes: Route[] = [
  {
    id: 'people_of_entity',
    when: ({ frame, meant, people, structures, question, lang }) =>
      frame.targets[0] === 'person' &&
      frame.documents !== null &&
      !meant.length &&
      !people.unknownName &&
      !structures.length &&
      !frame.codes.length &&
      !frame.amounts.length &&
      !frame.superlative &&
      !frame.meta &&
      !frame.progress &&
      // "chi è il responsabile dell'obiettivo sul …": a record's owner is the lookup's
      !frame.targets.slice(1).some((t) => RECORD_TARGETS.has(t) && t !== 'objective' && t !== 'project') &&
      !frame.topic.length &&
      !frame.unknownCodes.length &&
      frame.aggregate === null &&
      askedFieldOf(question, lang) === null &&
      onlyAsksForPeople(frame),
    answer: (input) => peopleOf(input),
  },
];

/**
 * The question says nothing but who, of which role, in which plans: each word is a person or role word, a word of
 * the entity, a year, a word asking for a list, or a word that carries nothing ("le sedi … sono accessibili alle
 * persone disabili?" says more).
 */
function onlyAsksForPeople(frame: RouteInput['frame']): boolean {
  const allowed = [
    ...LEXICONS.flatMap((l) => [
      ...l.targets.person,
      ...l.targets.objective,
      ...l.targets.project,
      ...l.listAll,
      ...l.metaNouns,
      ...(l.listAsking ?? []),
      ...Object.values(l.roleWords ?? {}).flat(),
      ...Object.values(l.entityKinds).flat(),
      // "i dirigenti del PEG di X": a plan named by its kind is the entity's plans
      ...Object.values(l.documentKinds).flat(),
    ]),
    ...frame.entities.flatMap((e) => wordsOf(e).trim().split(' ')),
  ].map((w) => w.trim());
  return wordsOf(frame.text)
    .trim()
    .split(' ')
    .every((w) => STOPWORDS.has(w) || /^(19|20)\d{2}$/.test(w) || allowed.some((a) => w.startsWith(a)));
}

function peopleOf({ ctx, frame, pack, lang }: RouteInput): Reply | null {
  const docs = new Set(frame.documents!.filter((d) => visible(ctx, d)));
  const words = wordsOf(frame.text);
  const asked = new Set(ROLE_WORDS.filter((r) => r.words.some((w) => phraseAt(words, w) >= 0)).map((r) => r.role));
  const inScope = ctx.store.people
    .filter((p) => personVisible(ctx, p))
    .map((p) => ({
      person: p,
      roles: [
        ...new Set(
          p.roles.filter((r) => docs.has(r.doc) && (ctx.includeInternal || r.role !== 'staff')).map((r) => r.role),
        ),
      ],
    }))
    .filter((x) => x.roles.length);
  const withRole = inScope.filter((x) => x.roles.some((r) => asked.has(r)));
  // a role the plans give nobody: everyone they name, said so by the roles shown
  const listed = asked.size && withRole.length ? withRole : inScope.filter((x) => x.roles.some((r) => r !== 'staff'));
  const where = [...new Set([...docs].map((d) => ctx.store.entityOf(d)))].join(', ');
  const reply = emptyReply('people_of_entity');
  const roleName = (r: string) => pack.messages.roleNames[r] ?? r;
  if (listed.length) {
    reply.lines.push(pack.messages.peopleOf(where, listed.length));
    for (const x of listed.slice(0, MAX_LISTED))
      reply.lines.push(`• ${x.person.name} — ${x.roles.map(roleName).join(', ')}`);
    if (listed.length > MAX_LISTED) reply.lines.push(LABELS[lang].andMore(listed.length - MAX_LISTED));
    reply.focus.push(...listed.map((x) => x.person.name));
  } else {
    // plans that name offices, not people, as the owners of their objectives
    const objectives = ctx.store.objectives.filter((o) => docs.has(o.doc) && o.owners.length);
    const owners = [...new Set(objectives.flatMap((o) => o.owners))];
    if (!owners.length) return null;
    reply.lines.push(pack.messages.ownersAsWritten(where, owners.length));
    for (const owner of owners.slice(0, MAX_LISTED))
      reply.lines.push(
        `• ${owner} (${objectives
          .filter((o) => o.owners.includes(owner))
          .map((o) => o.code)
          .join(', ')})`,
      );
    reply.citations.push(...objectives.slice(0, 8).map((o) => citationOf(ctx, o.span, o.code)));
    return reply;
  }
  const cited = ctx.store.objectives.filter((o) => docs.has(o.doc) && o.owners.some((n) => reply.focus.includes(n)));
  reply.citations.push(...cited.slice(0, 6).map((o) => citationOf(ctx, o.span, o.code)));
  const projects = ctx.store.projects.filter((p) => docs.has(p.doc) && reply.focus.includes(p.dirigente ?? ''));
  reply.citations.push(...projects.slice(0, 4).map((p) => citationOf(ctx, p.span, p.code)));
  return reply;
}
