import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * `npm run screenshots`: the browser test, writing its screenshots into docs/screenshots/ (the README's pictures)
 * instead of a temp folder, and failing rather than skipping when Chromium is missing.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: { provide: { screenshotsDir: fileURLToPath(new URL('docs/screenshots/', import.meta.url)) } },
  }),
);
