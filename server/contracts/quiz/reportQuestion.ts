import { z } from 'zod';
import { defineAction } from '../action';
import { questionId } from './quizFields';

export const reportReason = z.enum(['answer', 'explanation', 'stem', 'options', 'source', 'other']);

/** 纠错: the worker says what is wrong with a question; one open report per worker and question. */
export const reportQuestion = defineAction<{ reportId: string; reports: number }>()({
  input: z.strictObject({
    questionId,
    reason: reportReason,
    note: z.string().trim().min(2, '请写几个字说明问题').max(300, '说明最多 300 个字'),
  }),
  errors: ['QUESTION_NOT_FOUND', 'ALREADY_REPORTED'],
  labels: { reason: '问题类型' },
});
