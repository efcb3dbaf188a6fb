import type { ChartData } from './chart-data.ts';

export interface TextAlternative {
  /** one sentence: the chart's kind, size and extremes, amounts as written */
  summary: string;
  /** the full data, so nothing the picture shows is lost to a screen reader */
  header: string[];
  rows: string[][];
}

export function textAlternative(chart: ChartData): TextAlternative {
  if (chart.type === 'bar') {
    const sorted = [...chart.rows].sort((a, b) => b.value - a.value);
    const top = sorted[0]!;
    const low = sorted.at(-1)!;
    const series = [...new Set(chart.rows.map((r) => r.series).filter((s): s is string => Boolean(s)))];
    const summary =
      `Grafico a barre: ${chart.title}. ${chart.rows.length} barre` +
      (series.length > 1 ? ` in ${series.length} colonne (${series.join(', ')})` : '') +
      `; la più alta è ${top.name}, ${top.text}; la più bassa ${low.name}, ${low.text}.` +
      (chart.note ? ` ${chart.note}` : '');
    return {
      summary,
      header: series.length > 1 ? ['Voce', 'Colonna', 'Importo'] : ['Voce', 'Importo'],
      rows: chart.rows.map((r) => (series.length > 1 ? [r.name, r.series ?? '', r.text] : [r.name, r.text])),
    };
  }
  const first = [...chart.rows].sort((a, b) => a.start.localeCompare(b.start))[0]!;
  const last = [...chart.rows].sort((a, b) => b.end.localeCompare(a.end))[0]!;
  return {
    summary:
      `Linea del tempo: ${chart.title}. ${chart.rows.length} fasi, dalla prima che inizia il ${first.startText} ` +
      `all'ultima che finisce il ${last.endText}.`,
    header: ['Fase', 'Inizio', 'Fine'],
    rows: chart.rows.map((r) => [r.name, r.startText, r.endText]),
  };
}
