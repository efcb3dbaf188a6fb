import { closeSync, openSync, writeSync } from 'node:fs';
import { type ExtractedPlan, PlanModelSchema } from '../../src/plan/model.ts';
import { derivePeople } from '../model/derive-people.ts';

/** The record lists of the model, in the order model.json has always had them. */
const RECORD_KEYS = ['structures', 'objectives', 'projects', 'totals', 'tables', 'warnings'] as const;

/**
 * Writes the plan model of `plans` to `file` record by record. At a thousand plans the model is over 100 MB of
 * JSON: building it as one object, validating that copy and stringifying it whole held it three times over.
 * Each plan was validated when it was extracted (ExtractedPlanSchema) and the model is nothing but their records
 * plus the people derived across them, so only the envelope and the people are validated here.
 */
export function writeModel(file: string, plans: readonly ExtractedPlan[], builtAt = new Date().toISOString()): void {
  const head = PlanModelSchema.pick({ version: true, builtAt: true, documents: true, people: true }).parse({
    version: 1,
    builtAt,
    documents: plans.map((p) => p.document),
    people: derivePeople([...plans]),
  });
  const fd = openSync(file, 'w');
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = () => {
    if (pending.length) writeSync(fd, pending.join(''));
    pending = [];
    pendingLength = 0;
  };
  const write = (s: string) => {
    pending.push(s);
    pendingLength += s.length;
    if (pendingLength > 1 << 20) flush();
  };
  const list = (key: string, items: Iterable<unknown>) => {
    write(`,${JSON.stringify(key)}:[`);
    let first = true;
    for (const item of items) {
      write(first ? JSON.stringify(item) : `,${JSON.stringify(item)}`);
      first = false;
    }
    write(']');
  };
  try {
    write(`{"version":${head.version},"builtAt":${JSON.stringify(head.builtAt)}`);
    list('documents', head.documents);
    list('people', head.people);
    for (const key of RECORD_KEYS)
      list(
        key,
        (function* () {
          for (const p of plans) yield* p[key];
        })(),
      );
    write('}');
    flush();
  } finally {
    closeSync(fd);
  }
}
