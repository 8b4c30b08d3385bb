import { z } from 'zod';
import { defineAction } from '../action';
import { queueFilter } from './queueFilter';

/** Rows per exported file: one sheet stays small enough to build inside the function's time. */
export const exportPageRows = 5000;

/**
 * The filtered queue, newest first, as .xlsx files in cloud storage (phones masked), one page of
 * rows per call: `nextCursor` continues after the last row exported (null after the last page).
 */
export const exportXlsx = defineAction<{ fileID: string; tempFileURL: string; rows: number; nextCursor: string | null }>()({
  input: z.strictObject({
    ...queueFilter,
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(exportPageRows).default(exportPageRows),
  }),
});
