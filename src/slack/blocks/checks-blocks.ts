import { type DocumentLookup, findingLines, findingSource, SEVERITY_LABELS } from '../../checks/format-checks.ts';
import type { Finding } from '../../checks/plan-check.ts';
import { type SlackMessage, section } from './answer-blocks.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { type Block, moreLabel } from './slack-limits.ts';

/** Findings shown one per line before "… e altri N" (which a button expands). */
export const CHECKS_SHOWN = 12;
export const CHECKS_EXPAND_ACTION = 'checks_expand';

/**
 * `/piani verifica`: errors and points to verify one per line with their source; what the plans leave out counted per
 * document. With `all` false the list stops at CHECKS_SHOWN with a button that shows the rest.
 */
export function checksMessage(
  findings: Finding[],
  documents: DocumentLookup,
  all = false,
  scopeLabel?: string,
): SlackMessage {
  const head =
    `*Verifica dei piani* — ${findings.filter((f) => f.severity === 'error').length} incongruenze, ` +
    `${findings.filter((f) => f.severity === 'warning').length} punti da verificare, ` +
    `${findings.filter((f) => f.severity === 'gap').length} informazioni mancanti`;
  const blocks: Block[] = [section(head)];
  if (scopeLabel)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `🔎 Ambito del canale: ${escapeMrkdwn(scopeLabel)}` }],
    });
  const listed = findings.filter((f) => f.severity !== 'gap');
  const shown = all ? listed : listed.slice(0, CHECKS_SHOWN);
  for (const severity of ['error', 'warning'] as const) {
    const lines = shown
      .filter((f) => f.severity === severity)
      .map((f) => `• ${escapeMrkdwn(f.message)}\n   _${escapeMrkdwn(findingSource(f, documents))}_`);
    if (lines.length) blocks.push(...chunkSections(`*${SEVERITY_LABELS[severity]}*`, lines));
  }
  if (shown.length < listed.length) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: CHECKS_EXPAND_ACTION,
          text: { type: 'plain_text', text: `${moreLabel(listed.length - shown.length)} — mostra tutto` },
          value: 'all',
        },
      ],
    });
  }
  const gaps = findings.filter((f) => f.severity === 'gap');
  if (gaps.length) {
    const groups = new Map<string, Finding[]>();
    for (const f of gaps) groups.set(`${f.doc}|${f.kind}`, [...(groups.get(`${f.doc}|${f.kind}`) ?? []), f]);
    const lines = [...groups.values()].map((g) => {
      const f = g[0]!;
      const what = {
        missing_owner: 'senza responsabile',
        missing_indicators: 'senza indicatori',
        missing_dates: 'senza date',
      }[f.kind as 'missing_owner'];
      const codes = g
        .slice(0, 8)
        .map((x) => `${x.ref} (r. ${findingLines(x)})`)
        .join(', ');
      return `• ${g.length} obiettivi ${what ?? f.kind} — ${escapeMrkdwn(findingSource({ ...f, spans: [] }, documents))}: ${escapeMrkdwn(codes)}${g.length > 8 ? ` ${moreLabel(g.length - 8)}` : ''}`;
    });
    blocks.push(...chunkSections(`*${SEVERITY_LABELS.gap}*`, lines));
  }
  return { text: head.replace(/\*/g, ''), blocks: blocks.slice(0, 50) };
}

/** Lines into sections of at most ~2,900 characters, the first with the title. */
function chunkSections(title: string, lines: string[]): Block[] {
  const out: Block[] = [];
  let current = title;
  for (const line of lines) {
    if (current.length + line.length + 1 > 2_900) {
      out.push(section(current));
      current = line;
    } else current = `${current}\n${line}`;
  }
  out.push(section(current));
  return out;
}
