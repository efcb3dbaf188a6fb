import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../ingest/indexing/build-search-index.ts';
import { createLocalEmbedder } from '../../src/retrieval/embedder.ts';
import { loadRealPlans } from './support/real-plans.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');

/** Runs `npm run search -- …` (the script it points at) with INDEX_DIR set; resolves even on a non-zero exit. */
async function search(indexDir: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/search.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, INDEX_DIR: indexDir },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pianobot-search-cli-'));
  const { docs, plans } = await loadRealPlans(['001_73b0fc146c050a42.txt', '003_3c291b98105b86e1.txt']);
  await buildSearchIndex({ docs, plans, outDir: join(dir, 'index', 'search'), embedder: createLocalEmbedder() });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run search', () => {
  it('prints only {hits: [{doc, section, lines, page, score, text}]} with --json', async () => {
    const { code, stdout } = await search(join(dir, 'index'), ['help desk chatbot', '--k', '2', '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { hits: Record<string, unknown>[] };
    expect(out.hits).toHaveLength(2);
    expect(Object.keys(out.hits[0]!).sort()).toEqual(['doc', 'lines', 'page', 'score', 'section', 'text']);
    expect(out.hits[0]).toMatchObject({ doc: '003_3c291b98105b86e1.txt', page: null });
    expect(String(out.hits[0]!.text)).toContain('chatbot');
  });

  it('prints numbered passages with their citation by default', async () => {
    const { code, stdout } = await search(join(dir, 'index'), ['Passepartout']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^1\. \[\d\.\d{4}\] PEG > /);
    expect(stdout).toContain('001_73b0fc146c050a42.txt · Comune di Serravalle Pistoiese · lines ');
  });

  it('says to run the ingest when there is no index, and exits 1', async () => {
    const { code, stdout, stderr } = await search(join(dir, 'missing'), ['help desk']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('run `npm run ingest` first');
  });
});
