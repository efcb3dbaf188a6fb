import { randomBytes } from 'node:crypto';
import type { AnswerEngine } from '../answer/answer.ts';
import { type Clock, systemClock } from '../clock.ts';
import { type DigestSubscriptionStore, DigestSubscriptions } from '../digest/digest-subscriptions.ts';
import type { FeedbackLog } from '../feedback/feedback-store.ts';
import type { Logger } from '../logger.ts';
import { type PersonMatchMode, SlackPeople } from '../people/slack-people.ts';
import { FileSlackUserTable, type SlackUserTable } from '../people/slack-user-table.ts';
import { type ChannelScopeStore, FileChannelScopeStore } from '../scope/channel-scope-store.ts';
import { ChannelScopes } from '../scope/channel-scopes.ts';
import { AnswerStore, type PostedAnswers } from './answer-store.ts';
import { Dedupe, type DeliveryClaims } from './dedupe.ts';
import { type ThreadHistory, ThreadMemory } from './thread-memory.ts';

/** Everything the listeners share; built once per app so tests can inject ids and inspect memory. */
export interface SlackDeps {
  engine: AnswerEngine;
  feedback: FeedbackLog;
  log: Logger;
  threads: ThreadHistory;
  answers: PostedAnswers;
  dedupe: DeliveryClaims;
  /** id of a posted answer (feedback buttons refer to it) */
  newAnswerId(): string;
  /** short reference shown with an error message and written to the logs */
  newErrorRef(): string;
  clock: Clock;
  timeZone: string;
  /** which person of the plans a Slack user is (confirmed table in DATA_DIR, or the profile name) */
  people: SlackPeople;
  /** who opted in to the weekly digest, when and for how many days ahead */
  digests: DigestSubscriptionStore;
  /** per-channel scopes (`/piani ambito`); null without a plan model to resolve them against */
  scopes: ChannelScopes | null;
}

export interface SlackDepsSettings {
  dataDir: string;
  personMatch: PersonMatchMode;
  /** administrators' channel scopes: channel id → "ente o piano [anno]" */
  adminScopes?: Record<string, string>;
  /** where `/piani ambito` keeps scopes: PostgreSQL when that store is on; DATA_DIR/scope/channels.json otherwise */
  scopeStore?: ChannelScopeStore;
  /** where confirmed person ↔ Slack user rows are kept: PostgreSQL when on; DATA_DIR/people/slack-users.json otherwise */
  userTable?: SlackUserTable;
  /** who opted in to the digest: PostgreSQL when on; DATA_DIR/digest/subscriptions.json otherwise */
  digestStore?: DigestSubscriptionStore;
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
      settings.userTable ?? new FileSlackUserTable(settings.dataDir),
      settings.personMatch,
      (name) => engine.personOverview(name)?.person ?? null,
    ),
    digests: settings.digestStore ?? new DigestSubscriptions(settings.dataDir),
    scopes: engine.planStore
      ? new ChannelScopes(
          settings.scopeStore ?? new FileChannelScopeStore(settings.dataDir),
          () => engine.planStore?.model.documents ?? [],
          settings.adminScopes,
        )
      : null,
    threads: new ThreadMemory(),
    answers: new AnswerStore(),
    dedupe: new Dedupe(),
    newAnswerId: () => `ans_${randomBytes(6).toString('hex')}`,
    newErrorRef: () => `ERR-${randomBytes(3).toString('hex').toUpperCase()}`,
    ...base,
  };
}
