import type { ServerResponse } from 'node:http';

/** Stable codes of the HTTP API's errors; clients branch on `error.code`, people read `error.message`. */
export type WebErrorCode =
  | 'BAD_REQUEST'
  | 'INVALID_JSON'
  | 'BODY_TOO_LARGE'
  | 'METHOD_NOT_ALLOWED'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNKNOWN_ANSWER'
  | 'RATE_LIMITED'
  | 'ENGINE_UNAVAILABLE'
  | 'INTERNAL';

export interface WebErrorBody {
  error: { code: WebErrorCode; message: string; details?: string[] };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  code: WebErrorCode,
  message: string,
  extra: { details?: string[]; headers?: Record<string, string> } = {},
): void {
  const body: WebErrorBody = { error: { code, message, ...(extra.details ? { details: extra.details } : {}) } };
  sendJson(res, status, body, extra.headers);
}
