import { z } from 'zod';
import { defineAction } from '../action';
import { storyId } from './fields';

/** An editor takes a story down (workers no longer find it) or publishes it: only once its cover and audio passed WeChat's media check. */
export const setStoryPublished = defineAction<{ id: string; published: boolean }>()({
  input: z.strictObject({ storyId, published: z.boolean() }),
  errors: ['STORY_NOT_FOUND', 'MEDIA_NOT_CLEARED'],
});
