import type { Indicator, Objective, Phase, Project } from '../plan/model.ts';
import { codeKey, type PlanStore } from '../store/plan-store.ts';
import { LABELS, type Lang } from './labels.ts';

const joinDefined = (parts: (string | undefined | false)[], sep = ' · ') => parts.filter(Boolean).join(sep);

export function ownersOf(o: Objective): string {
  return o.owners.length ? o.owners.join(', ') : '—';
}

export function objectiveHeadline(o: Objective, store: PlanStore): string {
  return `*${o.code}* — ${o.title} (${store.entityOf(o.doc)})`;
}

export function phaseLine(p: Phase, lang: Lang): string {
  const L = LABELS[lang];
  const when =
    p.start && p.end
      ? `${L.from} ${p.start.text} ${L.to} ${p.end.text}`
      : p.end
        ? `${L.by} ${p.end.text}`
        : p.start
          ? `${L.from} ${p.start.text}`
          : '';
  return `• ${p.n !== undefined ? `${p.n}. ` : ''}${p.title}${p.year ? ` (${p.year})` : ''} — ${joinDefined([
    when,
    p.weight && `${L.weight} ${p.weight.text}`,
    p.structure,
    p.indicator && `${L.indicators.toLowerCase()}: ${p.indicator}`,
    p.target && `${L.target}: ${p.target}`,
  ])}`;
}

export function indicatorLine(i: Indicator, lang: Lang): string {
  const L = LABELS[lang];
  return `• ${i.code ? `${i.code} ` : ''}${i.n !== undefined && !i.code ? `${i.n}. ` : ''}${i.description}${i.year ? ` (${i.year})` : ''} — ${joinDefined(
    [
      i.type,
      i.weight && `${L.weight} ${i.weight.text}`,
      i.formula && `${L.formula}: ${i.formula}`,
      i.intermediateTarget &&
        `${L.intermediate}: ${i.intermediateTarget.text}${i.intermediateDate ? ` (${i.intermediateDate.text})` : ''}`,
      i.target && `${L.target}: ${i.target.text}`,
      i.result && `${L.result}: ${i.result.text}`,
      i.targetDate && `${L.by} ${i.targetDate.text}`,
      i.grading && `${L.grading}: ${i.grading}`,
      i.note && `${L.note}: ${i.note}`,
    ],
  )}`;
}

export function strategicLine(o: { strategic?: Objective['strategic'] | undefined }): string | undefined {
  const s = o.strategic;
  if (!s) return undefined;
  const parts = [
    s.valorePubblico,
    s.lineaMandato,
    s.indirizzo,
    s.obiettivoStrategico,
    s.azione,
    s.obiettivoOperativo,
    s.riferimentoDup && `DUP ${s.riferimentoDup}`,
  ].filter(Boolean);
  return parts.length ? parts.join(' > ') : undefined;
}

/** Everything about one objective, figures as written. */
export function objectiveCard(
  o: Objective,
  store: PlanStore,
  lang: Lang,
  parts: { phases?: boolean; indicators?: boolean; description?: boolean } = {},
): string[] {
  const L = LABELS[lang];
  const project = store.projectOf(o);
  const lines = [
    objectiveHeadline(o, store),
    joinDefined([
      `${o.owners.length > 1 ? L.owners : L.owner}: ${ownersOf(o)}`,
      o.structure && `${L.structure}: ${o.structure}`,
      o.type && `${L.type}: ${o.type}`,
      o.weight && `${L.weight} ${o.weight.text}`,
    ]),
  ];
  const period =
    o.start || o.end
      ? `${L.period}: ${o.start ? `${L.from} ${o.start.text} ` : ''}${o.end ? `${L.to} ${o.end.text}` : ''}`.trim()
      : undefined;
  const meta = joinDefined([
    period,
    o.multiYear !== undefined && `${L.multiYear}: ${o.multiYear ? L.yes : L.no}`,
    o.years?.length ? `${L.year}: ${o.years.join(', ')}` : undefined,
  ]);
  if (meta) lines.push(meta);
  if (project) lines.push(`${L.project}: ${project.code} — ${project.title}`);
  const strategic = strategicLine(o);
  if (strategic) lines.push(`${L.strategic}: ${strategic}`);
  if (o.financialResources) lines.push(`${L.financial}: ${o.financialResources}`);
  if (o.humanResources) lines.push(`${L.human}: ${o.humanResources}`);
  if (o.otherServices) lines.push(`${L.otherServices}: ${o.otherServices}`);
  if (parts.description !== false && o.description) lines.push(`${L.description}: ${clip(o.description, 600)}`);
  if (parts.description !== false && o.expectedResult)
    lines.push(`${L.expectedResult}: ${clip(o.expectedResult, 400)}`);
  if (parts.phases !== false && o.phases.length) lines.push(`${L.phases}:`, ...o.phases.map((p) => phaseLine(p, lang)));
  if (parts.indicators !== false && o.indicators.length)
    lines.push(`${L.indicators}:`, ...o.indicators.map((i) => indicatorLine(i, lang)));
  return lines;
}

