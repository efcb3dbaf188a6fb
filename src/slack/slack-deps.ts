import { randomBytes } from 'node:crypto';
import type { AnswerEngine } from '../answer/answer.ts';
import { type Clock, systemClock } from '../clock.ts';
import { DigestSubscriptions } from '../digest/digest-subscriptions.ts';
import type { FeedbackStore } from '../feedback/feedback-store.ts';
import type { Logger } from '../logger.ts';
import { type PersonMatchMode, SlackPeople } from '../people/slack-people.ts';
import { AnswerStore } from './answer-store.ts';
import { Dedupe } from './dedupe.ts';
import { ThreadMemory } from './thread-memory.ts';

/** Everything the listeners share; built once per app so tests can inject ids and inspect memory. */
export interface SlackDeps {
  engine: AnswerEngine;
  feedback: FeedbackStore;
  log: Logger;
  threads: ThreadMemory;
  answers: AnswerStore;
  dedupe: Dedupe;
  /** id of a posted answer (feedback buttons refer to it) */
  newAnswerId(): string;
  /** short reference shown with an error message and written to the logs */
  newErrorRef(): string;
  clock: Clock;
  timeZone: string;
  /** which person of the plans a Slack user is (confirmed table in DATA_DIR, or the profile name) */
  people: SlackPeople;
  /** who opted in to the weekly digest, when and for how many days ahead */
  digests: DigestSubscriptions;
}

export interface SlackDepsSettings {
  dataDir: string;
  personMatch: PersonMatchMode;
}

export function createSlackDeps(
  base: Pick<SlackDeps, 'engine' | 'feedback' | 'log'> & Partial<Omit<SlackDeps, 'engine' | 'feedback' | 'log'>>,
  settings: SlackDepsSettings,
): SlackDeps {
  const engine = base.engine;
  return {
    clock: systemClock,
    timeZone: 'Europe/Rome',
    people: new SlackPeople(
      settings.dataDir,
      settings.personMatch,
      (name) => engine.personOverview(name)?.person ?? null,
    ),
    digests: new DigestSubscriptions(settings.dataDir),
    threads: new ThreadMemory(),
    answers: new AnswerStore(),
    dedupe: new Dedupe(),
    newAnswerId: () => `ans_${randomBytes(6).toString('hex')}`,
    newErrorRef: () => `ERR-${randomBytes(3).toString('hex').toUpperCase()}`,
    ...base,
  };
}
