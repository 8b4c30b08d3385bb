import { z } from 'zod';
import { defineAction } from '../action';
import type { WrongBookItem } from './practiceTypes';

/** Where the previous page ended: the last entry's `updatedAt` (ISO) and `_id`, as nextCursor gave them. */
export const wrongBookCursor = z.string().max(200).regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\|[^|]{1,80}\|[a-z]+-\d{3}$/, '分页位置无效');

/** 错题本: the worker's wrong answers, latest first, a page at a time (paged by the sort key, never by skip). */
export const listWrongBook = defineAction<{ items: WrongBookItem[]; nextCursor: string | null; total: number }>()({
  input: z.strictObject({ cursor: wrongBookCursor.optional(), pageSize: z.number().int().min(1).max(50).optional() }),
});
