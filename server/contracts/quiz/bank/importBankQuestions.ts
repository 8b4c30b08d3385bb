import { z } from 'zod';
import { defineAction } from '../../action';
import { sheetFormat, type ImportRowReport } from './bankTypes';

/** About 4 MB of file, base64: far more than the whole bank as a sheet. */
export const importFileMaxChars = 5_600_000;

export interface ImportReport {
  /** True only when every row passed and (unless a dry run) every question was written. */
  imported: boolean;
  dryRun: boolean;
  sheetProblems: string[];
  rows: ImportRowReport[];
  /** Bank-wide findings about the imported questions (a repeated option, a near-duplicate stem, ...). */
  bankErrors: Array<{ id: string; message: string }>;
  added: number;
  replaced: number;
}

/**
 * An .xlsx or .csv sheet (the columns `npm run questions:export` writes) into the database. All or
 * nothing: a row that fails the bank's schema is named in the report and no question is written.
 */
export const importBankQuestions = defineAction<ImportReport>()({
  input: z.strictObject({ format: sheetFormat, contentBase64: z.string().min(1).max(importFileMaxChars), dryRun: z.boolean().default(false) }),
  errors: ['FILE_UNREADABLE'],
});
