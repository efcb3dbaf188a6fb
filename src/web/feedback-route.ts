import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnswerIds } from '../feedback/answer-ids.ts';
import type { FeedbackLog } from '../feedback/feedback-store.ts';
import type { Logger } from '../logger.ts';
import { describeIssues, FeedbackRequestSchema } from './api-schemas.ts';
import { sendBodyError } from './body-errors.ts';
import { sendError, sendJson } from './json-response.ts';
import type { RateLimit } from './rate-limit.ts';
import { readJsonBody } from './request-body.ts';
import type { StaffAccess } from './staff-access.ts';

/**
 * POST /api/feedback {answerId, vote, question, answer, clientId} → {recorded}. The answer id must be one this server
 * signed when it gave the answer (400 UNKNOWN_ANSWER otherwise), and the channel is the one recorded in it. An answer
 * was given to one asker, so it takes one vote: a second one (a double click, another client id) is not an error, it
 * is simply not counted (`recorded: false`). Votes are rate-limited per client id and per address (429).
 */
export function feedbackRoute(deps: {
  feedback: FeedbackLog;
  answerIds: AnswerIds;
  rateLimit: RateLimit;
  access: StaffAccess;
  log: Logger;
}) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readJsonBody(req);
    if (!body.ok) return sendBodyError(res, body.reason);
    const parsed = FeedbackRequestSchema.safeParse(body.value);
    if (!parsed.success) {
      const details = describeIssues(parsed.error);
      return sendError(res, 400, 'BAD_REQUEST', details[0] ?? 'Invalid request', { details });
    }
    const { answerId, vote, question, answer, clientId } = parsed.data;
    const issued = deps.answerIds.verify(answerId);
    if (!issued) {
      return sendError(res, 400, 'UNKNOWN_ANSWER', '"answerId" does not name an answer this server gave.');
    }
    const allowed = deps.rateLimit.take([`client:${clientId}`, `address:${deps.access.addressOf(req)}`]);
    if (!allowed.ok) {
      const seconds = String(Math.max(1, Math.ceil(allowed.retryAfterMs / 1000)));
      return sendError(res, 429, 'RATE_LIMITED', 'Too many votes; try again later.', {
        headers: { 'retry-after': seconds },
      });
    }
    const { channel } = issued;
    const recorded =
      !(await deps.feedback.hasVoteOn(answerId)) &&
      (await deps.feedback.record({ channel, user: clientId, answerId, vote, question, answer }));
    deps.log.info('web feedback', { channel, answerId, vote, recorded });
    sendJson(res, 200, { recorded });
  };
}

/**
 * GET /api/stats → satisfaction counts for anyone; the texts of the latest negative votes (citizens' questions may
 * hold personal data, staff answers hold allocations) only for the staff audience. Client ids are never shown.
 */
export function statsRoute(deps: { feedback: FeedbackLog; access: StaffAccess }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const s = await deps.feedback.summary();
    const total = s.up + s.down;
    const counts = {
      up: s.up,
      down: s.down,
      total,
      satisfaction: total ? Math.round((s.up / total) * 1000) / 1000 : null,
      byChannel: s.byChannel,
    };
    if (deps.access.audienceOf(req) !== 'staff') return sendJson(res, 200, counts);
    sendJson(res, 200, {
      ...counts,
      latestNegative: s.latestNegative.map(({ at, channel, question, answer }) => ({ at, channel, question, answer })),
    });
  };
}
