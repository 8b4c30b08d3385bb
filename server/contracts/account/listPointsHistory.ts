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
 * The worker's own points ledger, newest first, a page at a time: `cursor` is the previous page's
 * `nextCursor` (opaque: the last entry's time and id, so two awards in the same millisecond are
 * never split by a page break and lost), so paging walks the openid+createdAt+_id index instead of skipping.
 */
export const listPointsHistory = defineAction<{ entries: PointsHistoryEntry[]; nextCursor: string | null }>()({
  input: z.strictObject({
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(50).optional(),
  }),
});
