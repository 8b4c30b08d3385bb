import { z } from 'zod';
import { defineAction } from '../action';
import type { AttemptPaper } from './quizTypes';

/** Today's scored paper (Asia/Shanghai day); an unfinished one is handed back as it was. */
export const startDaily = defineAction<AttemptPaper>()({
  input: z.strictObject({}),
  errors: ['DAILY_DONE', 'NO_QUESTIONS'],
});