export function budgetText(p: Project, lang: Lang): string {
  const L = LABELS[lang];
  if (!p.budget) return L.noBudget;
  return `${p.budget.text}${p.budgetShare ? ` (${p.budgetShare.text} ${lang === 'it' ? 'delle risorse del CdR' : 'of the CdR resources'})` : ''}`;
}

export function projectCard(
  p: Project,
  store: PlanStore,
  lang: Lang,
  parts: { staff?: boolean; budgetRows?: boolean; objectives?: boolean } = {},
): string[] {
  const L = LABELS[lang];
  const lines = [
    `*${p.code}* — ${p.title} (${store.entityOf(p.doc)})`,
    `${L.budget}: ${budgetText(p, lang)}`,
    joinDefined([
      p.dirigente && `${L.dirigente}: ${p.dirigente}`,
      `${L.cdr}: ${p.cdr}${p.cdrName ? ` ${p.cdrName}` : ''}`,
    ]),
  ];
  const strategic = strategicLine(p);
  if (strategic) lines.push(`${L.strategic}: ${strategic}`);
  if (p.description) lines.push(`${L.description}: ${clip(p.description, 500)}`);
  if (parts.budgetRows !== false && (p.budgetRows.length || Object.keys(p.budgetTotals).length)) {
    lines.push(`${L.budgetTable}:`);
    for (const r of p.budgetRows)
      lines.push(
        `• ${r.capitolo} ${clip(r.description, 80)} — ${Object.entries(r.amounts)
          .map(([k, v]) => `${k} ${v.text}`)
          .join(' · ')}`,
      );
    const totals = Object.entries(p.budgetTotals);
    if (totals.length) lines.push(`${L.total}: ${totals.map(([k, v]) => `${k} ${v.text}`).join(' · ')}`);
  }
  if (parts.objectives !== false && p.objectives.length) {
    lines.push(`${L.objectives}:`);
    for (const code of p.objectives) {
      const o = store.objectivesByCode.get(codeKey(code))?.find((x) => x.doc === p.doc);
      lines.push(`• ${code}${o ? ` ${o.title}` : ''}`);
      if (o) for (const i of o.indicators) lines.push(`   ${indicatorLine(i, lang).replace(/^• /, '◦ ')}`);
    }
  }
  if (parts.staff && p.staff.length) {
    lines.push(`${L.staff}:`);
    for (const s of p.staff) lines.push(`• ${s.name} — ${s.relation}, ${s.commitment.text}`);
  }
  return lines;
}

export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/**
 * `clip`, but a long text keeps the place `at` (a character offset of `text`, where the answer stands) in view: the
 * window opens a third of `max` before it, at a word start, with "…" where text was left out.
 */
export function clipAround(text: string, max: number, at: number): string {
  // offsets are those of the text as given: squeeze spaces only after choosing the window
  if (text.replace(/\s+/g, ' ').trim().length <= max || at < max * 0.6) return clip(text, max);
  // (a window reaching the text's end holds max - 1 characters: the "…" before it is the other one; it opens at the
  // next word start, so that it still ends with the text)
  let start = Math.max(0, Math.min(at - Math.floor(max / 3), text.length - (max - 1)));
  const space = text.indexOf(' ', start);
  start = space >= 0 && space - start < 30 && space < at ? space + 1 : start;
  return `…${clip(text.slice(start), max - 1)}`;
}
