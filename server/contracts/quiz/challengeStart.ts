import { z } from 'zod';
import { defineAction } from '../action';
import type { PublicQuestion } from './quizTypes';

/** 挑战答题: questions one at a time until the first wrong answer; the streak is the score. A start counts against the practice quota; it ends the worker's earlier open run. */
export const challengeStart = defineAction<{ attemptId: string; question: PublicQuestion; streak: number }>()({
  input: z.strictObject({}),
  errors: ['NO_QUESTIONS', 'TOO_MANY'],
});
