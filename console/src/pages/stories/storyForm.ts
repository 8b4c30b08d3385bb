import { readingSpeed, storyBodyLength, storyFieldNames, storySchema } from '../../../../server/content/storySchema';
import { issuesByField } from '../../../../server/contracts/issueMessages';
import type { StoryTheme } from '../../../../server/contracts/content';
import type { EditableStory } from '../../../../server/contracts/reading';

/** The editor's form: the story's fields as typed, keywords as one line. */
export interface StoryForm {
  id: string;
  theme: StoryTheme;
  title: string;
  era: string;
  year: number;
  summary: string;
  keywords: string;
  paragraphs: string[];
  sources: string[];
  /** '' for the province. */
  orgId: string;
  coverFileId: string | null;
  coverUrl: string | null;
  audioFileId: string | null;
  audioUrl: string | null;
}

export function emptyForm(id: string, theme: StoryTheme, orgId: string): StoryForm {
  return { id, theme, title: '', era: '', year: new Date().getFullYear(), summary: '', keywords: '', paragraphs: [''], sources: [''], orgId, coverFileId: null, coverUrl: null, audioFileId: null, audioUrl: null };
}

export function formOf(story: EditableStory): StoryForm {
  return {
    id: story.id, theme: story.theme, title: story.title, era: story.era, year: story.year, summary: story.summary, keywords: story.keywords.join(','),
    paragraphs: [...story.paragraphs], sources: [...story.sources], orgId: story.orgId ?? '',
    coverFileId: story.coverFileId, coverUrl: story.coverUrl, audioFileId: story.audioFileId, audioUrl: story.audioUrl,
  };
}

export const keywordsOf = (form: StoryForm) => form.keywords.split(/[,,、\s]+/).map((k) => k.trim()).filter(Boolean);
export const readingMinutesOf = (form: StoryForm) => Math.ceil(storyBodyLength(form) / readingSpeed);

/** The saveStory input the form makes. */
export function saveInput(form: StoryForm) {
  return {
    id: form.id, title: form.title, theme: form.theme, era: form.era, year: form.year, summary: form.summary, keywords: keywordsOf(form),
    paragraphs: form.paragraphs, sources: form.sources, orgId: form.orgId === '' ? null : form.orgId, coverFileId: form.coverFileId, audioFileId: form.audioFileId,
  };
}

/**
 * The problems the server's own schema (server/content/storySchema.ts, also the seed's) finds in
 * the form, by field: the console shows them as the editor types, and the server checks again.
 */
export function problemsOf(form: StoryForm): Record<string, string> {
  const candidate = {
    id: form.id, title: form.title, theme: form.theme, era: form.era, year: form.year, summary: form.summary, keywords: keywordsOf(form),
    paragraphs: form.paragraphs, sources: form.sources, readingMinutes: readingMinutesOf(form), ...(form.theme === 'qinghai' ? { region: 'qinghai' as const } : {}),
  };
  const checked = storySchema.safeParse(candidate);
  // In the editor's words: 「标题不能为空」「第 3 段不能为空」「正文共 500 个字,应为 800–2000 个字」.
  return checked.success ? {} : issuesByField(checked.error, storyFieldNames, 'story');
}

/** The next free id of a theme: <theme>-NN after the highest in use. */
export function nextStoryId(theme: StoryTheme, ids: readonly string[]): string | null {
  const numbers = ids.filter((id) => id.startsWith(`${theme}-`)).map((id) => Number(id.slice(theme.length + 1)));
  const next = Math.max(0, ...numbers) + 1;
  return next > 99 ? null : `${theme}-${String(next).padStart(2, '0')}`;
}
