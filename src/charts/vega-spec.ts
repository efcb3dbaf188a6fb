import type { TopLevelSpec } from 'vega-lite';
import type { ChartData } from './chart-data.ts';

const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

/** Axis numbers as Italian documents write them: 1.920.000 */
const ITALIAN_NUMBERS = { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''] } };

const CONFIG = {
  font: FONT,
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 280 },
  title: { fontSize: 14, anchor: 'start' },
  legend: { labelFontSize: 11, titleFontSize: 11 },
  locale: ITALIAN_NUMBERS,
};

/** The Vega-Lite spec of a chart: horizontal bars (one colour per column when there are several), or a timeline. */
export function vegaLiteSpec(chart: ChartData): TopLevelSpec {
  const title = chart.title.length > 90 ? `${chart.title.slice(0, 87)}…` : chart.title;
  if (chart.type === 'bar') {
    const series = new Set(chart.rows.map((r) => r.series).filter(Boolean));
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      width: 520,
      data: { values: chart.rows },
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'label', type: 'nominal', sort: null, title: null },
        x: { field: 'value', type: 'quantitative', title: chart.valueTitle, axis: { format: ',.0f' } },
        ...(series.size > 1
          ? {
              color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom' } },
              yOffset: { field: 'series' },
            }
          : { color: { value: '#1f5f8b' } }),
        tooltip: [
          { field: 'name', title: 'Voce' },
          { field: 'text', title: 'Importo' },
        ],
      },
      config: CONFIG,
    } as TopLevelSpec;
  }
  const years = new Set(chart.rows.map((r) => r.series).filter(Boolean));
  const color =
    years.size > 1
      ? { color: { field: 'series', type: 'nominal', title: 'Anno', legend: { orient: 'bottom' } } }
      : { color: { value: '#1f5f8b' } };
  const tooltip = [
    { field: 'name', title: 'Fase' },
    { field: 'startText', title: 'Inizio' },
    { field: 'endText', title: 'Fine' },
  ];
  // a phase runs from its start to its end; its end (the deadline, often the only date written) is also a diamond
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 520,
    data: { values: chart.rows.map((r, i) => ({ ...r, order: i })) },
    encoding: { y: { field: 'label', type: 'nominal', sort: { field: 'order' }, title: null } },
    layer: [
      {
        mark: { type: 'bar', tooltip: true, cornerRadius: 2, height: 12 },
        encoding: {
          x: { field: 'start', type: 'temporal', title: null, axis: { format: '%m/%Y' } },
          x2: { field: 'end' },
          ...color,
          tooltip,
        },
      },
      {
        mark: { type: 'point', shape: 'diamond', filled: true, size: 90, tooltip: true },
        encoding: { x: { field: 'end', type: 'temporal' }, ...color, tooltip },
      },
    ],
    config: CONFIG,
  } as TopLevelSpec;
}
