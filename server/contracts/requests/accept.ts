import { z } from 'zod';
import { defineAction } from '../action';
import { requestId } from './fields';
import type { RequestDetail } from './requestView';

/** A cadre takes the request on. */
export const accept = defineAction<RequestDetail>()({
  input: z.strictObject({ requestId, note: z.string().trim().max(500, '最多 500 个字').default('') }),
  errors: ['NOT_FOUND'],
});
