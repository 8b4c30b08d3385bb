import { z } from 'zod';
import { defineAction } from '../action';
import { choice, questionId } from './quizFields';
import type { AnswerVerdict } from './practiceTypes';

/** Checks a practice answer at once; only the question last served to this worker is accepted. */
export const practiceAnswer = defineAction<AnswerVerdict>()({
  input: z.strictObject({ questionId, choice }),
  errors: ['NOT_SERVED'],
});
