import { z } from 'zod';
import { defineAction } from '../action';
import { paragraphIndex, storyId } from './fields';

/** Where the worker is in a story, kept on the server so any device resumes there. */
export const saveProgress = defineAction<{ saved: true }>()({
  input: z.strictObject({ storyId, paragraph: paragraphIndex, offset: z.number().int().min(0).max(100000) }),
  errors: ['STORY_NOT_FOUND'],
});
