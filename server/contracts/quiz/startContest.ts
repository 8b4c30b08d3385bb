import { z } from 'zod';
import { defineAction } from '../action';
import { id } from '../fields';
import type { AttemptPaper } from './quizTypes';

/** The one scored attempt of a contest, inside its window; submitted with submitAttempt. */
export const startContest = defineAction<AttemptPaper>()({
  input: z.strictObject({ contestId: id }),
  errors: ['CONTEST_NOT_FOUND', 'CONTEST_CLOSED', 'NOT_ELIGIBLE', 'ALREADY_ATTEMPTED', 'NO_QUESTIONS'],
});
