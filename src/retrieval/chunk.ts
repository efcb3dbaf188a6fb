import { z } from 'zod';
import { DocumentKindSchema } from '../plan/model.ts';

/** A passage of a plan, the unit retrieval finds and cites: a record, a narrative paragraph group or a table. */
export const ChunkSchema = z.object({
  id: z
    .string()
    .min(1)
    .describe('unique in the index: `<doc>:<lineStart>-<lineEnd>` (plus `~n` for pieces of one line)'),
  doc: z.string().min(1).describe('source file name'),
  entity: z.string().describe('Comune di Lago Verde, Provincia di Monteluce, … (empty when the document does not say)'),
  year: z.number().int().optional().describe('the year the passage is about, when the document or record has one'),
  years: z
    .array(z.number().int())
    .optional()
    .describe('all years of the document, for year filters on passages without their own'),
  kind: DocumentKindSchema.describe('document kind'),
  form: z.enum(['record', 'narrative', 'table']).describe('an objective / project record, narrative text, or a table'),
  section: z
    .string()
    .describe('path such as "PIAO > Accessibilità fisica e digitale" or "PEG > 2023_PX_4101 Trasporto sociale"'),
  code: z.string().optional().describe('objective / project code as written, for record chunks'),
  title: z.string().optional().describe('record or table title'),
  lineStart: z.number().int().positive(),
  lineEnd: z.number().int().positive(),
  page: z.number().int().positive().optional(),
  text: z
    .string()
    .describe('the passage: source lines with markup removed (a split table repeats its header row first)'),
  internal: z
    .boolean()
    .optional()
    .describe('staff-only data (staff allocation tables): the public help desk never sees it'),
});
export type Chunk = z.infer<typeof ChunkSchema>;

/** What the keyword index and the embedder read for a chunk: where it sits (entity, section) and what it says. */
export function chunkIndexText(chunk: Chunk): string {
  return `${chunk.entity}\n${chunk.section}\n${chunk.text}`;
}
