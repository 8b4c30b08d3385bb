import { z } from 'zod';
import { defineAction } from '../action';
import { id } from '../fields';
import type { LeaderboardView } from './leaderboardTypes';

export const boardScope = z.enum(['province', 'org', 'group']);
export const boardPeriod = z.enum(['day', 'week', 'all']);

/**
 * Top 100 of a board and the worker's own place, however far below. `orgId` picks the worker's
 * organisation (the default) or one of its parents; `groupId` one of the worker's remembered groups.
 * `cursor` (the previous page's `nextCursor`) asks for the next 100 places instead: `top` is then
 * that page and `me` is not read again (null).
 */
export const getLeaderboard = defineAction<LeaderboardView>()({
  input: z.strictObject({ scope: boardScope, period: boardPeriod, orgId: id.optional(), groupId: id.optional(), cursor: z.string().max(300).optional() }),
  errors: ['NO_ORG', 'NOT_A_MEMBER', 'GROUP_REQUIRED'],
});
