/**
 * "quante donne di categoria D?", "assunti nel 2022": the cell of a plan's data table the question names (see
 * table-cell.ts), quoted as written with its row beside it. Only the tables of the plans in the question's scope
 * that the asker may see; no cell named, or two named as well: the later routes answer.
 */
import { packFor } from '../../lang/packs.ts';
import { citationOf, type ToolContext, visible } from '../../tools/tool-context.ts';
import type { Lang } from '../labels.ts';
import type { Scope } from '../link-entities.ts';
import { namedTableCell, rowAsWritten } from '../table-cell.ts';
import { emptyReply, type Reply } from './reply.ts';

export function tableCellReply(
  ctx: ToolContext,
  question: string,
  scope: Scope,
  lang: Lang,
  quantity: boolean,
): Reply | null {
  const tables = ctx.store.model.tables.filter(
    (t) => visible(ctx, t.doc) && (!scope.docs || scope.docs.includes(t.doc)),
  );
  if (!tables.length) return null;
  const cell = namedTableCell(tables, question, quantity);
  if (!cell) return null;
  const reply = emptyReply('table_cell');
  reply.lines.push(packFor(lang).messages.tableCell.cell(cell.table.title, cell.row, cell.column, cell.value));
  reply.lines.push(`• ${rowAsWritten(cell)}`);
  reply.citations.push(citationOf(ctx, cell.table.span, cell.table.section ?? cell.table.title));
  return reply;
}
