import { PianobotError, type PianobotErrorCode } from '../errors.ts';

/** Log fields for a failure: the message, pianobot's code or Slack's error string, and the stack. */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: String(err) };
  const fields: Record<string, unknown> = { error: err.message };
  if (err instanceof PianobotError) fields.code = err.code;
  const slack = (err as { data?: { error?: unknown } }).data?.error;
  if (typeof slack === 'string') fields.slackError = slack;
  if (err.stack) fields.stack = err.stack.split('\n').slice(0, 6).join('\n');
  return fields;
}

export function pianobotCode(err: unknown): PianobotErrorCode | undefined {
  return err instanceof PianobotError ? err.code : undefined;
}
