import { z } from 'zod';
import { defineAction } from '../action';
import { id } from '../fields';
import type { LeaderboardView } from './leaderboardTypes';

export const boardScope = z.enum(['province', 'org', 'group']);
export const boardPeriod = z.enum(['day', 'week', 'all']);

/** Top 100 of a board and the worker's own place, however far below. */
export const getLeaderboard = defineAction<LeaderboardView>()({
  input: z.strictObject({ scope: boardScope, period: boardPeriod, groupId: id.optional() }),
  errors: ['NO_ORG', 'NOT_A_MEMBER', 'GROUP_REQUIRED'],
});
