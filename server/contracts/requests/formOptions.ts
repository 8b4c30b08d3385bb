import { z } from 'zod';
import { defineAction } from '../action';
import type { RequestCategory } from './categories';

/**
 * What the request form needs from the server: the categories, the subscription templates to ask
 * for, and the caller's own upload folder (photos from anywhere else are refused).
 */
export const formOptions = defineAction<{ categories: Array<{ key: RequestCategory; label: string }>; subscribeTemplateIds: string[]; uploadFolder: string }>()({
  input: z.strictObject({}),
});
