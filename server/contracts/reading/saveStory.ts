import { z } from 'zod';
import { defineAction } from '../action';
import { storyTheme } from '../content';
import { storyId } from './fields';

const line = (max: number) => z.string().trim().min(1).max(max);

/**
 * A cadre writes or edits a story. Bounded here; the content rules of data/ (body length, id
 * matching the theme, Qinghai region) are checked on the server with the seed's own schema.
 */
export const saveStory = defineAction<{ id: string; readingMinutes: number; created: boolean }>()({
  input: z.strictObject({
    id: storyId,
    title: line(40),
    theme: storyTheme,
    era: line(20),
    year: z.number().int().min(1800).max(2100),
    summary: line(200),
    keywords: z.array(line(12)).min(1).max(10),
    paragraphs: z.array(line(2000)).min(1).max(80),
    sources: z.array(line(200)).min(1).max(10),
  }),
  errors: ['STORY_INVALID'],
});
