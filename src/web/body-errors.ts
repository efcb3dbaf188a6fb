import type { ServerResponse } from 'node:http';
import type { WebErrorCode } from './json-response.ts';
import { sendError } from './json-response.ts';
import { type JsonBody, MAX_BODY_BYTES } from './request-body.ts';

type BodyProblem = Extract<JsonBody, { ok: false }>['reason'];

const PROBLEMS: Record<BodyProblem, { code: WebErrorCode; message: string }> = {
  too_large: { code: 'BODY_TOO_LARGE', message: `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.` },
  empty: { code: 'INVALID_JSON', message: 'The request body is empty; send a JSON object such as {"q": "…"}.' },
  invalid_json: {
    code: 'INVALID_JSON',
    message: 'The request body is not valid JSON; send a JSON object such as {"q": "…"}.',
  },
};

/**
 * A body the API cannot read is a client mistake, so it is a 400 whatever the reason, also when it is too large: one
 * status for all bad input keeps clients simple, and `error.code` tells the reasons apart.
 */
export function sendBodyError(res: ServerResponse, reason: BodyProblem): void {
  const { code, message } = PROBLEMS[reason];
  // an oversized body is not read to the end; closing the connection stops the client from sending the rest
  sendError(res, 400, code, message, reason === 'too_large' ? { headers: { connection: 'close' } } : {});
}
