import { z } from 'zod';
import { defineAction } from '../action';
import type { RequestSummary } from './requestView';

/**
 * 我的诉求: the worker's requests, newest first, a page at a time: `cursor` is the previous page's
 * `nextCursor` (the last request's time and id), so paging walks the openid+createdAt index.
 */
export const listMine = defineAction<{ requests: RequestSummary[]; nextCursor: string | null }>()({
  input: z.strictObject({
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(50).default(20),
  }),
});
