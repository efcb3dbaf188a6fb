import type { Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger, LogLevel as PianobotLevel } from '../logger.ts';

/** Bolt's and the Web API client's own log lines, sent through pianobot's JSON logger with `source: "bolt"`. */
export function toBoltLogger(log: Logger, level: PianobotLevel): BoltLogger {
  let current = level as LogLevel;
  let name = 'bolt';
  const text = (parts: unknown[]) =>
    parts
      .map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : safeJson(p)))
      .join(' ')
      .slice(0, 2_000);
  return {
    debug: (...m: unknown[]) => log.debug(text(m), { source: name }),
    info: (...m: unknown[]) => log.info(text(m), { source: name }),
    warn: (...m: unknown[]) => log.warn(text(m), { source: name }),
    error: (...m: unknown[]) => log.error(text(m), { source: name }),
    setLevel: (l: LogLevel) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n: string) => {
      name = n;
    },
  };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
