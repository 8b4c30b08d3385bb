import { z } from 'zod';
import { defineAction } from '../action';
import { storyId } from './fields';

/** Like or unlike; a worker counts once however often they tap. */
export const setLike = defineAction<{ liked: boolean; likes: number }>()({
  input: z.strictObject({ storyId, liked: z.boolean() }),
  errors: ['STORY_NOT_FOUND'],
});
