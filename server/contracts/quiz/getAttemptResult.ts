import { z } from 'zod';
import { defineAction } from '../action';
import { attemptId } from './quizFields';
import type { AttemptResult } from './quizTypes';

/**
 * The review of a submitted paper: answers and explanations, only after submission; a contest
 * paper's only once the contest is over (`reviewOpensAt` says when, the score is there at once).
 */
export const getAttemptResult = defineAction<AttemptResult>()({
  input: z.strictObject({ attemptId }),
  errors: ['ATTEMPT_NOT_FOUND', 'NOT_YOUR_ATTEMPT', 'NOT_SUBMITTED'],
});
