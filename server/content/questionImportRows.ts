import type { z } from 'zod';
import { issueText, type FieldNames } from '../contracts/issueMessages';
import { cellsToCandidate, mapHeader, questionColumns, type Cells, type ColumnKey } from './questionRows';
import { optionLetters, questionSchema } from './questionSchema';
import type { Sheet } from './questionSheet';

const header = (key: ColumnKey) => questionColumns.find((c) => c.key === key)?.header ?? key;

/** A question's fields as the sheet's columns are headed: 题干, 答案, and 选项A… for each option. */
export const sheetFieldNames: FieldNames = {
  ...Object.fromEntries(questionColumns.map((c) => [c.key, c.header])),
  options: { name: '选项', item: (index) => `选项${optionLetters[index] ?? index + 1}` },
};

/** What a cell may hold, said instead of 「格式不正确」 when a cell is not one of them. */
const cellRules: Partial<Record<ColumnKey, string>> = {
  id: '应写作“历史-三位数字”,如 party-001',
  history: '应为 党史、新中国史、改革开放史、社会主义发展史 或 中国工运史',
  type: '应为 单选、多选 或 判断',
  difficulty: '应为 1、2 或 3',
  answer: '只能填选项的字母 A–E',
  region: '只能填“青海”或留空',
  sealed: '只能填“是”“否”或留空',
};
const ruleCodes = new Set(['invalid_type', 'invalid_value', 'invalid_format', 'invalid_union']);

/** One schema issue in the editor's words, naming the column (the same messages as the console's form). */
function cellProblem(issue: z.core.$ZodIssue): string {
  const key = String(issue.path[0] ?? '') as ColumnKey;
  const rule = cellRules[key];
  return rule && ruleCodes.has(issue.code) ? `${header(key)}${rule}` : issueText(issue, sheetFieldNames);
}

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
    // A blank option before a filled one is a hole, already reported above with what it means.
    const said = (issue: z.core.$ZodIssue) => issue.path[0] === 'options' && typeof issue.path[1] === 'number' && issue.code === 'invalid_format';
    if (!parsed.success) problems.push(...new Set(parsed.error.issues.filter((i) => !said(i)).map(cellProblem)));
    const id = String(candidate.id);
    const earlier = rowOfId.get(id);
    if (earlier !== undefined) problems.push(`编号 ${id} 与第 ${earlier} 行重复`);
    else rowOfId.set(id, row);
    result.rows.push({ row, id: id || '-', problems });
    if (problems.length === 0) result.accepted.push(candidate);
  }
  return result;
}

export const everyRowPassed = (checked: CheckedRows): boolean => checked.sheetProblems.length === 0 && checked.rows.every((r) => r.problems.length === 0);
