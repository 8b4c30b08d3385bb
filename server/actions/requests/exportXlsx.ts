import type { exportXlsx as contract } from '../../contracts/requests';
import { storeExport } from '../../db/requests/exportStorage';
import { listQueuePage } from '../../db/requests/queuePageStore';
import { decodeCursor, encodeCursor } from '../../db/sortKeyCursor';
import type { RequestDoc } from '../../db/requests/requestStore';
import { exportColumns, exportRow } from '../../domain/requests/exportRows';
import type { ActionContext } from '../../runtime/context';
import type { Handler } from '../../runtime/router';
import { cadreScope } from './cadreScope';

type Filter = Pick<Parameters<typeof listQueuePage>[1], 'orgIds' | 'status' | 'category' | 'overdue'>;

/** Up to `limit` requests after the cursor, newest first, read 1,000 at a time by (createdAt, _id); `more` when others follow. */
async function pageOfRows(ctx: ActionContext, filter: Filter, cursor: string | undefined, limit: number): Promise<{ rows: RequestDoc[]; more: boolean }> {
  const rows: RequestDoc[] = [];
  let after = decodeCursor(cursor);
  for (;;) {
    const want = Math.min(1000, limit - rows.length + 1);
    const docs = await listQueuePage(ctx.db, { ...filter, sort: 'newest', cursor: after }, want);
    const taken = docs.slice(0, limit - rows.length);
    rows.push(...taken);
    const last = taken[taken.length - 1];
    if (docs.length < want) return { rows, more: false };
    if (rows.length >= limit || !last) return { rows, more: true };
    after = { value: new Date(last.createdAt), id: last._id };
  }
}

export const exportXlsx: Handler<typeof contract> = async (input, ctx) => {
  const { scope, names } = await cadreScope(ctx);
  const { rows, more } = await pageOfRows(ctx, { orgIds: [...scope], status: input.status, category: input.category, overdue: input.overdue }, input.cursor, input.limit);
  // Loaded on demand: the other actions of this function should not pay for initialising exceljs.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('诉求');
  sheet.addRow([...exportColumns]).font = { bold: true };
  for (const doc of rows) sheet.addRow(exportRow(doc, names));
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  const stamp = ctx.now.toISOString().replace(/[-:.]/g, '');
  const first = rows[0]?._id.slice(0, 8) ?? 'empty';
  const stored = await storeExport(`exports/requests/${ctx.openid}/${stamp}-${first}.xlsx`, content);
  const last = rows[rows.length - 1];
  return { ...stored, rows: rows.length, nextCursor: more && last ? encodeCursor(last.createdAt, last._id) : null };
};
