import { z } from 'zod';
import { defineAction } from '../action';
import { storyTheme } from '../content';
import { pageSize, storyId } from './fields';
import type { StoryCard } from './types';

/** A story in an editor's list: whose it is, published or not, and whether this editor may change it. */
export type ManagedStory = StoryCard & { published: boolean; orgId: string | null; orgName: string; editable: boolean };

/**
 * A theme's stories for an editor, published or not, in id order a page at a time: `after` is the
 * previous page's `nextAfter` (the last id shown), so paging walks the sort key instead of skipping.
 */
export const listAllStories = defineAction<{ stories: ManagedStory[]; nextAfter: string | null }>()({
  input: z.strictObject({ theme: storyTheme, after: storyId.optional(), limit: pageSize.optional() }),
});
