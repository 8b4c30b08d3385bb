import { z } from 'zod';
import { defineAction } from '../action';
import { clientRequestId } from '../fields';
import { answers, attemptId } from './quizFields';
import type { AttemptResult } from './quizTypes';

/**
 * Scores a paper on the server; a repeat returns the first result and changes nothing. A contest
 * paper's review comes empty with `reviewOpensAt` until the contest is over.
 */
export const submitAttempt = defineAction<AttemptResult>()({
  input: z.strictObject({ attemptId, answers, clientRequestId: clientRequestId.optional() }),
  errors: ['ATTEMPT_NOT_FOUND', 'NOT_YOUR_ATTEMPT', 'ATTEMPT_EXPIRED', 'UNKNOWN_QUESTION'],
});
