import type { exportXlsx as contract } from '../../contracts/requests';
import { storeExport } from '../../db/requests/exportStorage';
import { listForReport } from '../../db/requests/requestStore';
import { exportColumns, exportRow } from '../../domain/requests/exportRows';
import type { Handler } from '../../runtime/router';
import { cadreScope } from './cadreScope';

/** Rows per export: one sheet stays small enough to build inside the function's time. */
export const exportLimit = 5000;

export const exportXlsx: Handler<typeof contract> = async (input, ctx) => {
  const { scope, names } = await cadreScope(ctx);
  const fields = { category: true, title: true, status: true, orgId: true, contactName: true, contactMobile: true, acceptDueAt: true, resolveDueAt: true, overdue: true, rating: true };
  const { rows, truncated } = await listForReport(ctx.db, { orgIds: [...scope], status: input.status, category: input.category, overdue: input.overdue }, exportLimit, fields);
  // Loaded on demand: the other actions of this function should not pay for initialising exceljs.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('诉求');
  sheet.addRow([...exportColumns]).font = { bold: true };
  for (const doc of rows) sheet.addRow(exportRow(doc, names));
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  const stamp = ctx.now.toISOString().replace(/[-:.]/g, '');
  const stored = await storeExport(`exports/requests/${ctx.openid}/${stamp}.xlsx`, content);
  return { ...stored, rows: rows.length, truncated };
};
