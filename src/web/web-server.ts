/**
 * HTTP surface of pianobot (no framework: node:http).
 *
 *   GET  /               staff chat            GET  /helpdesk      citizens' help desk (public answers only)
 *   POST /api/ask        {q, audience?: "public", history?}
 *                        → 200 {answer, citations, lang, found, answerId, intent, focus, audience}
 *   GET  /api/session    → {audience, staffLogin: "open" | "token" | "proxy" | "off"}
 *   GET  /api/health     → {status: "ok" | "degraded" | "empty", reasons?, documents, objectives, projects, chunks, builtAt}
 *   GET  /api/suggestions?lang=it|en → {lang, questions}: suggested questions built from the plans served now
 *   POST /api/feedback   {answerId, vote: "up" | "down", question, answer, clientId} → {recorded}
 *   GET  /api/stats      → {up, down, total, satisfaction, byChannel, latestNegative (staff only)}
 *
 * The audience is the server's decision (see staff-access.ts), never the request body's. Every bad request body is a
 * 400 {error: {code, message}}: BAD_REQUEST (missing / empty q, wrong field), INVALID_JSON, BODY_TOO_LARGE (over
 * 16 KB), UNKNOWN_ANSWER (a vote on an answer this server did not give); a POST body that is not JSON is 415
 * (a form or text/plain post from another site cannot reach the API); too many votes is 429; a wrong method is 405
 * with Allow; the engine failing is 503 ENGINE_UNAVAILABLE (index missing, LLM down) or 500 INTERNAL.
 * With HELPDESK_ONLY only the help desk page, its assets and the API (public audience) are served.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AnswerEngine } from '../answer/answer.ts';
import type { Config } from '../config.ts';
import { AnswerIds } from '../feedback/answer-ids.ts';
import type { FeedbackLog } from '../feedback/feedback-store.ts';
import { type Logger, silentLogger } from '../logger.ts';
import { askRoute } from './ask-route.ts';
import { feedbackRoute, statsRoute } from './feedback-route.ts';
import { healthRoute } from './health-route.ts';
import { sendError, sendJson } from './json-response.ts';
import { RateLimit } from './rate-limit.ts';
import { createStaffAccess, type StaffLogin } from './staff-access.ts';
import { staffRoutes } from './staff-routes.ts';
import { loadStaticAssets, SECURITY_HEADERS, type StaticAsset } from './static-assets.ts';
import { suggestionsRoute } from './suggestions-route.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface WebServer {
  url: string;
  port: number;
  /** how staff log in; `off` with `staffOffReason` when nobody can be staff on this server */
  staffLogin: StaffLogin;
  staffOffReason?: string;
  stop(): Promise<void>;
}

/** The pages: the staff chat at "/", the citizens' help desk at "/helpdesk". */
const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/helpdesk': 'helpdesk.html',
  '/helpdesk/': 'helpdesk.html',
};
/** A public deployment serves the help desk alone; its home is the help desk. */
const HELPDESK_PAGES: Record<string, string> = { '/helpdesk': 'helpdesk.html', '/helpdesk/': 'helpdesk.html' };

/** Votes allowed per client id and per address in a window: plenty for a person, little for a script. */
export const VOTE_LIMIT = { limit: 30, windowMs: 10 * 60_000 };

const isJson = (type: string | undefined) => /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type ?? '');

/**
 * The local web chat for staff, the citizens' help desk and the JSON API, all answered by one engine.
 * Listens on config.host:config.port (port 0 picks a free port, for tests) and resolves once listening.
 */
