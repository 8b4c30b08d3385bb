import { z } from 'zod';
import { defineAction } from '../action';
import { attemptId } from './quizFields';
import type { AttemptResult } from './quizTypes';

/** The review of a submitted paper: answers and explanations, only after submission. */
export const getAttemptResult = defineAction<AttemptResult>()({
  input: z.strictObject({ attemptId }),
  errors: ['ATTEMPT_NOT_FOUND', 'NOT_YOUR_ATTEMPT', 'NOT_SUBMITTED'],
});
