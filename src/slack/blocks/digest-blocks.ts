import type { Digest, PersonDigest } from '../../digest/build-digest.ts';
import { DIGEST_LABELS, italianDay } from '../../digest/digest-labels.ts';
import { type DocumentLookup, digestItemLine } from '../../digest/format-digest.ts';
import { type SlackMessage, section } from './answer-blocks.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { moreLabel, SLACK_LIMITS } from './slack-limits.ts';

const MAX_OBJECTIVES = 40;

/** The weekly DM: what falls due for the person, one section per objective, each item with its date and source. */
export function digestMessage(
  digest: Pick<Digest, 'from' | 'to' | 'days'>,
  person: PersonDigest | undefined,
  name: string,
  documents: DocumentLookup,
): SlackMessage {
  const l = DIGEST_LABELS.it;
  const title = `🗓️ ${l.title(italianDay(digest.from), italianDay(digest.to))}`;
  if (!person?.items) {
    const text = `${title}\n${escapeMrkdwn(name)}: ${l.nothing}`;
    return { text, blocks: [section(text)] };
  }
  const blocks = [
    section(`*${escapeMrkdwn(title)}*\n${escapeMrkdwn(l.personHeader(person.person, person.items))}`),
    ...person.objectives.slice(0, MAX_OBJECTIVES).map((o) => {
      const lines = [
        `*${escapeMrkdwn(o.code)}* — ${escapeMrkdwn(o.title)}`,
        ...o.items.map((i) => `• ${escapeMrkdwn(digestItemLine(i, documents))}`),
      ];
      return section(lines.join('\n').slice(0, SLACK_LIMITS.sectionText));
    }),
  ];
  if (person.objectives.length > MAX_OBJECTIVES)
    blocks.push(section(moreLabel(person.objectives.length - MAX_OBJECTIVES)));
  return { text: `${title}: ${l.personHeader(person.person, person.items)}`, blocks };
}
