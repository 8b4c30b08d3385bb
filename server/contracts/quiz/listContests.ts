import { z } from 'zod';
import { defineAction } from '../action';
import type { ContestSummary } from './contestTypes';

/**
 * Contests open now (or soon) that the worker's organisation may enter, soonest ending first, a
 * page at a time: `cursor` is the previous page's `nextCursor` (opaque: the last contest's end and
 * id, so two ending at the same moment are never split by a page break and lost).
 */
export const listContests = defineAction<{ contests: ContestSummary[]; nextCursor: string | null }>()({
  input: z.strictObject({ cursor: z.string().max(200).optional(), limit: z.number().int().min(1).max(50).default(20) }),
});
