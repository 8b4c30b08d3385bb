import { z } from 'zod';
import { defineAction } from '../action';
import { storyId } from './fields';
import type { ReflectionView } from './types';

/**
 * The worker's own reflections on a story that are not approved (awaiting a decision, or rejected
 * with the moderator's reason), newest first, a page at a time: `cursor` is `mineNextCursor` of
 * `listReflections` or this action's `nextCursor` (opaque: time and id, so none written in the same
 * millisecond is lost at a page break). Approved ones are in the story's list for everyone.
 */
export const listMyReflections = defineAction<{ reflections: ReflectionView[]; nextCursor: string | null }>()({
  input: z.strictObject({ storyId, cursor: z.string().max(200).optional() }),
});
