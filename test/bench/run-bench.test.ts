import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { percentile } from '../../bench/run-bench.ts';

const run = promisify(execFile);

describe('percentile', () => {
  it('takes the nearest rank, so p95 of twenty timings is the nineteenth fastest', () => {
    const timings = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(timings, 50)).toBe(10);
    expect(percentile(timings, 95)).toBe(19);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBe(0);
  });
});

describe('npm run bench -- --json', () => {
  it('prints only one JSON object on stdout with every figure the issue asks for, also for a small scale corpus', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'bench/run-bench.ts', '--json', '--scale', '3', '--rounds', '1'],
      {
        maxBuffer: 1 << 20,
        timeout: 170_000,
      },
    );
    const result = JSON.parse(stdout);
    for (const key of [
      'ingest_ms',
      'docs',
      'chunks',
      'index_bytes',
      'load_ms',
      'load_cpu_ms',
      'first_answer_ms',
      'first_answer_cpu_ms',
      'rss_mb',
      'serve_rss_mb',
      'answer_p50_ms',
      'answer_p95_ms',
      'answer_cpu_p50_ms',
      'answer_cpu_p95_ms',
      'search_p95_ms',
      'adversarial_worst_ms',
      'adversarial_worst_cpu_ms',
      'public_pass',
      'public_total',
      'baseline_top5_contains',
      'baseline_p50_ms',
      'baseline_p95_ms',
    ]) {
      expect(typeof result[key], key).toBe('number');
    }
    expect(result.docs).toBe(5);
    expect(result.adversarial_worst_ms).toBeGreaterThan(0);
    expect(typeof result.adversarial_worst).toBe('string');
    expect(result.public_total).toBeGreaterThan(0);
    expect(result.public_pass).toBeLessThanOrEqual(result.public_total);
    expect(result.scale).toMatchObject({ n: 3, docs: 8, public_total: result.public_total });
    for (const key of [
      'ingest_ms',
      'docs_per_s',
      'index_bytes',
      'rss_mb',
      'serve_rss_mb',
      'incremental_ms',
      'incremental_cpu_ms',
      'answer_p95_ms',
      'answer_cpu_p95_ms',
      'search_p95_ms',
      'adversarial_worst_ms',
      'public_pass',
    ]) {
      expect(typeof result.scale[key], `scale.${key}`).toBe('number');
    }
    expect(result.scale.index_bytes).toBeGreaterThan(result.index_bytes);
    // the re-ingest after one synthetic plan changed copied every other document from the index
    expect(result.scale.incremental_reused).toBe(result.scale.docs - 1);
  }, 180_000);
});
