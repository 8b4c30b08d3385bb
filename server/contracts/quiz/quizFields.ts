import { z } from 'zod';
import { id } from '../fields';

/** Option letters as the bank stores them; a choice is a set of them. */
export const optionKey = z.enum(['A', 'B', 'C', 'D', 'E']);
export const choice = z.array(optionKey).max(5);
export const questionId = z.string().regex(/^(party|prc|reform|socialism|labor)-\d{3}$/, '题目编号无效');
export const attemptId = id;
export const answerItem = z.strictObject({ questionId, choice });
/** A paper has at most 50 questions; longer arrays are refused before anything is read. */
export const answers = z.array(answerItem).max(50);
