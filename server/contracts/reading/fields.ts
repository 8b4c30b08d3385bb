import { z } from 'zod';
import { storyIdPattern } from '../../content/storySchema';

/** Reading-corner fields, bounded like every other input. */
export const storyId = z.string().max(32).regex(storyIdPattern, '故事编号无效');
export const pageSize = z.number().int().min(1).max(50);
export const paragraphIndex = z.number().int().min(0).max(10000);
export const month = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
