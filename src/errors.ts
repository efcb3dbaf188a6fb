/** The small family of errors pianobot reports to people, each with a stable code. */
export type PianobotErrorCode =
  | 'PLAN_FILE_UNREADABLE'
  | 'PLAN_FILE_EMPTY'
  | 'PLAN_FILE_ENCRYPTED'
  | 'PLAN_FILE_CORRUPT'
  | 'PLAN_FILE_UNSUPPORTED'
  | 'PLAN_FILE_REFUSED'
  | 'PLAN_FILE_TOO_LARGE'
  | 'PLAN_FILE_ENCODING'
  | 'INDEX_MISSING'
  | 'INDEX_INCOMPATIBLE'
  | 'DATABASE_UNAVAILABLE'
  | 'CONFIG_INVALID'
  | 'LLM_UNAVAILABLE'
  | 'BAD_REQUEST';

export class PianobotError extends Error {
  constructor(
    readonly code: PianobotErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PianobotError';
  }
}
