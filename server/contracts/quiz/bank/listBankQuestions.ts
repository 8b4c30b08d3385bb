import { z } from 'zod';
import { defineAction } from '../../action';
import { bankFilter, bankQuestionId, type EditorQuestion } from './bankTypes';

/** The bank for editors, in id order, a page at a time after `cursor` (the last id of the previous page). */
export const listBankQuestions = defineAction<{ items: EditorQuestion[]; nextCursor: string | null; total: number }>()({
  input: z.strictObject({ ...bankFilter, cursor: bankQuestionId.optional(), limit: z.number().int().min(1).max(50).default(20) }),
});
