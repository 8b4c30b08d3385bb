import { z } from 'zod';
import { defineAction } from '../action';
import { month } from './fields';
import type { CheckinMonth } from './types';

/** The check-in calendar of a month (this month if none is given) and the current streak. */
export const getCheckinMonth = defineAction<CheckinMonth>()({
  input: z.strictObject({ month: month.optional() }),
});
