import { z } from 'zod';
import { defineAction } from '../action';
import { requestId } from './fields';
import type { RequestDetail } from './requestView';

/** Withdraws a request no cadre has accepted yet. */
export const withdraw = defineAction<RequestDetail>()({
  input: z.strictObject({ requestId }),
  errors: ['NOT_FOUND'],
});
