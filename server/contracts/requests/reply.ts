import { z } from 'zod';
import { defineAction } from '../action';
import { note, requestId } from './fields';
import type { RequestDetail } from './requestView';

/** A cadre answers the worker without changing the state. */
export const reply = defineAction<RequestDetail>()({
  input: z.strictObject({ requestId, note }),
  errors: ['NOT_FOUND'],
});
