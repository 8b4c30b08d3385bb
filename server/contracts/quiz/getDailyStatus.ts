import { z } from 'zod';
import { defineAction } from '../action';
import type { DailyStatus } from './quizTypes';

/** What the 学习 home shows: today's paper and the worker's points. */
export const getDailyStatus = defineAction<DailyStatus>()({
  input: z.strictObject({}),
});
