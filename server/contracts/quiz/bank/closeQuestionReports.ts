import { z } from 'zod';
import { defineAction } from '../../action';
import { bankQuestionId } from './bankTypes';

/**
 * Closes every open report of a question: resolved (the question was corrected, or was right and
 * the reply explains) or rejected with a reason. Each reporter sees the outcome and the reply.
 */
export const closeQuestionReports = defineAction<{ questionId: string; closed: number }>()({
  input: z.strictObject({ questionId: bankQuestionId, outcome: z.enum(['resolved', 'rejected']), reply: z.string().trim().min(2).max(200) }),
  errors: ['NO_OPEN_REPORTS'],
});
