import { z } from 'zod';
import { defineAction } from '../action';
import { id } from '../fields';
import { note, requestId } from './fields';
import type { RequestDetail } from './requestView';

/** A cadre hands the request to another organisation, with a note; its SLA clock restarts there. */
export const transfer = defineAction<RequestDetail>()({
  input: z.strictObject({ requestId, toOrgId: id, note }),
  errors: ['NOT_FOUND', 'ORG_NOT_FOUND', 'SAME_ORG'],
});
