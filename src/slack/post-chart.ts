import type { webApi } from '@slack/bolt';
import { chartData, chartRequestFor } from '../charts/chart-data.ts';
import { chartSvg, svgToPng } from '../charts/render-chart.ts';
import { textAlternative } from '../charts/text-alternative.ts';
import { withReadableSources } from '../citations/label-citations.ts';
import { escapeMrkdwn } from './blocks/mrkdwn.ts';
import { describeError } from './error-fields.ts';
import type { SlackDeps } from './slack-deps.ts';

/** Answers whose record a chart shows better than a list: a budget by capitolo, phases over time. */
export const CHART_INTENTS = new Set([
  'project_budget',
  'project_budget_detail',
  'objective_phases',
  'objective_dates',
]);

export interface ChartTarget {
  channel: string;
  threadTs?: string;
  /** a project or objective code, "cdr 85", "aree" */
  ref: string;
  /** the channel's scope */
  docs?: string[];
  /** who asked, for the comment under a chart posted from a command */
  requestedBy?: string;
}

export type ChartPosted = { ok: true; fileId: string } | { ok: false; reason: string };

/**
 * Renders the chart as a PNG and uploads it (files.uploadV2: works in Socket Mode, no public URL), with the text
 * alternative as the image's alt text and the source in the comment. A chart that cannot be drawn is a reason, not
 * an exception.
 */
export async function postChart(deps: SlackDeps, client: webApi.WebClient, target: ChartTarget): Promise<ChartPosted> {
  const store = deps.engine.planStore;
  if (!store) return { ok: false, reason: 'I grafici non sono disponibili: manca il modello dei piani.' };
  const request = chartRequestFor(store, target.ref);
  if (!request)
    return {
      ok: false,
      reason: `Nessun grafico per «${target.ref}»: indica un codice di progetto o di obiettivo, «cdr 85» o «aree».`,
    };
  const result = chartData(store, request, target.docs);
  if (!result.ok) return { ok: false, reason: result.reason };
  const chart = result.chart;
  const png = svgToPng(await chartSvg(chart));
  const alt = textAlternative(chart);
  const sources = withReadableSources(
    { answer: '', citations: chart.citations, lang: 'it', found: true, intent: 'chart', focus: [] },
    (f) => store.documentOf(f),
  ).citations.map((c) => c.label);
  const unique = [...new Set(sources)];
  const comment = [
    `📊 *${escapeMrkdwn(chart.title)}*${target.requestedBy ? ` — richiesto da <@${target.requestedBy}>` : ''}`,
    `Fonte: ${escapeMrkdwn(unique.slice(0, 3).join('; '))}${unique.length > 3 ? ` … e altri ${unique.length - 3}` : ''}`,
  ].join('\n');
  try {
    const file = {
      file: png,
      filename: `${request.kind}.png`,
      title: chart.title.slice(0, 250),
      alt_text: alt.summary.slice(0, 1000),
      initial_comment: comment,
    };
    const res = (await (target.threadTs
      ? client.files.uploadV2({ ...file, channel_id: target.channel, thread_ts: target.threadTs })
      : client.files.uploadV2({ ...file, channel_id: target.channel }))) as {
      files?: { files?: { id?: string }[]; id?: string }[];
    };
    const first = res.files?.[0];
    const fileId = first?.files?.[0]?.id ?? first?.id ?? '';
    deps.log.info('chart posted', { channel: target.channel, kind: request.kind, fileId, bytes: png.length });
    return { ok: true, fileId };
  } catch (err) {
    deps.log.error('chart upload failed', { channel: target.channel, ...describeError(err) });
    return { ok: false, reason: 'Non sono riuscito a caricare il grafico su Slack.' };
  }
}
