/**
 * "quante donne di categoria D?", "assunti nel 2022": the cell of a plan's data table the question names (see
 * table-cell.ts), quoted as written with its row beside it. Only the tables of the plans in the question's scope
 * that the asker may see; no cell named, or two named as well: the later routes answer.
 */
import type { LanguagePack } from '../../lang/language-pack.ts';
import { packFor } from '../../lang/packs.ts';
import type { DataTable } from '../../plan/model.ts';
import { citationOf, type ToolContext, visible } from '../../tools/tool-context.ts';
import type { Lang } from '../labels.ts';
import type { Scope } from '../link-entities.ts';
import { namedTableCell, rowAsWritten } from '../table-cell.ts';
import { cellName, combineCells, namedTableCells } from '../table-cells.ts';
import { emptyReply, type Reply } from './reply.ts';

export function tableCellReply(
  ctx: ToolContext,
  question: string,
  scope: Scope,
  lang: Lang,
  quantity: boolean,
): Reply | null {
  const seen = ctx.store.model.tables.filter((t) => visible(ctx, t.doc));
  const docs = scope.docs ? new Set(scope.docs) : null;
  const tables = seen.filter((t) => !docs || docs.has(t.doc));
  const cell = tables.length ? namedTableCell(tables, question, quantity) : null;
  if (!cell) return elsewhere(ctx, question, scope, lang, quantity, seen, tables);
  const reply = emptyReply('table_cell');
  reply.lines.push(packFor(lang).messages.tableCell.cell(cell.table.title, cell.row, cell.column, cell.value));
  reply.lines.push(`• ${rowAsWritten(cell)}`);
  reply.citations.push(citationOf(ctx, cell.table.span, cell.table.section ?? cell.table.title));
  return reply;
}

/**
 * "quante persone di categoria D a X?": the plans of X have no such table, another plan's table has the cell: said
 * plainly not found for X (found: false), with where the table is; null when no table elsewhere names the cell.
 */
function elsewhere(
  ctx: ToolContext,
  question: string,
  scope: Scope,
  lang: Lang,
  quantity: boolean,
  seen: DataTable[],
  inScope: DataTable[],
): Reply | null {
  if (!scope.docs || !scope.entity || !quantity || inScope.length) return null;
  const cell = namedTableCell(
    seen.filter((t) => !scope.docs!.includes(t.doc)),
    question,
    quantity,
  );
  if (!cell) return null;
  const reply = emptyReply('table_cell_elsewhere');
  reply.found = false;
  reply.lines.push(
    packFor(lang).messages.tableCell.onlyElsewhere(scope.entity, cell.table.title, ctx.store.entityOf(cell.table.doc)),
  );
  return reply;
}

/**
 * "Cat. D e Cat. C in totale", "quante donne in più degli uomini?": cells of one table named part by part (see
 * table-cells.ts), added up or the larger less the smaller, said computed, each cell quoted as written. A part naming
 * a row or column the table lacks is said not found (found: false), the cells found shown. Null when the question's
 * parts name fewer than two cells of one table.
 */
export function tableCellsReply(
  ctx: ToolContext,
  question: string,
  scope: Scope,
  pack: LanguagePack,
  difference: boolean,
): Reply | null {
  const docs = scope.docs ? new Set(scope.docs) : null;
  const tables = ctx.store.model.tables.filter((t) => visible(ctx, t.doc) && (!docs || docs.has(t.doc)));
  const named = tables.length ? namedTableCells(tables, question) : null;
  if (!named) return null;
  const M = pack.messages.tableCell;
  const reply = emptyReply('table_cells');
  const listed = named.cells.map((c) => `• ${cellName(c)}: ${c.text}`);
  if (named.missing.length) {
    reply.found = false;
    for (const words of named.missing) reply.lines.push(M.partMissing(words, named.table.title));
    reply.lines.push(...listed);
  } else {
    const computed = combineCells(named.cells, difference);
    reply.lines.push(
      computed.higher
        ? M.difference(named.table.title, computed.value, cellName(computed.higher))
        : M.sum(named.table.title, computed.value, named.cells.length),
      ...listed,
    );
  }
  reply.citations.push(citationOf(ctx, named.table.span, named.table.section ?? named.table.title));
  return reply;
}
