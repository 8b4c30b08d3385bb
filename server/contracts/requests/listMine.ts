import { z } from 'zod';
import { defineAction } from '../action';
import type { RequestSummary } from './requestView';

/** 我的诉求: the worker's requests, newest first. */
export const listMine = defineAction<{ requests: RequestSummary[] }>()({
  input: z.strictObject({ limit: z.number().int().min(1).max(100).default(50) }),
});
