import { cellsToCandidate, mapHeader, type Cells } from './questionRows';
import { questionSchema } from './questionSchema';
import type { Sheet } from './questionSheet';

export type RowReport = { row: number; id: string; problems: string[] };
export type CheckedRows = {
  /** Problems with the sheet as a whole (unknown or missing columns): no row is checked. */
  sheetProblems: string[];
  rows: RowReport[];
  /** The rows' questions in the data files' key order; only meaningful when every row passed. */
  accepted: Array<Record<string, unknown>>;
};

/**
 * Every row of an import sheet checked with the question schema, and ids unique within the sheet.
 * The script (into data/) and the console's action (into the database) both judge rows here.
 */
export function checkSheetRows(sheet: Sheet): CheckedRows {
  const { columns, problems: sheetProblems } = mapHeader(sheet.header);
  const result: CheckedRows = { sheetProblems, rows: [], accepted: [] };
  if (sheetProblems.length > 0) return result;
  const rowOfId = new Map<string, number>();
  for (const { row, values } of sheet.rows) {
    const cells: Cells = {};
    columns.forEach((key, i) => {
      if (key) cells[key] = values[i] ?? '';
    });
    const { candidate, problems } = cellsToCandidate(cells);
    const parsed = questionSchema.safeParse(candidate);
    if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'row'}: ${i.message}`));
    const id = String(candidate.id);
    const earlier = rowOfId.get(id);
    if (earlier !== undefined) problems.push(`id ${id} is also on row ${earlier}`);
    else rowOfId.set(id, row);
    result.rows.push({ row, id: id || '-', problems });
    if (problems.length === 0) result.accepted.push(candidate);
  }
  return result;
}

export const everyRowPassed = (checked: CheckedRows): boolean => checked.sheetProblems.length === 0 && checked.rows.every((r) => r.problems.length === 0);
