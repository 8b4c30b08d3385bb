import { z } from 'zod';
import { defineAction } from '../action';
import { id } from '../fields';
import type { ContestRanking } from './contestTypes';

/**
 * Ranked by score, then by time used: 100 places a page (`cursor`, the previous page's `nextCursor`,
 * asks for the next) and, with the first, the worker's own place.
 * Only for its participants, the members it is open to, and its organisations' cadres.
 */
export const getContestRanking = defineAction<ContestRanking>()({
  input: z.strictObject({ contestId: id, cursor: z.string().max(300).optional() }),
  errors: ['CONTEST_NOT_FOUND', 'NOT_ELIGIBLE'],
});
