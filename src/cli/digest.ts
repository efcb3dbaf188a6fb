/**
 * `npm run --silent digest -- [--today YYYY-MM-DD] [--days N] [--person "Cognome Nome"] [--json]`: for every person
 * who owns dated objectives, phases or indicators, what falls due in the next N days (default 7), grouped by
 * objective, with each date as written and its source. `--today` defaults to the configured clock (`TODAY`).
 */
import { parseArgs } from 'node:util';
import { isIsoDay, isoDay } from '../clock.ts';
import { buildDigest, matchPerson } from '../digest/build-digest.ts';
import { digestJson } from '../digest/digest-json.ts';
import { DIGEST_LABELS } from '../digest/digest-labels.ts';
import { formatDigest } from '../digest/format-digest.ts';
import { engineForCli } from './engine-for-cli.ts';

class UsageError extends Error {}

const USAGE = 'usage: npm run --silent digest -- [--today YYYY-MM-DD] [--days N] [--person "Cognome Nome"] [--json]';

try {
  const { values } = parseArgs({
    options: {
      today: { type: 'string' },
      days: { type: 'string', default: '7' },
      person: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 366)
    throw new UsageError(`--days must be 1–366, not ${values.days}`);
  if (values.today !== undefined && !isIsoDay(values.today))
    throw new UsageError(`--today must be a real day written YYYY-MM-DD, not ${values.today}`);
  const { engine, config } = await engineForCli();
  const store = engine.planStore;
  if (!store) throw new Error('the engine has no plan model');
  if (values.person && !matchPerson(store, values.person)) {
    console.error(DIGEST_LABELS.it.nobody(values.person));
    process.exitCode = 3;
  } else {
    const digest = buildDigest(store, {
      today: values.today ?? isoDay(config.clock.now(), config.timeZone),
      days,
      ...(values.person ? { person: values.person } : {}),
    });
    const documents = (file: string) => store.documentOf(file);
    process.stdout.write(
      values.json
        ? `${JSON.stringify(digestJson(digest, documents), null, 2)}\n`
        : `${formatDigest(digest, documents)}\n`,
    );
  }
} catch (error) {
  const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  console.error(`digest: ${(error as Error).message}${usage ? `\n${USAGE}` : ''}`);
  process.exitCode = usage ? 2 : 1;
}
