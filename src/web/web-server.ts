/**
 * HTTP surface of pianobot (no framework: node:http).
 *
 *   GET  /               staff chat            GET  /helpdesk      citizens' help desk (public answers only)
 *   POST /api/ask        {q, audience?: "staff" | "public" (default staff), history?}
 *                        → 200 {answer, citations, lang, found, answerId, intent, focus}
 *   GET  /api/health     → {status: "ok" | "empty", documents, objectives, projects, chunks, builtAt}
 *   POST /api/feedback   {answerId, vote: "up" | "down", question, answer, clientId, channel?: "helpdesk" | "web"}
 *                        → {recorded}
 *   GET  /api/stats      → {up, down, total, satisfaction, byChannel, latestNegative}
 *
 * Every bad request body is a 400 {error: {code, message}}: BAD_REQUEST (missing / empty q, wrong field), INVALID_JSON,
 * BODY_TOO_LARGE (over 16 KB); a wrong method is 405 with Allow; the engine failing is 503 ENGINE_UNAVAILABLE
 * (index missing, LLM down) or 500 INTERNAL.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AnswerEngine } from '../answer/answer.ts';
import type { Config } from '../config.ts';
import type { FeedbackStore } from '../feedback/feedback-store.ts';
import { type Logger, silentLogger } from '../logger.ts';
import { askRoute } from './ask-route.ts';
import { feedbackRoute, statsRoute } from './feedback-route.ts';
import { healthRoute } from './health-route.ts';
import { sendError } from './json-response.ts';
import { staffRoutes } from './staff-routes.ts';
import { loadStaticAssets, SECURITY_HEADERS, type StaticAsset } from './static-assets.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface WebServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The pages: the staff chat at "/", the citizens' help desk at "/helpdesk". */
const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/helpdesk': 'helpdesk.html',
  '/helpdesk/': 'helpdesk.html',
};

/**
 * The local web chat for staff, the citizens' help desk and the JSON API, all answered by one engine.
 * Listens on config.host:config.port (port 0 picks a free port, for tests) and resolves once listening.
 */
export async function startWebServer(deps: {
  config: Config;
  engine: AnswerEngine;
  feedback: FeedbackStore;
  log?: Logger;
  /** who may use the staff tools (/api/staff/*); without it they are as open as the staff chat */
  authorizeStaff?: (req: IncomingMessage) => boolean;
}): Promise<WebServer> {
  const log = deps.log ?? silentLogger;
  const assets = loadStaticAssets();
  const api: Record<string, { method: 'GET' | 'POST'; handle: Handler }> = {
    '/api/ask': { method: 'POST', handle: askRoute({ engine: deps.engine, log }) },
    '/api/feedback': { method: 'POST', handle: feedbackRoute({ feedback: deps.feedback, log }) },
    '/api/health': { method: 'GET', handle: healthRoute({ engine: deps.engine, log }) },
    '/api/stats': { method: 'GET', handle: statsRoute({ feedback: deps.feedback }) },
    ...staffRoutes({
      engine: deps.engine,
      clock: deps.config.clock,
      timeZone: deps.config.timeZone,
      log,
      ...(deps.authorizeStaff ? { authorize: deps.authorizeStaff } : {}),
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
        return await route.handle(req, res);
      }
      if (path.startsWith('/api/')) {
        req.resume();
        return sendError(res, 404, 'NOT_FOUND', `No API endpoint at ${path}.`);
      }
      const asset = assetFor(path, assets);
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
  log.info('web server listening', { url });

  return {
    url,
    port,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // idle keep-alive connections (a browser tab) would otherwise hold close() open
        server.closeAllConnections();
      }),
  };
}

function assetFor(path: string, assets: Map<string, StaticAsset>): StaticAsset | undefined {
  const page = PAGES[path];
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

/** A wildcard address is not something a person can open: show localhost instead. */
function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
