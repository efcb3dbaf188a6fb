import type { types } from '@slack/bolt';
import type { PersonOverview } from '../../answer/answer.ts';
import { section } from './answer-blocks.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { type Block, fitBlocks, moreLabel, SLACK_LIMITS, type Unit } from './slack-limits.ts';

export type HomeView = types.HomeView;

const MAX_INDICATORS = 5;

const HOW_TO_ASK =
  'Per chiedermi qualcosa: scrivimi nella scheda *Messaggi*, menzionami con `@pianobot` in un canale ' +
  'oppure usa `/piani obiettivi di Cognome Nome`.';

function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: text.slice(0, SLACK_LIMITS.headerText), emoji: true } };
}

/** The Home tab "I miei obiettivi": the objectives and projects of the person matching the Slack profile name. */
export function homeView(profileName: string, overview: PersonOverview | null, extra: Block[] = []): HomeView {
  if (!overview || (overview.objectives.length === 0 && overview.projects.length === 0)) {
    return {
      type: 'home',
      blocks: [
        header('I miei obiettivi'),
        ...extra,
        section(
          `Non ho trovato *${escapeMrkdwn(profileName || 'il tuo nome')}* tra le persone citate nei piani caricati ` +
            '(cerco cognome e nome come nel profilo Slack).',
        ),
        section(HOW_TO_ASK),
      ],
    };
  }
  const units: Unit[] = [];
  for (const o of overview.objectives) {
    const lines = [`*${escapeMrkdwn(o.code)}* — ${escapeMrkdwn(o.title)}`];
    if (o.nextDeadline) {
      lines.push(
        `⏰ Prossima scadenza: *${escapeMrkdwn(o.nextDeadline.date)}* — ${escapeMrkdwn(o.nextDeadline.title)}`,
      );
    }
    const indicators = o.indicators.slice(0, MAX_INDICATORS).map((i) => {
      const target = i.target ? ` — atteso: *${escapeMrkdwn(i.target)}*` : '';
      return `• ${escapeMrkdwn(i.description)}${target}`;
    });
    if (indicators.length) lines.push('Indicatori:', ...indicators);
    if (o.indicators.length > MAX_INDICATORS) lines.push(moreLabel(o.indicators.length - MAX_INDICATORS));
    lines.push(`📄 ${escapeMrkdwn(o.doc)}`);
    units.push({ block: section(lines.join('\n')), items: 1 });
  }
  if (overview.projects.length) {
    units.push({ block: header('Progetti'), items: 0 });
    for (const p of overview.projects) {
      const role = [p.relation, p.commitment ? `impegno ${p.commitment}` : undefined].filter(Boolean).join(' · ');
      const lines = [`*${escapeMrkdwn(p.code)}* — ${escapeMrkdwn(p.title)}`];
      if (role) lines.push(escapeMrkdwn(role));
      lines.push(`📄 ${escapeMrkdwn(p.doc)}`);
      units.push({ block: section(lines.join('\n')), items: 1 });
    }
  }
  const head: Block[] = [
    header('I miei obiettivi'),
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Obiettivi e progetti in cui compare *${escapeMrkdwn(overview.person)}*` }],
    },
    ...extra,
  ];
  const footer: Block[] = [{ type: 'divider' }, section(HOW_TO_ASK)];
  const body = fitBlocks(units, footer, {
    maxBlocks: SLACK_LIMITS.blocksPerView - head.length,
    maxChars: Number.POSITIVE_INFINITY,
  });
  return { type: 'home', blocks: [...head, ...body] };
}

/** Shown in the Home tab when building it failed; `ref` is also in the logs. */
export function homeErrorView(ref: string): HomeView {
  return {
    type: 'home',
    blocks: [
      header('I miei obiettivi'),
      section(`⚠️ Non riesco a mostrare i tuoi obiettivi in questo momento. Riferimento: \`${ref}\`.`),
      section(HOW_TO_ASK),
    ],
  };
}
