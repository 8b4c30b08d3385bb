import { z } from 'zod';
import { defineAction } from '../action';
import { paragraphIndex, storyId } from './fields';

/** The next whole paragraphs of a story, within the chunk budget. */
export const getChunk = defineAction<{ from: number; paragraphs: string[]; next: number | null }>()({
  input: z.strictObject({ storyId, from: paragraphIndex }),
  errors: ['STORY_NOT_FOUND'],
  labels: { from: '起始段落' },
});
