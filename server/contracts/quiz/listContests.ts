import { z } from 'zod';
import { defineAction } from '../action';
import type { ContestSummary } from './contestTypes';

/** Contests open now (or soon) that the worker's organisation may enter. */
export const listContests = defineAction<{ contests: ContestSummary[] }>()({
  input: z.strictObject({}),
});
