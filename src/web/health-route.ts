import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnswerEngine } from '../answer/answer.ts';
import type { Logger } from '../logger.ts';
import { sendJson } from './json-response.ts';

/**
 * GET /api/health → {status, reasons?, documents, objectives, projects, chunks, builtAt}. `empty` when no plan is
 * indexed; `degraded` when the index does not match the plans folder — a file skipped, a plan served from its last
 * good version, the plans not ingestible at all — with one reason per problem; `ok` otherwise.
 */
export function healthRoute(deps: { engine: AnswerEngine; log: Logger }) {
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const { problems, ...h } = deps.engine.health();
      const status = h.documents === 0 ? 'empty' : problems?.length ? 'degraded' : 'ok';
      sendJson(res, 200, { status, ...(problems?.length ? { reasons: problems.map((p) => p.message) } : {}), ...h });
    } catch (error) {
      deps.log.error('web health failed', { error: (error as Error).message });
      sendJson(res, 503, { status: 'error', message: (error as Error).message });
    }
  };
}
