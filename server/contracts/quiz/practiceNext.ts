import { z } from 'zod';
import { historyKey } from '../content';
import { defineAction } from '../action';
import type { PublicQuestion } from './quizTypes';

/** 专项练习 by history, or a review of the 错题本: one question at a time, unscored, at most 20 a minute and 300 a day (TOO_MANY). */
export const practiceNext = defineAction<{ question: PublicQuestion }>()({
  input: z.union([z.strictObject({ from: z.literal('history'), history: historyKey }), z.strictObject({ from: z.literal('wrongBook') })]),
  errors: ['NO_QUESTIONS', 'WRONG_BOOK_EMPTY', 'TOO_MANY'],
  labels: { from: '练习方式' },
});
