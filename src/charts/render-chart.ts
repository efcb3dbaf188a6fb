import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { ChartData } from './chart-data.ts';
import { vegaLiteSpec } from './vega-spec.ts';

/** Vega-Lite → Vega → SVG, headless (no canvas, no browser). */
export async function chartSvg(chart: ChartData): Promise<string> {
  const spec = compile(vegaLiteSpec(chart)).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The SVG as a PNG at twice its size (sharp in Slack on high-density screens), with the system's fonts. */
export function svgToPng(svg: string): Buffer {
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
  return Buffer.from(png);
}
