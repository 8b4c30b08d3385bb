import { z } from 'zod';
import { storyTheme, type StoryTheme } from '../contracts/content';
import { zh, type FieldNames } from '../contracts/issueMessages';

/**
 * One story of the reading corner as docs/content-format.md describes it. Pure zod, no node
 * imports: the seed script and the reading function validate with this one schema.
 */
export const storyIdPattern = /^(founding|construction|reform|newEra|labor|qinghai)-\d{2}$/;
export const storyBodyRange = { min: 800, max: 2000 } as const;
export const summaryRange = { min: 30, max: 200 } as const;
/** Characters read per minute, the basis of readingMinutes. */
export const readingSpeed = 300;

/** Characters, not UTF-16 units, so a rare character outside the BMP counts once. */
const charCount = (s: string): number => Array.from(s).length;

/** The body's length: every paragraph, white space not counted. */
export function storyBodyLength(story: { paragraphs: readonly string[] }): number {
  return story.paragraphs.reduce((sum, p) => sum + charCount(p.replace(/\s/g, '')), 0);
}

/** Validates without trimming: what the schema accepts is stored exactly as written. */
const text = z.string().regex(/\S/, 'must not be empty');

export const storySchema = z
  .strictObject({
    id: z.string().regex(storyIdPattern, 'id must be <theme>-NN'),
    title: text,
    theme: storyTheme,
    era: text,
    year: z.number().int().min(1800).max(2100),
    summary: text,
    keywords: z.array(text).min(1),
    paragraphs: z.array(text).min(1),
    sources: z.array(text).min(1),
    readingMinutes: z.number().int().positive(),
    region: z.literal('qinghai').optional(),
  })
  .superRefine((s, ctx) => {
    // English for the content tooling, Chinese (after the field's name) for editors.
    const issue = (path: string, message: string, chinese: string) => ctx.addIssue({ code: 'custom', path: [path], message, params: zh(chinese) });
    if (!s.id.startsWith(`${s.theme}-`)) issue('id', `id ${s.id} does not belong to theme ${s.theme}`, `${s.id} 不属于所选主题`);
    const summary = charCount(s.summary);
    if (summary < summaryRange.min || summary > summaryRange.max) {
      issue('summary', `summary is ${summary} characters, not ${summaryRange.min}–${summaryRange.max}`, `共 ${summary} 个字,应为 ${summaryRange.min}–${summaryRange.max} 个字`);
    }
    const length = storyBodyLength(s);
    if (length < storyBodyRange.min || length > storyBodyRange.max) {
      issue('paragraphs', `body is ${length} characters, not ${storyBodyRange.min}–${storyBodyRange.max}`, `共 ${length} 个字,应为 ${storyBodyRange.min}–${storyBodyRange.max} 个字`);
    }
    const minutes = Math.ceil(length / readingSpeed);
    if (s.readingMinutes !== minutes) issue('readingMinutes', `readingMinutes must be ${minutes} (body ${length} characters)`, `应为 ${minutes} 分钟`);
    // The Qinghai theme is by definition set in Qinghai; the reading corner filters on region.
    if (s.theme === 'qinghai' && s.region !== 'qinghai') issue('region', 'a story of theme qinghai has region "qinghai"', '应为青海');
  });

export type Story = z.infer<typeof storySchema>;

/** The story's fields as editors call them, for validation messages (server/contracts/issueMessages.ts). */
export const storyFieldNames: FieldNames = {
  id: '编号', title: '标题', theme: '主题', era: '时代', year: '年份', summary: '摘要', readingMinutes: '阅读时长', region: '地区',
  keywords: { name: '关键词', item: '个关键词' }, paragraphs: { name: '正文', item: '段' }, sources: { name: '资料来源', item: '条资料来源' },
};

/** A story of data/stories/<theme>.json: it has the theme the file is named for. */
export function storySchemaFor(theme: StoryTheme) {
  return storySchema.refine((s) => s.theme === theme, { message: `theme must be ${theme}, the file's name`, path: ['theme'] });
}

export function storyFileSchema(theme: StoryTheme) {
  return z.array(storySchemaFor(theme));
}
