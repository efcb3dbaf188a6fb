/**
 * Questions the plans cannot answer, said plainly before anything else: progress and delays (the plans hold none),
 * an entity with no plan loaded, a person's objectives in a year their plan does not cover. Each says what is there
 * instead.
 */
import { personKey } from '../../plan/names.ts';
import { visible } from '../../tools/tool-context.ts';
import type { Route } from '../router.ts';
import { emptyReply } from './reply.ts';

export const notFoundReplies: Route[] = [
  {
    id: 'not_found_progress',
    when: ({ frame }) => frame.progress && !frame.codes.length,
    answer: ({ pack }) => {
      const reply = emptyReply('not_found_progress');
      reply.found = false;
      reply.lines.push(pack.messages.notFoundProgress);
      return reply;
    },
  },
  {
    id: 'not_found_entity',
    when: ({ frame }) => frame.unknownEntity !== null && !frame.codes.length && !frame.people.length,
    answer: ({ ctx, frame, pack }) => {
      const reply = emptyReply('not_found_entity');
      reply.found = false;
      const entities = [...new Set(ctx.store.model.documents.filter((d) => visible(ctx, d.file)).map((d) => d.entity))];
      reply.lines.push(pack.messages.notFoundEntity(frame.unknownEntity!, entities.join(', ')));
      return reply;
    },
  },
  {
    // "obiettivi 2023 di X": X has objectives, none of that year
    id: 'not_found_year_for_person',
    when: ({ frame, meant }) => frame.uncoveredYear !== null && meant.length === 1,
    answer: ({ ctx, frame, meant, pack }) => {
      const person = meant[0]!;
      const owned = ctx.store.objectivesOwnedBy(person).filter((o) => visible(ctx, o.doc));
      if (!owned.length) return null;
      // "che scadono nel 2022": a plan of one year may run its phases into later ones, and a deadline in that year
      // is there to be found ("obiettivi 2022", with no date word, asks for that year's plan)
      const prefix = `${frame.uncoveredYear}-`;
      const asksDates = frame.fields.includes('end') || frame.fields.includes('start');
      const dated =
        asksDates &&
        owned.some((o) =>
          [o.start, o.end, ...o.phases.flatMap((p) => [p.start, p.end])].some((d) => d?.iso?.startsWith(prefix)),
        );
      if (dated) return null;
      const years = [...new Set(owned.flatMap((o) => ctx.store.documentOf(o.doc)?.years ?? []))].sort();
      const reply = emptyReply('not_found_year');
      reply.found = false;
      reply.lines.push(pack.messages.notFoundYearFor(frame.uncoveredYear!, person.name, years.join(', ')));
      reply.focus.push(personKey(person.name));
      return reply;
    },
  },
];
