import { z } from 'zod';
import { defineAction } from '../action';
import { queueFilter } from './queueFilter';
import type { RequestSummary } from './requestView';

/** A cadre's queue: the requests of their organisations and their descendants, filtered. */
export const queue = defineAction<{ requests: RequestSummary[] }>()({
  input: z.strictObject({
    ...queueFilter,
    limit: z.number().int().min(1).max(200).default(100),
  }),
});
