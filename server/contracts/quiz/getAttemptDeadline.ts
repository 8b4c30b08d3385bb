import { z } from 'zod';
import { defineAction } from '../action';
import { attemptId } from './quizFields';

/** Where the caller's paper stands in time now: what the answer page counts down to. */
export interface AttemptDeadline {
  attemptId: string;
  /** When the paper's time is up (ISO): its own deadline, or its contest's close when that comes first. */
  deadline: string;
  /** The last moment a submission is still accepted (ISO): the deadline plus the network grace. */
  acceptedUntil: string;
  /** The paper's contest was ended early by a cadre or an admin (false for a daily paper). */
  closedEarly: boolean;
}

/**
 * The answer page of a contest paper asks this now and then, so that a contest closed early shortens
 * the countdown instead of refusing the paper at 交卷. One or two reads; only the paper's owner may ask.
 */
export const getAttemptDeadline = defineAction<AttemptDeadline>()({
  input: z.strictObject({ attemptId }),
  errors: ['ATTEMPT_NOT_FOUND', 'NOT_YOUR_ATTEMPT'],
});
