import { z } from 'zod';
import { defineAction } from '../action';
import { storyId } from './fields';
import type { ReflectionView } from './types';

/**
 * Approved reflections on a story, newest first, a page at a time, with the worker's own (any state)
 * on top of the first page: `cursor` is the previous page's `nextCursor` (opaque: the last
 * reflection's time and id, so two approved in the same millisecond are never split by a page
 * break and lost).
 */
export const listReflections = defineAction<{ mine: ReflectionView[]; approved: ReflectionView[]; nextCursor: string | null }>()({
  input: z.strictObject({ storyId, cursor: z.string().max(200).optional() }),
});
