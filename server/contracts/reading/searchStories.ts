import { z } from 'zod';
import { defineAction } from '../action';
import { storyId } from './fields';
import type { StoryCard } from './types';

/**
 * Stories whose title, keywords or summary contain the words typed, in id order, twenty a page:
 * `after` is the previous page's `nextAfter` (the last id shown), null once every story is searched.
 */
export const searchStories = defineAction<{ stories: StoryCard[]; nextAfter: string | null }>()({
  input: z.strictObject({ query: z.string().trim().min(1, '请输入要搜索的内容').max(30, '搜索词最多 30 个字'), after: storyId.optional() }),
});
