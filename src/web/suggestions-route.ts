import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { AnswerEngine } from '../answer/answer.ts';
import type { Logger } from '../logger.ts';
import { sendError, sendJson } from './json-response.ts';
import type { StaffAccess } from './staff-access.ts';

const SuggestionsQuery = z.object({ lang: z.enum(['it', 'en']).default('it') });

/**
 * GET /api/suggestions?lang=it|en → {lang, questions}: the questions the page offers as buttons, built by the engine
 * from the plans it serves now (their codes and people) for the caller's audience, so a suggestion never names a
 * record another deployment does not hold. An engine that cannot build them gives an empty list: the page keeps its
 * own plan-independent ones.
 */
export function suggestionsRoute(deps: { engine: AnswerEngine; access: StaffAccess; log: Logger }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const params = Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
    const parsed = SuggestionsQuery.safeParse(params);
    if (!parsed.success) return sendError(res, 400, 'BAD_REQUEST', 'lang must be "it" or "en".');
    const { lang } = parsed.data;
    try {
      const questions = (await deps.engine.suggestions?.(lang, deps.access.audienceOf(req))) ?? [];
      sendJson(res, 200, { lang, questions });
    } catch (error) {
      deps.log.error('web suggestions failed', { error: (error as Error).message });
      sendJson(res, 200, { lang, questions: [] });
    }
  };
}
