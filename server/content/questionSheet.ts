import type ExcelJS from 'exceljs';
import { parseCsv, toCsv } from './csv';
import { questionColumns, questionToCells } from './questionRows';
import type { Question } from './questionSchema';

/** The bank as a sheet, xlsx or csv, in memory: the script reads and writes files with it, the console's actions bytes. */
export type SheetFormat = 'xlsx' | 'csv';
export type SheetRow = { row: number; values: string[] };
export type Sheet = { header: string[]; rows: SheetRow[] };

export const sheetName = '题库';

// Loaded on demand: the quiz function's other actions should not pay for initialising exceljs.
const excel = async () => (await import('exceljs')).default;

/** Long text columns wrap; every column is text (@) so Excel does not turn "1921" or "1-2" into a number or a date. */
const widths: Partial<Record<string, number>> = { id: 14, history: 10, type: 10, difficulty: 6, stem: 48, answer: 8, explanation: 60, source: 36, region: 9 };

export async function questionSheetBytes(format: SheetFormat, questions: readonly Question[]): Promise<Buffer> {
  const rows = questions.map(questionToCells);
  if (format === 'csv') {
    const header = questionColumns.map((c) => c.header);
    return Buffer.from(toCsv([header, ...rows.map((r) => questionColumns.map((c) => String(r[c.key])))]), 'utf8');
  }
  const Excel = await excel();
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = questionColumns.map((c) => ({
    header: c.header,
    key: c.key,
    width: widths[c.key] ?? 24,
    style: { numFmt: c.key === 'difficulty' ? 'General' : '@', alignment: { wrapText: true, vertical: 'top' } },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A cell as the text a person sees, whatever Excel stored it as. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('hyperlink' in value) return value.text;
  return value.result === undefined ? '' : cellText(value.result);
}

export async function readQuestionSheetBytes(format: SheetFormat, bytes: Buffer): Promise<Sheet> {
  if (format === 'csv') {
    const [header = [], ...records] = parseCsv(bytes.toString('utf8'));
    return { header, rows: records.map((values, i) => ({ row: i + 2, values })).filter((r) => r.values.some((v) => v.trim() !== '')) };
  }
  const Excel = await excel();
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(sheetName) ?? workbook.worksheets[0];
  if (!sheet) return { header: [], rows: [] };
  const width = sheet.columnCount;
  const valuesOf = (row: ExcelJS.Row) => Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number > 1) rows.push({ row: number, values: valuesOf(row) });
  });
  return { header: valuesOf(sheet.getRow(1)), rows: rows.filter((r) => r.values.some((v) => v.trim() !== '')) };
}
