import { z } from 'zod';
import { defineAction } from '../../action';
import { bankQuestionId, type EditorQuestion } from './bankTypes';

export const getBankQuestion = defineAction<EditorQuestion>()({
  input: z.strictObject({ id: bankQuestionId }),
  errors: ['QUESTION_NOT_FOUND'],
});
