import { z } from 'zod';
import { defineAction } from '../action';
import { storyId } from './fields';
import type { StoryOpening } from './types';

/** A story's details, its first chunk of paragraphs and where the worker left off. */
export const openStory = defineAction<StoryOpening>()({
  input: z.strictObject({ storyId }),
  errors: ['STORY_NOT_FOUND'],
});
