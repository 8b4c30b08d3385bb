import { z } from 'zod';
import { defineAction } from '../action';
import { storyTheme } from '../content';
import { id } from '../fields';
import { storyId } from './fields';
import type { StoryMediaCheck } from './types';
import { storyMediaFileId } from './storyMedia';

const line = (max: number) => z.string().trim().min(1).max(max);

/**
 * An editor writes or edits a story. Bounded here; the content rules of data/ (body length, id
 * matching the theme, Qinghai region) are checked on the server with the seed's own schema. A new
 * story is saved as a draft (workers see it once published); saving never changes that state.
 * `orgId`: whose story it is (null: the province's); on an edit, absent keeps the story's own.
 * A cover or audio still in its media check may be saved (readers get it once it passes); a refused one may not.
 */
export const saveStory = defineAction<{ id: string; readingMinutes: number; created: boolean; published: boolean; coverCheck: StoryMediaCheck | null; audioCheck: StoryMediaCheck | null }>()({
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
    orgId: id.nullable().optional(),
    coverFileId: storyMediaFileId.nullable().optional(),
    audioFileId: storyMediaFileId.nullable().optional(),
  }),
  errors: ['STORY_INVALID', 'ORG_NOT_FOUND', 'MEDIA_REFUSED'],
});
