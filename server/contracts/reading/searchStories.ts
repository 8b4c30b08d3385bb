import { z } from 'zod';
import { defineAction } from '../action';
import type { StoryCard } from './types';

/** Stories whose title, keywords or summary contain the words typed. */
export const searchStories = defineAction<{ stories: StoryCard[] }>()({
  input: z.strictObject({ query: z.string().trim().min(1, '请输入要搜索的内容').max(30, '搜索词最多 30 个字') }),
});
