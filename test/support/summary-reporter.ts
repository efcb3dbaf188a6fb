import type { RunnerTestFile as File, RunnerTask as Task } from 'vitest';
import type { Reporter } from 'vitest/reporters';

/**
 * Ends the run with the plain line "N passed, M failed" (", K skipped" when some were), which CI reads as the
 * verdict; vitest's own summary stays above it.
 */
export default class SummaryReporter implements Reporter {
  onFinished(files: File[] = []): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const visit = (task: Task) => {
      if (task.type === 'suite') {
        for (const t of task.tasks) visit(t);
        return;
      }
      const state = task.result?.state;
      if (state === 'pass') passed++;
      else if (state === 'fail') failed++;
      else skipped++;
    };
    for (const f of files) {
      visit(f);
      if (f.result?.state === 'fail' && f.tasks.length === 0) failed++; // a file that failed to load
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
