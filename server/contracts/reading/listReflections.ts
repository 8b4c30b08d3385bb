import { z } from 'zod';
import { defineAction } from '../action';
import { storyId } from './fields';
import type { ReflectionView } from './types';

/**
 * Approved reflections on a story, newest first, a page at a time: `cursor` is the previous page's
 * `nextCursor` (opaque: the last reflection's time and id, so two approved in the same millisecond
 * are never split by a page break and lost). The first page (no cursor) also brings the first page
 * of the worker's own not-yet-approved ones (`mine`, newest first); `mineNextCursor` is where
 * `listMyReflections` goes on with them (null: all shown). Later pages leave `mine` empty.
 */
export const listReflections = defineAction<{ mine: ReflectionView[]; mineNextCursor: string | null; approved: ReflectionView[]; nextCursor: string | null }>()({
  input: z.strictObject({ storyId, cursor: z.string().max(200).optional() }),
});
