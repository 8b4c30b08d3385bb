import { z } from 'zod';
import { defineAction } from '../action';
import { queueFilter } from './queueFilter';

/** The filtered queue as an .xlsx file in cloud storage (phones masked), to download. */
export const exportXlsx = defineAction<{ fileID: string; tempFileURL: string; rows: number; truncated: boolean }>()({
  input: z.strictObject(queueFilter),
});
