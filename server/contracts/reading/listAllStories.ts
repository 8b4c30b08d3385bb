import { z } from 'zod';
import { defineAction } from '../action';
import { storyTheme } from '../content';
import type { StoryCard } from './types';

/** A story in an editor's list: whose it is, published or not, and whether this editor may change it. */
export type ManagedStory = StoryCard & { published: boolean; orgId: string | null; orgName: string; editable: boolean };

/** Every story of a theme for an editor, published or not. */
export const listAllStories = defineAction<{ stories: ManagedStory[] }>()({
  input: z.strictObject({ theme: storyTheme }),
});
