import type { IngestReport } from './run-pipeline.ts';

/** The report `npm run ingest` prints: one block per document, then the files that were skipped and why. */
export function formatReport(report: IngestReport, indexDir: string): string {
  // loader messages already start with the file name; it is said once
  const skipped = report.errors.map((e) => `SKIPPED ${e.file}: ${e.message.replace(`${e.file}: `, '')} (${e.code})`);
  if (report.upToDate) {
    // the skipped files still explain the exit status of a run that changed nothing
    return [`Index in ${indexDir} is up to date (${report.chunks} passages). Use --force to rebuild.`, ...skipped].join(
      '\n',
    );
  }
  const lines = [
    `Ingested ${report.documents.length} document(s) into ${indexDir} in ${Math.round(report.ms)} ms — ${report.chunks} passages, ${(report.indexBytes / 1024).toFixed(0)} KiB`,
    '',
  ];
  for (const d of report.documents) {
    lines.push(`${d.file}  [${d.layout}]  ${d.entity}`);
    lines.push(
      `  objectives ${d.objectives} · projects ${d.projects} · indicators ${d.indicators} · phases ${d.phases}`,
    );
    const u = d.understood;
    lines.push(
      `  understood: ${u.withOwner} objectives with owner or structure, ${u.withoutOwner} without · ${u.budgets} budgets`,
    );
    if (u.little) lines.push(`  LITTLE UNDERSTOOD: ${u.little} — answers about it will quote the text, not records`);
    for (const w of d.warnings.slice(0, 8)) lines.push(`  warning: ${w}`);
    if (d.warnings.length > 8) lines.push(`  … and ${d.warnings.length - 8} more warnings`);
  }
  return [...lines, ...skipped].join('\n');
}
