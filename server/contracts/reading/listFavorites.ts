import { z } from 'zod';
import { defineAction } from '../action';
import { pageSize } from './fields';
import type { StoryCard } from './types';

/**
 * The worker's favourites, newest first, a page at a time: `cursor` is the previous page's
 * `nextCursor` (opaque: the last favourite's time saved and id, so two saved in the same
 * millisecond are never split by a page break and lost).
 */
export const listFavorites = defineAction<{ stories: Array<StoryCard & { savedAt: string }>; nextCursor: string | null }>()({
  input: z.strictObject({ cursor: z.string().max(200).optional(), limit: pageSize.optional() }),
});
