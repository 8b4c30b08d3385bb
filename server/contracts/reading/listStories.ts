import { z } from 'zod';
import { defineAction } from '../action';
import { storyTheme } from '../content';
import { pageSize, storyId } from './fields';
import type { StoryCardWithProgress } from './types';

/** One theme's stories in id order, paged by the last id seen (a sort key, not skip), with the worker's progress. */
export const listStories = defineAction<{ stories: StoryCardWithProgress[]; nextAfter: string | null }>()({
  input: z.strictObject({ theme: storyTheme, after: storyId.optional(), limit: pageSize.optional() }),
});
