import type { DigestSubscription } from '../../digest/digest-subscriptions.ts';
import type { PersonMatch } from '../../people/slack-people.ts';
import { section } from './answer-blocks.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import type { Block } from './slack-limits.ts';

export const HOME_ACTIONS = {
  confirmPerson: 'person_confirm',
  subscribe: 'digest_subscribe',
  unsubscribe: 'digest_unsubscribe',
  weekday: 'digest_weekday',
  hour: 'digest_hour',
  days: 'digest_days',
} as const;
export const DIGEST_SETTINGS_BLOCK = 'digest_settings';

const WEEKDAYS = ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'];
const HOURS = Array.from({ length: 15 }, (_, i) => i + 7);
const DAY_CHOICES = [7, 14, 30, 60];
export const DEFAULT_DIGEST = { weekday: 1, hour: 9, days: 14 } as const;

const option = (text: string, value: string) => ({ text: { type: 'plain_text' as const, text }, value });

/** "Sei Lotti Rosanna? Conferma": shown while the match comes from the Slack profile name only. */
export function personConfirmBlocks(match: PersonMatch): Block[] {
  if (match.confirmed) return [];
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `Sei *${escapeMrkdwn(match.person)}*? Ti ho riconosciuto dal nome del profilo Slack.`,
      },
      accessory: {
        type: 'button',
        action_id: HOME_ACTIONS.confirmPerson,
        text: { type: 'plain_text', text: 'Conferma' },
        value: match.person,
        style: 'primary',
      },
    },
  ];
}

/** The weekly digest opt-in: day, hour and days ahead, or what is set and a button to stop it. */
export function digestSettingsBlocks(person: string, sub: DigestSubscription | undefined): Block[] {
  const head = section('*🗓️ Riepilogo settimanale delle scadenze*');
  if (sub) {
    return [
      head,
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            `Attivo: ogni *${WEEKDAYS[sub.weekday - 1]}* alle *${sub.hour}:00* ti scrivo cosa è in scadenza nei ` +
            `prossimi *${sub.days} giorni* per *${escapeMrkdwn(sub.person)}*.`,
        },
        accessory: {
          type: 'button',
          action_id: HOME_ACTIONS.unsubscribe,
          text: { type: 'plain_text', text: 'Disattiva' },
          value: 'off',
        },
      },
    ];
  }
  return [
    head,
    section(
      `Vuoi ricevere ogni settimana, in un messaggio diretto, fasi e indicatori di *${escapeMrkdwn(person)}* ` +
        'in scadenza? Scegli giorno, ora e quanti giorni in avanti.',
    ),
    {
      type: 'actions',
      block_id: DIGEST_SETTINGS_BLOCK,
      elements: [
        {
          type: 'static_select',
          action_id: HOME_ACTIONS.weekday,
          options: WEEKDAYS.map((d, i) => option(d, String(i + 1))),
          initial_option: option(WEEKDAYS[DEFAULT_DIGEST.weekday - 1]!, String(DEFAULT_DIGEST.weekday)),
        },
        {
          type: 'static_select',
          action_id: HOME_ACTIONS.hour,
          options: HOURS.map((h) => option(`${h}:00`, String(h))),
          initial_option: option(`${DEFAULT_DIGEST.hour}:00`, String(DEFAULT_DIGEST.hour)),
        },
        {
          type: 'static_select',
          action_id: HOME_ACTIONS.days,
          options: DAY_CHOICES.map((d) => option(`prossimi ${d} giorni`, String(d))),
          initial_option: option(`prossimi ${DEFAULT_DIGEST.days} giorni`, String(DEFAULT_DIGEST.days)),
        },
        {
          type: 'button',
          action_id: HOME_ACTIONS.subscribe,
          text: { type: 'plain_text', text: 'Attiva' },
          value: person,
          style: 'primary',
        },
      ],
    },
  ];
}
