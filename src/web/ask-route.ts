import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnswerEngine } from '../answer/answer.ts';
import { PianobotError } from '../errors.ts';
import type { AnswerIds } from '../feedback/answer-ids.ts';
import type { Logger } from '../logger.ts';
import { AskRequestSchema, describeIssues } from './api-schemas.ts';
import { sendBodyError } from './body-errors.ts';
import { sendError, sendJson } from './json-response.ts';
import { toApiAnswer } from './public-answer.ts';
import { readJsonBody } from './request-body.ts';
import { decideAudience, type StaffAccess } from './staff-access.ts';

/** Only the last few turns matter for a follow-up; older ones would only slow the engine down. */
const HISTORY_TURNS = 6;

/**
 * POST /api/ask {q, audience?, history?} → {answer, citations, lang, found, answerId, intent, focus, audience}. The
 * audience is the one the server grants the caller (staff only with the staff login); `audience` in the body can
 * only lower it.
 */
export function askRoute(deps: { engine: AnswerEngine; log: Logger; access: StaffAccess; answerIds: AnswerIds }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readJsonBody(req);
    if (!body.ok) return sendBodyError(res, body.reason);
    const parsed = AskRequestSchema.safeParse(body.value);
    if (!parsed.success) {
      const details = describeIssues(parsed.error);
      return sendError(res, 400, 'BAD_REQUEST', details[0] ?? 'Invalid request', { details });
    }
    const { q, history } = parsed.data;
    const audience = decideAudience(deps.access.audienceOf(req), parsed.data.audience);
    const started = performance.now();
    try {
      const answer = await deps.engine.ask(q, { audience, history: history.slice(-HISTORY_TURNS) });
      const answerId = deps.answerIds.issue(audience === 'public' ? 'helpdesk' : 'web');
      deps.log.info('web answer', {
        answerId,
        audience,
        intent: answer.intent,
        found: answer.found,
        citations: answer.citations.length,
        ms: Math.round(performance.now() - started),
      });
      sendJson(res, 200, { ...toApiAnswer(answer, audience, answerId), audience });
    } catch (error) {
      if (error instanceof PianobotError && (error.code === 'INDEX_MISSING' || error.code === 'LLM_UNAVAILABLE')) {
        deps.log.warn('web answer unavailable', { code: error.code, message: error.message });
        return sendError(res, 503, 'ENGINE_UNAVAILABLE', error.message);
      }
      deps.log.error('web answer failed', { error: (error as Error).message, stack: (error as Error).stack });
      sendError(res, 500, 'INTERNAL', 'The question could not be answered because of an internal error.');
    }
  };
}
