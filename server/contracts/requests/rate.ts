import { z } from 'zod';
import { defineAction } from '../action';
import { comment, requestId } from './fields';
import type { RequestDetail } from './requestView';

/** 1–5 stars and a comment, once; rating a resolved request closes it. */
export const rate = defineAction<RequestDetail>()({
  input: z.strictObject({ requestId, stars: z.number().int().min(1, '请打 1–5 星').max(5, '请打 1–5 星'), comment: comment.default('') }),
  errors: ['NOT_FOUND', 'ALREADY_RATED'],
});
