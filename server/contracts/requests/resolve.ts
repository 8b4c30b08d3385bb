import { z } from 'zod';
import { defineAction } from '../action';
import { note, requestId } from './fields';
import type { RequestDetail } from './requestView';

/** A cadre resolves the request with a reply. */
export const resolve = defineAction<RequestDetail>()({
  input: z.strictObject({ requestId, note }),
  errors: ['NOT_FOUND'],
});
