import { z } from 'zod';
import { defineAction } from '../action';
import { note, requestId } from './fields';
import type { RequestDetail } from './requestView';

/** A cadre declines the request as out of scope, with a reason. */
export const decline = defineAction<RequestDetail>()({
  input: z.strictObject({ requestId, note }),
  errors: ['NOT_FOUND'],
});
