import type { IngestReport } from './run-pipeline.ts';

/** The report `npm run ingest` prints: one block per document, then the files that were skipped and why. */
export function formatReport(report: IngestReport, indexDir: string): string {
  if (report.upToDate) return `Index in ${indexDir} is up to date (${report.chunks} passages). Use --force to rebuild.`;
  const lines = [`Ingested ${report.documents.length} document(s) into ${indexDir} in ${Math.round(report.ms)} ms — ${report.chunks} passages, ${(report.indexBytes / 1024).toFixed(0)} KiB`, ''];
  for (const d of report.documents) {
    lines.push(`${d.file}  [${d.layout}]  ${d.entity}`);
    lines.push(`  objectives ${d.objectives} · projects ${d.projects} · indicators ${d.indicators} · phases ${d.phases}`);
    for (const w of d.warnings.slice(0, 8)) lines.push(`  warning: ${w}`);
    if (d.warnings.length > 8) lines.push(`  … and ${d.warnings.length - 8} more warnings`);
  }
  for (const e of report.errors) lines.push(`SKIPPED ${e.file}: ${e.message} (${e.code})`);
  return lines.join('\n');
}
