import { z } from 'zod';
import { defineAction } from '../../action';
import { bankQuestionId, type EditorQuestion } from './bankTypes';

/** Retires a question (no paper, practice, 背题 or contest serves it again) or restores it. */
export const setQuestionRetired = defineAction<EditorQuestion>()({
  input: z.strictObject({ id: bankQuestionId, retired: z.boolean() }),
  errors: ['QUESTION_NOT_FOUND'],
});
