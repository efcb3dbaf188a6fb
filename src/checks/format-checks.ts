import { sourceLabel } from '../citations/source-label.ts';
import type { PlanDocument, SourceSpan } from '../plan/model.ts';
import type { Finding, Severity } from './plan-check.ts';

export type DocumentLookup = (file: string) => PlanDocument | undefined;

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: 'Incongruenze',
  warning: 'Da verificare',
  gap: 'Informazioni mancanti',
};

export function spanLines(span: SourceSpan): string {
  return span.lineStart === span.lineEnd ? String(span.lineStart) : `${span.lineStart}-${span.lineEnd}`;
}

/** "PEG 2021 — Comune di Reggio Emilia, righe 166–176": the first record a finding points to. */
export function findingSource(f: Finding, documents: DocumentLookup): string {
  const span = f.spans[0];
  return sourceLabel(
    { doc: f.doc, ...(span ? { lines: spanLines(span) } : {}), ...(span?.page ? { page: span.page } : {}) },
    documents,
  );
}

/** Every line the finding rests on, merged: "righe 747–847, 828–837". */
export function findingLines(f: Finding): string {
  return [...new Set(f.spans.map(spanLines))].join(', ');
}

/** The findings as JSON: file names and line ranges as data, beside a readable source label. */
export function checksJson(findings: Finding[], documents: DocumentLookup) {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    summary: { total: findings.length, errors: count('error'), warnings: count('warning'), gaps: count('gap') },
    findings: findings.map((f) => ({
      kind: f.kind,
      severity: f.severity,
      doc: f.doc,
      entity: documents(f.doc)?.entity ?? null,
      ...(f.ref ? { ref: f.ref } : {}),
      message: f.message,
      lines: f.spans.map(spanLines),
      ...(f.spans.some((s) => s.page) ? { pages: f.spans.map((s) => s.page ?? null) } : {}),
      source: findingSource(f, documents),
    })),
  };
}

/**
 * The findings as text, by severity; "gaps" are many and alike, so they are counted per document and kind with
 * their codes instead of one line each.
 */
export function formatChecks(findings: Finding[], documents: DocumentLookup): string {
  if (!findings.length) return 'Nessuna incongruenza trovata nei piani caricati.';
  const out: string[] = [];
  for (const severity of ['error', 'warning', 'gap'] as const) {
    const list = findings.filter((f) => f.severity === severity);
    if (!list.length) continue;
    out.push(`${SEVERITY_LABELS[severity]} (${list.length})`);
    if (severity !== 'gap') {
      for (const f of list) out.push(`  • ${f.message}\n    ${findingSource(f, documents)}${moreLines(f)}`);
      out.push('');
      continue;
    }
    const groups = new Map<string, Finding[]>();
    for (const f of list) groups.set(`${f.doc}|${f.kind}`, [...(groups.get(`${f.doc}|${f.kind}`) ?? []), f]);
    for (const group of groups.values()) {
      const first = group[0]!;
      const doc = documents(first.doc);
      out.push(
        `  • ${GAP_TITLES[first.kind] ?? first.kind} — ${group.length} in ${doc ? sourceLabel({ doc: first.doc }, documents) : first.doc}: ` +
          group.map((f) => `${f.ref} (r. ${findingLines(f)})`).join(', '),
      );
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}

const GAP_TITLES: Partial<Record<Finding['kind'], string>> = {
  missing_owner: 'obiettivi senza responsabile',
  missing_indicators: 'obiettivi senza indicatori',
  missing_dates: 'obiettivi senza date',
};

function moreLines(f: Finding): string {
  return f.spans.length > 1 ? ` (righe ${findingLines(f)})` : '';
}
