/**
 * Staff tools over HTTP, beside the chat (all GET, JSON):
 *   /api/staff/person?name=&days=&today=   the "I miei obiettivi" view and the deadline digest of a named person
 *   /api/staff/checks                      the plan checks (`npm run check-plans`)
 *   /api/staff/chart?ref=[&ifany=1]        a chart: a project code, an objective code, "cdr 85", "aree"
 * `authorize` decides who is staff (the server's staff login); refused requests get 403.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { AnswerEngine } from '../answer/answer.ts';
import { chartData, chartRequestFor } from '../charts/chart-data.ts';
import { CHART_INTENTS } from '../charts/chart-intents.ts';
import { chartSvg } from '../charts/render-chart.ts';
import { textAlternative } from '../charts/text-alternative.ts';
import { checksJson } from '../checks/format-checks.ts';
import { runPlanChecks } from '../checks/run-checks.ts';
import { withReadableSources } from '../citations/label-citations.ts';
import { sourceLabel } from '../citations/source-label.ts';
import { type Clock, isIsoDay, isoDay } from '../clock.ts';
import { buildDigest, matchPerson } from '../digest/build-digest.ts';
import { digestJson } from '../digest/digest-json.ts';
import type { Logger } from '../logger.ts';
import { sendError, sendJson } from './json-response.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface StaffRouteDeps {
  engine: AnswerEngine;
  clock: Clock;
  timeZone: string;
  log: Logger;
  /** true when the request comes from staff; defaults to the same trust as the staff chat */
  authorize?: (req: IncomingMessage) => boolean;
}

const PersonQuery = z.object({
  name: z.string().trim().min(2, 'name: at least two characters').max(200),
  days: z.coerce.number().int().min(1).max(366).default(30),
  today: z.string().refine(isIsoDay, 'today must be YYYY-MM-DD').optional(),
});
const ChartQuery = z.object({
  ref: z.string().trim().min(1, 'ref is required').max(200),
  /** "1": nothing to draw is 204 No Content (a chart offered under an answer), not 404 */
  ifany: z.enum(['0', '1']).default('0'),
  /** the intent of the answer the chart would go under: only those a chart says more for get one */
  intent: z.string().max(100).optional(),
});

export function staffRoutes(deps: StaffRouteDeps): Record<string, { method: 'GET'; handle: Handler }> {
  const guarded =
    (handle: (url: URL, res: ServerResponse) => Promise<void>): Handler =>
    async (req, res) => {
      req.resume();
      if (deps.authorize && !deps.authorize(req))
        return sendError(res, 403, 'FORBIDDEN', 'Staff tools need the staff login.');
      const store = deps.engine.planStore;
      if (!store) return sendError(res, 503, 'ENGINE_UNAVAILABLE', 'No plan model is loaded.');
      try {
        await handle(new URL(req.url ?? '/', 'http://localhost'), res);
      } catch (error) {
        deps.log.error('staff tool failed', { path: req.url, error: (error as Error).message });
        sendError(res, 500, 'INTERNAL', 'Internal error.');
      }
    };
  const params = (url: URL) => Object.fromEntries(url.searchParams);
  const documents = (file: string) => deps.engine.planStore?.documentOf(file);

  return {
    '/api/staff/person': {
      method: 'GET',
      handle: guarded(async (url, res) => {
        const q = PersonQuery.safeParse(params(url));
        if (!q.success) return sendError(res, 400, 'BAD_REQUEST', q.error.issues[0]?.message ?? 'Invalid request');
        const store = deps.engine.planStore!;
        const person = matchPerson(store, q.data.name);
        const overview = person ? deps.engine.personOverview(person.name) : null;
        if (!person || !overview)
          return sendError(res, 404, 'NOT_FOUND', `Nessuna persona dei piani corrisponde a «${q.data.name}».`);
        const today = q.data.today ?? isoDay(deps.clock.now(), deps.timeZone);
        const digest = buildDigest(store, { today, days: q.data.days, person: person.name });
        sendJson(res, 200, {
          person: person.name,
          overview: {
            ...overview,
            objectives: overview.objectives.map((o) => ({ ...o, source: sourceLabel({ doc: o.doc }, documents) })),
            projects: overview.projects.map((p) => ({ ...p, source: sourceLabel({ doc: p.doc }, documents) })),
          },
          digest: digestJson(digest, documents),
        });
      }),
    },
    '/api/staff/checks': {
      method: 'GET',
      handle: guarded(async (_url, res) => {
        sendJson(res, 200, checksJson(runPlanChecks(deps.engine.planStore!), documents));
      }),
    },
    '/api/staff/chart': {
      method: 'GET',
      handle: guarded(async (url, res) => {
        const q = ChartQuery.safeParse(params(url));
        if (!q.success) return sendError(res, 400, 'BAD_REQUEST', q.error.issues[0]?.message ?? 'Invalid request');
        const store = deps.engine.planStore!;
        const wanted = q.data.intent === undefined || CHART_INTENTS.has(q.data.intent);
        const request = wanted ? chartRequestFor(store, q.data.ref) : null;
        const result = request ? chartData(store, request) : null;
        if (!request || !result?.ok) {
          if (q.data.ifany === '1') {
            res.writeHead(204, { 'cache-control': 'no-store' });
            return void res.end();
          }
          return sendError(
            res,
            404,
            'NOT_FOUND',
            result && !result.ok ? result.reason : `Nessun grafico per «${q.data.ref}».`,
          );
        }
        const labelled = withReadableSources(
          { answer: '', citations: result.chart.citations, lang: 'it', found: true, intent: 'chart', focus: [] },
          documents,
        );
        sendJson(res, 200, {
          request,
          title: result.chart.title,
          svg: await chartSvg(result.chart),
          alternative: textAlternative(result.chart),
          citations: labelled.citations,
        });
      }),
    },
  };
}
