import { z } from 'zod';
import { defineAction } from '../action';
import { requestId } from './fields';
import type { RequestDetail } from './requestView';

/** The worker's own request with its timeline (phone masked). */
export const detail = defineAction<RequestDetail>()({
  input: z.strictObject({ requestId }),
  errors: ['NOT_FOUND'],
});
