import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Question } from '../../server/content/questionSchema';
import { questionSheetBytes, readQuestionSheetBytes, type Sheet, type SheetFormat } from '../../server/content/questionSheet';

export { cellText, sheetName, type Sheet, type SheetRow } from '../../server/content/questionSheet';

/** The file's format by its extension. */
function formatOf(file: string): SheetFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  throw new Error(`${file}: only .xlsx and .csv are supported`);
}

export async function writeQuestionSheet(file: string, questions: readonly Question[]): Promise<void> {
  const format = formatOf(file);
  await writeFile(file, await questionSheetBytes(format, questions));
}

export async function readQuestionSheet(file: string): Promise<Sheet> {
  const format = formatOf(file);
  return readQuestionSheetBytes(format, await readFile(file));
}
