import { z } from 'zod';
import { defineAction } from '../action';
import { requestId } from './fields';
import type { RequestDetail } from './requestView';

/** A cadre's view of a request of their organisation: the only place the full phone number shows (audited). */
export const cadreDetail = defineAction<RequestDetail>()({
  input: z.strictObject({ requestId }),
  errors: ['NOT_FOUND'],
});
