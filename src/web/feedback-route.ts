import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FeedbackLog } from '../feedback/feedback-store.ts';
import type { Logger } from '../logger.ts';
import { describeIssues, FeedbackRequestSchema } from './api-schemas.ts';
import { sendBodyError } from './body-errors.ts';
import { sendError, sendJson } from './json-response.ts';
import { readJsonBody } from './request-body.ts';

/**
 * POST /api/feedback {answerId, vote, question, answer, clientId, channel?} → {recorded}. A second vote from the same
 * client on the same answer is not an error (a double click), it is simply not counted: `recorded: false`.
 */
export function feedbackRoute(deps: { feedback: FeedbackLog; log: Logger }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readJsonBody(req);
    if (!body.ok) return sendBodyError(res, body.reason);
    const parsed = FeedbackRequestSchema.safeParse(body.value);
    if (!parsed.success) {
      const details = describeIssues(parsed.error);
      return sendError(res, 400, 'BAD_REQUEST', details[0] ?? 'Invalid request', { details });
    }
    const { answerId, vote, question, answer, clientId, channel } = parsed.data;
    const recorded = await deps.feedback.record({ channel, user: clientId, answerId, vote, question, answer });
    deps.log.info('web feedback', { channel, answerId, vote, recorded });
    sendJson(res, 200, { recorded });
  };
}

/**
 * GET /api/stats → satisfaction summary. Client ids are left out: the page is open to anyone, the votes are anonymous.
 */
export function statsRoute(deps: { feedback: FeedbackLog }) {
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const s = await deps.feedback.summary();
    const total = s.up + s.down;
    sendJson(res, 200, {
      up: s.up,
      down: s.down,
      total,
      satisfaction: total ? Math.round((s.up / total) * 1000) / 1000 : null,
      byChannel: s.byChannel,
      latestNegative: s.latestNegative.map(({ at, channel, question, answer }) => ({ at, channel, question, answer })),
    });
  };
}
