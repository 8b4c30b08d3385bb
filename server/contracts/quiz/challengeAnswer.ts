import { z } from 'zod';
import { defineAction } from '../action';
import { attemptId, choice, questionId } from './quizFields';
import type { ChallengeStep } from './practiceTypes';

/** Answers the challenge's current question; the next one is handed out only after a right answer. */
export const challengeAnswer = defineAction<ChallengeStep>()({
  input: z.strictObject({ attemptId, questionId, choice }),
  errors: ['ATTEMPT_NOT_FOUND', 'NOT_YOUR_ATTEMPT', 'ATTEMPT_CLOSED', 'NOT_SERVED'],
});
