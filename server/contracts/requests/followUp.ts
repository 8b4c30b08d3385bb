import { z } from 'zod';
import { defineAction } from '../action';
import { requestId } from './fields';
import { followUpOutcomeKeys } from './followUpOutcomes';
import type { RequestDetail } from './requestView';

/** 回访: after resolution a cadre calls the worker back and records the outcome (once). */
export const followUp = defineAction<RequestDetail>()({
  input: z.strictObject({ requestId, outcome: z.enum(followUpOutcomeKeys), note: z.string().trim().max(300, '最多 300 个字').default('') }),
  errors: ['NOT_FOUND', 'NOT_RESOLVED', 'ALREADY_FOLLOWED_UP'],
});

/** The reply templates a desk offers (a cadre edits the text before sending). */
export const replyTemplates = defineAction<{ templates: Array<{ key: string; title: string; text: string; for: Array<'reply' | 'resolve' | 'decline' | 'transfer'> }> }>()({
  input: z.strictObject({}),
});
