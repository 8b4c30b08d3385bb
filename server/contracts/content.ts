import { z } from 'zod';

/** The five histories (四史 + 中国工运史): one English key each (README glossary). */
export const historyKeys = ['party', 'prc', 'reform', 'socialism', 'labor'] as const;
export type HistoryKey = (typeof historyKeys)[number];
export const historyKey = z.enum(historyKeys);

/** Themes of the reading corner. */
export const storyThemes = ['founding', 'construction', 'reform', 'newEra', 'labor', 'qinghai'] as const;
export type StoryTheme = (typeof storyThemes)[number];
export const storyTheme = z.enum(storyThemes);