export async function startWebServer(deps: {
  config: Config;
  engine: AnswerEngine;
  feedback: FeedbackLog;
  log?: Logger;
  /** who may use the staff tools (/api/staff/*); without it they are as open as the staff chat */
  authorizeStaff?: (req: IncomingMessage) => boolean;
  /** the clock of the vote rate limit (tests step it) */
  now?: () => number;
}): Promise<WebServer> {
  const log = deps.log ?? silentLogger;
  const assets = loadStaticAssets();
  const access = createStaffAccess(deps.config);
  const answerIds = new AnswerIds(deps.config.feedback.secret);
  const rateLimit = new RateLimit({ ...VOTE_LIMIT, now: deps.now ?? Date.now });
  const pages = deps.config.helpdeskOnly ? HELPDESK_PAGES : PAGES;
  const api: Record<string, { method: 'GET' | 'POST'; handle: Handler }> = {
    '/api/ask': { method: 'POST', handle: askRoute({ engine: deps.engine, log, access, answerIds }) },
    '/api/feedback': {
      method: 'POST',
      handle: feedbackRoute({ feedback: deps.feedback, answerIds, rateLimit, access, log }),
    },
    '/api/health': { method: 'GET', handle: healthRoute({ engine: deps.engine, log }) },
    '/api/suggestions': { method: 'GET', handle: suggestionsRoute({ engine: deps.engine, access, log }) },
    '/api/stats': { method: 'GET', handle: statsRoute({ feedback: deps.feedback, access }) },
    '/api/session': {
      method: 'GET',
      handle: async (req, res) => sendJson(res, 200, { audience: access.audienceOf(req), staffLogin: access.login }),
    },
    // the staff tools are for whoever the server's staff login lets in (the staff audience)
    ...staffRoutes({
      engine: deps.engine,
      clock: deps.config.clock,
      timeZone: deps.config.timeZone,
      log,
      authorize: deps.authorizeStaff ?? ((req) => access.audienceOf(req) === 'staff'),
    }),
  };

  const server = createServer(async (req, res) => {
    const started = performance.now();
    res.on('finish', () =>
      log.debug('web request', {
        method: req.method,
        path: req.url,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      }),
    );
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    try {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const route = api[path];
      if (route) {
        if (req.method !== route.method) {
          req.resume();
          return sendError(res, 405, 'METHOD_NOT_ALLOWED', `${path} accepts ${route.method} only.`, {
            headers: { allow: route.method },
          });
        }
        if (route.method === 'POST' && !isJson(req.headers['content-type'])) {
          req.resume();
          return sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', `${path} accepts application/json bodies only.`);
        }
        return await route.handle(req, res);
      }
      if (path.startsWith('/api/')) {
        req.resume();
        return sendError(res, 404, 'NOT_FOUND', `No API endpoint at ${path}.`);
      }
      if (path === '/' && deps.config.helpdeskOnly) {
        req.resume();
        res.writeHead(302, { location: '/helpdesk' });
        return res.end();
      }
      const asset = assetFor(path, assets, pages);
      if (!asset) return sendPlain(res, 404, 'Pagina non trovata.');
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        req.resume();
        return sendPlain(res, 405, 'Metodo non consentito.', { allow: 'GET, HEAD' });
      }
      res.writeHead(200, {
        'content-type': asset.type,
        'content-length': asset.body.length,
        'cache-control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : asset.body);
    } catch (error) {
      if (isClientAbort(error, req)) {
        // a client that hangs up mid-request is routine (a closed tab, a half-open socket): no stack, no alarm
        log.debug('web request aborted by the client', { path: req.url });
        if (!res.headersSent) res.destroy();
        return;
      }
      log.error('web request failed', {
        path: req.url,
        error: (error as Error).message,
        stack: (error as Error).stack,
      });
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Internal error.');
      else res.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.config.port, deps.config.host || undefined, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${displayHost(deps.config.host)}:${port}`;
  log.info('web server listening', { url, staffLogin: access.login });
  if (access.offReason) log.warn('staff audience off', { reason: access.offReason });

  return {
    url,
    port,
    staffLogin: access.login,
    ...(access.offReason ? { staffOffReason: access.offReason } : {}),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // idle keep-alive connections (a browser tab) would otherwise hold close() open
        server.closeAllConnections();
      }),
  };
}

function assetFor(
  path: string,
  assets: Map<string, StaticAsset>,
  pages: Record<string, string>,
): StaticAsset | undefined {
  const page = pages[path];
  if (page) return assets.get(page);
  if (!path.startsWith('/assets/')) return undefined;
  const name = path.slice('/assets/'.length);
  // pages are reached by their own paths only, so each page has a single address
  return name.endsWith('.html') ? undefined : assets.get(name);
}

function sendPlain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

/** The request stream failed because the client went away (ECONNRESET, "aborted"), not because of a bug here. */
function isClientAbort(error: unknown, req: IncomingMessage): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return req.destroyed || code === 'ECONNRESET' || code === 'ECONNABORTED' || (error as Error)?.message === 'aborted';
}

/** A wildcard address is not something a person can open: show localhost instead. */
function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
