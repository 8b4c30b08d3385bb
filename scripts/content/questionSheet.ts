import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Question } from '../../server/content/questionSchema';
import { parseCsv, toCsv } from './csv';
import { questionColumns, questionToCells } from './questionRows';

/** The bank as a sheet, xlsx or csv by the file's extension. */
export type SheetRow = { row: number; values: string[] };
export type Sheet = { header: string[]; rows: SheetRow[] };

export const sheetName = '题库';

function formatOf(file: string): 'xlsx' | 'csv' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  throw new Error(`${file}: only .xlsx and .csv are supported`);
}

/** Long text columns wrap; every column is text (@) so Excel does not turn "1921" or "1-2" into a number or a date. */
const widths: Partial<Record<string, number>> = { id: 14, history: 10, type: 10, difficulty: 6, stem: 48, answer: 8, explanation: 60, source: 36, region: 9 };

export async function writeQuestionSheet(file: string, questions: readonly Question[]): Promise<void> {
  const rows = questions.map(questionToCells);
  if (formatOf(file) === 'csv') {
    const header = questionColumns.map((c) => c.header);
    await writeFile(file, toCsv([header, ...rows.map((r) => questionColumns.map((c) => String(r[c.key])))]), 'utf8');
    return;
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = questionColumns.map((c) => ({
    header: c.header,
    key: c.key,
    width: widths[c.key] ?? 24,
    style: { numFmt: c.key === 'difficulty' ? 'General' : '@', alignment: { wrapText: true, vertical: 'top' } },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows);
  await workbook.xlsx.writeFile(file);
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

export async function readQuestionSheet(file: string): Promise<Sheet> {
  if (formatOf(file) === 'csv') {
    const [header = [], ...records] = parseCsv(await readFile(file, 'utf8'));
    return { header, rows: records.map((values, i) => ({ row: i + 2, values })).filter((r) => r.values.some((v) => v.trim() !== '')) };
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
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
