import { z } from 'zod';
import { defineAction } from '../action';
import { id } from '../fields';
import { requestId } from './fields';
import type { RequestDetail } from './requestView';

/** A cadre who may be named on a request: found by name and organisation, never typed in as an openid. */
export interface Assignee {
  openid: string;
  nickname: string;
  orgName: string;
}

/** The cadres whose organisation tree covers this request (its organisation and its ancestors). */
export const listAssignees = defineAction<{ assignees: Assignee[] }>()({
  input: z.strictObject({ requestId }),
  errors: ['NOT_FOUND'],
});

/** Names the cadre who handles the request (one of listAssignees). */
export const assign = defineAction<RequestDetail>()({
  input: z.strictObject({ requestId, assigneeOpenid: id }),
  errors: ['NOT_FOUND', 'NOT_ASSIGNABLE'],
});
