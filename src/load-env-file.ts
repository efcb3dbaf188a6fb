import { existsSync } from 'node:fs';

/** Reads `.env` into the environment when there is one (variables already set win), so `npm start` picks it up. */
export function loadEnvFile(path = '.env'): void {
  if (!existsSync(path)) return;
  const before = { ...process.env };
  process.loadEnvFile(path);
  for (const [key, value] of Object.entries(before)) process.env[key] = value;
}
