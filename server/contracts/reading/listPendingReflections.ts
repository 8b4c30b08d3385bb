import { z } from 'zod';
import { defineAction } from '../action';
import type { PendingReflection } from './types';

/**
 * The cadre's moderation queue, oldest first, a page at a time: `cursor` is the previous page's
 * `nextCursor` (opaque: the last reflection's time and id, so two written in the same millisecond
 * are never split by a page break and lost).
 */
export const listPendingReflections = defineAction<{ reflections: PendingReflection[]; nextCursor: string | null }>()({
  input: z.strictObject({ cursor: z.string().max(200).optional() }),
});
