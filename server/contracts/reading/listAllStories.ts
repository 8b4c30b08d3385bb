import { z } from 'zod';
import { defineAction } from '../action';
import { storyTheme } from '../content';
import type { StoryCard } from './types';

/** Every story of a theme for a cadre, published or not. */
export const listAllStories = defineAction<{ stories: Array<StoryCard & { published: boolean }> }>()({
  input: z.strictObject({ theme: storyTheme }),
});
