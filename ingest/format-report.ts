import { printable } from './printable.ts';
import type { IngestReport } from './run-pipeline.ts';

/** The report `npm run ingest` prints: one block per document, then the files that were skipped and why. */
export function formatReport(report: IngestReport, indexDir: string): string {
  // loader messages already start with the file name; it is said once. Names and messages come from the file
  // system and the files: control characters are shown escaped so that they cannot forge lines of the report.
  const skipped = report.errors.map(
    (e) =>
      `${e.kept ? 'KEPT LAST GOOD VERSION of' : 'SKIPPED'} ${printable(e.file)}: ${printable(e.message.replace(`${e.file}: `, ''))} (${e.code})`,
  );
  const cleaned = (report.cleaned ?? []).map((name) => `removed ${printable(name)} left by an interrupted ingestion`);
  if (report.upToDate) {
    // the skipped files still explain the exit status of a run that changed nothing
    return [
      `Index in ${indexDir} is up to date (${report.chunks} passages). Use --force to rebuild.`,
      ...skipped,
      ...cleaned,
    ].join('\n');
  }
  const lines = [
    `Ingested ${report.documents.length} document(s) into ${indexDir} in ${Math.round(report.ms)} ms — ${report.chunks} passages, ${(report.indexBytes / 1024).toFixed(0)} KiB`,
    '',
  ];
  for (const d of report.documents) {
    const kept = d.source === 'kept' ? '  (last good version, from the previous index)' : '';
    lines.push(`${printable(d.file)}  [${d.layout}]  ${printable(d.entity)}${kept}`);
    lines.push(
      `  objectives ${d.objectives} · projects ${d.projects} · indicators ${d.indicators} · phases ${d.phases}`,
    );
    const u = d.understood;
    lines.push(
      `  understood: ${u.withOwner} objectives with owner or structure, ${u.withoutOwner} without · ${u.budgets} budgets`,
    );
    if (u.little) lines.push(`  LITTLE UNDERSTOOD: ${u.little} — answers about it will quote the text, not records`);
    for (const w of d.warnings.slice(0, 8)) lines.push(`  warning: ${printable(w)}`);
    if (d.warnings.length > 8) lines.push(`  … and ${d.warnings.length - 8} more warnings`);
  }
  return [...lines, ...skipped, ...cleaned].join('\n');
}
