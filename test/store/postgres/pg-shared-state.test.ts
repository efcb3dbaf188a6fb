/**
 * The state replicas share through PostgreSQL, exercised from two pools as two replicas would: a delivery is claimed
 * once, a thread's turns are seen by both, a vote counts once per person and answer.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Answer } from '../../../src/answer/answer.ts';
import { createPool, migrate, type Pool } from '../../../src/store/postgres/database.ts';
import { PgFeedbackStore } from '../../../src/store/postgres/pg-feedback-store.ts';
import { PgDeliveryClaims, PgPostedAnswers, PgThreadHistory } from '../../../src/store/postgres/pg-slack-state.ts';
import { createThrowawayDatabase, describePostgres, type ThrowawayDatabase } from '../../support/postgres.ts';

const answer = (text: string, focus: string[] = []): Answer => ({
  answer: text,
  citations: [{ doc: 'piano.txt', lines: '3-4' }],
  lang: 'it',
  found: true,
  intent: 'project_budget',
  focus,
});

describePostgres('state shared by replicas in PostgreSQL', () => {
  let db: ThrowawayDatabase;
  let one: Pool;
  let two: Pool;

  beforeAll(async () => {
    db = await createThrowawayDatabase();
    one = createPool(db.url);
    two = createPool(db.url);
    await migrate(one);
  });
  afterAll(async () => {
    await one?.end();
    await two?.end();
    await db?.drop();
  });

  it('lets exactly one of two replicas claim a delivery they receive at the same time', async () => {
    const keys = ['event:Ev1', 'msg:C1:1700000000.000100'];
    const results = await Promise.all([new PgDeliveryClaims(one).claim(keys), new PgDeliveryClaims(two).claim(keys)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('refuses a retry that shares any key with a claimed delivery, and ignores empty keys', async () => {
    const claims = new PgDeliveryClaims(one);
    expect(await claims.claim(['event:Ev2', undefined, ''])).toBe(true);
    expect(await new PgDeliveryClaims(two).claim(['event:Ev2-retry-id', 'event:Ev2'])).toBe(false);
    expect(await claims.claim([undefined])).toBe(true);
  });

  it('forgets a delivery once its claim has expired', async () => {
    const shortLived = new PgDeliveryClaims(one, 0);
    expect(await shortLived.claim(['event:Ev3'])).toBe(true);
    expect(await shortLived.claim(['event:Ev3'])).toBe(true);
  });

  it('gives both replicas the same turns of a thread, oldest first, bounded', async () => {
    const a = new PgThreadHistory(one, 3);
    const b = new PgThreadHistory(two, 3);
    expect(await b.has('C1', '1.1')).toBe(false);
    for (const n of [1, 2, 3, 4])
      await a.remember('C1', '1.1', { question: `domanda ${n}`, answer: answer(`r${n}`, ['X']) });
    expect(await b.has('C1', '1.1')).toBe(true);
    const turns = await b.history('C1', '1.1');
    expect(turns.map((t) => t.question)).toEqual(['domanda 2', 'domanda 3', 'domanda 4']);
    expect(turns[2]?.answer).toEqual(answer('r4', ['X']));
    expect(await b.history('C1', 'other')).toEqual([]);
  });

  it('finds a posted answer by id from the other replica', async () => {
    await new PgPostedAnswers(one).remember('ans_1', { question: 'q', answer: answer('a') });
    expect(await new PgPostedAnswers(two).get('ans_1')).toEqual({ question: 'q', answer: answer('a') });
    expect(await new PgPostedAnswers(two).get('missing')).toBeUndefined();
  });

  it('counts one vote per person and answer, whichever replica records it', async () => {
    const vote = {
      channel: 'slack' as const,
      user: 'U1',
      answerId: 'ans_1',
      vote: 'down' as const,
      question: 'q',
      answer: 'a',
    };
    expect(await new PgFeedbackStore(one).record(vote)).toBe(true);
    expect(await new PgFeedbackStore(two).record({ ...vote, vote: 'up' })).toBe(false);
    expect(await new PgFeedbackStore(two).record({ ...vote, user: 'U2', vote: 'up' })).toBe(true);
    const summary = await new PgFeedbackStore(one).summary();
    expect(summary).toMatchObject({ up: 1, down: 1, byChannel: { slack: { up: 1, down: 1 } } });
    expect(summary.latestNegative).toEqual([expect.objectContaining({ user: 'U1', answerId: 'ans_1', question: 'q' })]);
  });
});
