import { z } from 'zod';
import { defineAction } from '../action';
import { note, requestId } from './fields';
import type { RequestDetail } from './requestView';

/** Within 7 days of the resolution the worker may ask for it to be handled again, saying why. */
export const reopen = defineAction<RequestDetail>()({
  input: z.strictObject({ requestId, reason: note }),
  errors: ['NOT_FOUND', 'REOPEN_EXPIRED'],
  labels: { reason: '重新办理的原因' },
});
