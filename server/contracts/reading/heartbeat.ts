import { z } from 'zod';
import { defineAction } from '../action';
import { storyId } from './fields';

/** "Still reading": counted once per time slot, up to the story's cap. */
export const heartbeat = defineAction<{ counted: boolean; secondsRead: number; capped: boolean; pointsAwarded: number }>()({
  input: z.strictObject({ storyId }),
  errors: ['STORY_NOT_FOUND'],
});
