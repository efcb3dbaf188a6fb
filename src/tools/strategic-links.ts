import { z } from 'zod';
import type { Objective } from '../plan/model.ts';
import { fold } from '../plan/text.ts';
import { type ToolContext, visible } from './tool-context.ts';

export const StrategicLinksInput = z.object({
  text: z
    .string()
    .describe(
      'a strategic element (linea di mandato, obiettivo strategico / operativo, indirizzo, azione) by code or words',
    ),
});

/** The reverse of an objective's strategic links: every objective under a linea di mandato / obiettivo strategico. */
export function objectivesUnderStrategy(ctx: ToolContext, input: z.infer<typeof StrategicLinksInput>): Objective[] {
  const t = fold(StrategicLinksInput.parse(input).text).trim();
  if (t.length < 2) return [];
  return ctx.store.objectives.filter((o) => {
    if (!visible(ctx, o.doc) || !o.strategic) return false;
    return Object.values(o.strategic).some((v) => {
      const f = fold(v ?? '');
      return f === t || f.startsWith(`${t} `) || f.startsWith(`${t}.`) || (t.length > 8 && f.includes(t));
    });
  });
}
