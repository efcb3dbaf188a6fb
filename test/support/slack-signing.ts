import { createHmac } from 'node:crypto';

/** Slack's request signature: `v0=` + HMAC-SHA256 of `v0:${timestamp}:${body}` with the signing secret. */
export function slackSignature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SlackRequestOptions {
  signingSecret: string;
  /** seconds since the epoch; defaults to now (Bolt refuses requests older than 5 minutes) */
  timestamp?: number;
  /** X-Slack-Retry-Num, set by Slack when it redelivers an event */
  retryNum?: number;
  retryReason?: string;
  /** replaces the computed signature, to forge a request */
  signature?: string;
}

/** An Events API callback (JSON), a slash command (form fields) or an interaction (form field `payload`). */
export type SlackRequestBody = { json: unknown } | { form: Record<string, string> } | { interaction: unknown };

export function encodeBody(body: SlackRequestBody): { contentType: string; raw: string } {
  if ('json' in body) return { contentType: 'application/json', raw: JSON.stringify(body.json) };
  const fields = 'form' in body ? body.form : { payload: JSON.stringify(body.interaction) };
  return { contentType: 'application/x-www-form-urlencoded', raw: new URLSearchParams(fields).toString() };
}

/** Headers Slack would send with `raw`. */
export function signedHeaders(raw: string, contentType: string, options: SlackRequestOptions): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? slackSignature(options.signingSecret, timestamp, raw),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = options.retryReason ?? 'http_timeout';
  }
  return headers;
}

/** POSTs a signed request the way Slack does and returns the HTTP response. */
export async function sendSlackRequest(
  url: string,
  body: SlackRequestBody,
  options: SlackRequestOptions,
): Promise<{ status: number; text: string }> {
  const { contentType, raw } = encodeBody(body);
  const res = await fetch(url, { method: 'POST', headers: signedHeaders(raw, contentType, options), body: raw });
  return { status: res.status, text: await res.text() };
}
