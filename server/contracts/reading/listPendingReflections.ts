import { z } from 'zod';
import { defineAction } from '../action';
import type { PendingReflection } from './types';

/** The cadre's moderation queue, oldest first, paged by the time written. */
export const listPendingReflections = defineAction<{ reflections: PendingReflection[]; nextAfter: string | null }>()({
  input: z.strictObject({ after: z.iso.datetime().optional() }),
});
