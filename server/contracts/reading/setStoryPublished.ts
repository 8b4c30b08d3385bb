import { z } from 'zod';
import { defineAction } from '../action';
import { storyId } from './fields';

/** A cadre takes a story down (workers no longer find it) or puts it back. */
export const setStoryPublished = defineAction<{ id: string; published: boolean }>()({
  input: z.strictObject({ storyId, published: z.boolean() }),
  errors: ['STORY_NOT_FOUND'],
});
