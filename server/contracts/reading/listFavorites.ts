import { z } from 'zod';
import { defineAction } from '../action';
import { pageSize } from './fields';
import type { StoryCard } from './types';

/** The worker's favourites, newest first, paged by the time saved (a sort key, not skip). */
export const listFavorites = defineAction<{ stories: Array<StoryCard & { savedAt: string }>; nextBefore: string | null }>()({
  input: z.strictObject({ before: z.iso.datetime().optional(), limit: pageSize.optional() }),
});
