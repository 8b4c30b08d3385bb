import { z } from 'zod';
import { defineAction } from '../action';
import { storyId } from './fields';

export const setFavorite = defineAction<{ favorited: boolean }>()({
  input: z.strictObject({ storyId, favorited: z.boolean() }),
  errors: ['STORY_NOT_FOUND'],
});
