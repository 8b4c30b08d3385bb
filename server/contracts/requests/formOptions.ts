import { z } from 'zod';
import { defineAction } from '../action';
import type { RequestCategory } from './categories';

/** The service-level promise shown before filing: working days, and the deadlines if filed now (Shanghai time). */
export interface ServiceLevelPreview {
  acceptWithinWorkingDays: number;
  resolveWithinWorkingDays: number;
  acceptDueText: string;
  resolveDueText: string;
}

/**
 * What the request form needs from the server: the categories, the subscription templates to ask
 * for, the caller's own upload folder (photos from anywhere else are refused) and the service levels.
 */
export const formOptions = defineAction<{
  categories: Array<{ key: RequestCategory; label: string }>;
  subscribeTemplateIds: string[];
  uploadFolder: string;
  serviceLevels: ServiceLevelPreview;
}>()({
  input: z.strictObject({}),
});
