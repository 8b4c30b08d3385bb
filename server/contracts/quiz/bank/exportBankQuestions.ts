import { z } from 'zod';
import { defineAction } from '../../action';
import { bankFilter, sheetFormat } from './bankTypes';

/** The filtered bank as a sheet in cloud storage, in the columns the import reads. */
export const exportBankQuestions = defineAction<{ fileID: string; tempFileURL: string; rows: number }>()({
  input: z.strictObject({ ...bankFilter, format: sheetFormat.default('xlsx') }),
});
