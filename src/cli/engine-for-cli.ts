import { createEngine } from '../answer/create-engine.ts';
import { loadConfig } from '../config.ts';
import { loadEnvFile } from '../load-env-file.ts';
import { createLogger } from '../logger.ts';

/** The engine as the command-line tools use it: index built if needed, progress and logs on stderr only. */
export async function engineForCli() {
  loadEnvFile();
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const tty = process.stderr.isTTY;
  const engine = await createEngine(config, {
    log,
    onProgress: (m) => (tty ? process.stderr.write(`\r\x1b[K${m}`) : undefined),
  });
  if (tty) process.stderr.write('\r\x1b[K');
  return { engine, config, log };
}
