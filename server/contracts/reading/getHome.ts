import { z } from 'zod';
import { defineAction } from '../action';
import type { ReadingPosition, StoryCard } from './types';

/** The 阅读 home: today's recommendation and the story the worker was last reading. */
export const getHome = defineAction<{
  today: string;
  recommendation: StoryCard | null;
  continueReading: (StoryCard & { position: ReadingPosition }) | null;
}>()({
  input: z.strictObject({}),
});
