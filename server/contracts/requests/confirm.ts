import { z } from 'zod';
import { defineAction } from '../action';
import { requestId } from './fields';
import type { RequestDetail } from './requestView';

/** The worker confirms the resolution: the request is closed. */
export const confirm = defineAction<RequestDetail>()({
  input: z.strictObject({ requestId }),
  errors: ['NOT_FOUND'],
});
