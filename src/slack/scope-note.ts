import type { ActiveScope } from '../scope/channel-scopes.ts';
import { escapeMrkdwn } from './blocks/mrkdwn.ts';

/** The footer every answer in a scoped channel carries, so nobody mistakes a narrowed answer for the whole picture. */
export function scopeNote(scope: ActiveScope | null): { note?: string } {
  return scope ? { note: `🔎 Ambito del canale: ${escapeMrkdwn(scope.label)} · \`/piani ambito\` per cambiarlo` } : {};
}
