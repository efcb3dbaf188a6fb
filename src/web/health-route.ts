import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnswerEngine } from '../answer/answer.ts';
import type { Logger } from '../logger.ts';
import { sendJson } from './json-response.ts';

/** GET /api/health → {status, documents, objectives, projects, chunks, builtAt}; "empty" when no plan is indexed. */
export function healthRoute(deps: { engine: AnswerEngine; log: Logger }) {
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const h = deps.engine.health();
      sendJson(res, 200, { status: h.documents > 0 ? 'ok' : 'empty', ...h });
    } catch (error) {
      deps.log.error('web health failed', { error: (error as Error).message });
      sendJson(res, 503, { status: 'error', message: (error as Error).message });
    }
  };
}
