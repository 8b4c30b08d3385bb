import { z } from 'zod';
import { defineAction } from '../action';

/** Where an entry of the points history came from (the ledger's sources). */
export type PointsHistorySource = 'quiz-daily' | 'quiz-practice' | 'quiz-challenge' | 'quiz-contest' | 'reading' | 'reading-checkin';

export interface PointsHistoryEntry {
  id: string;
  source: PointsHistorySource;
  points: number;
  /** ISO time of the award. */
  at: string;
}

/**
 * The worker's own points ledger, newest first, a page at a time: `before` is the previous page's
 * `nextBefore` (the last entry's time), so paging walks the openid+createdAt index instead of skipping.
 */
export const listPointsHistory = defineAction<{ entries: PointsHistoryEntry[]; nextBefore: string | null }>()({
  input: z.strictObject({
    before: z.string().datetime().optional(),
    limit: z.number().int().min(1).max(50).optional(),
  }),
});
