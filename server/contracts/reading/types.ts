import type { StoryTheme } from '../content';

/**
 * A story's text and facts as an editor writes them and the corner stores them (the id aside):
 * the editor's view (getEditableStory) and the stored document (server/db/reading/stories.ts)
 * both build on it.
 */
export interface StoryText {
  title: string;
  theme: StoryTheme;
  era: string;
  year: number;
  summary: string;
  keywords: string[];
  paragraphs: string[];
  sources: string[];
  readingMinutes: number;
}

/** A story in a list: no body. */
export interface StoryCard {
  id: string;
  title: string;
  theme: StoryTheme;
  year: number;
  summary: string;
  readingMinutes: number;
  likes: number;
}

/** A worker's progress in a story: reading time counted by the server, as a share of the story's. */
export interface StoryProgress {
  percent: number;
  finished: boolean;
}

/** A list card with the worker's own progress (null: never opened). */
export type StoryCardWithProgress = StoryCard & { progress: StoryProgress | null };

/** Where a worker left a story: paragraph index and the scroll offset inside it (px). */
export interface ReadingPosition {
  paragraph: number;
  offset: number;
}

export interface StoryImage {
  afterParagraph: number;
  fileId: string;
}

/** Opening a story: its details, the first chunk of paragraphs, and the worker's state and saved place. */
export interface StoryOpening {
  id: string;
  title: string;
  theme: StoryTheme;
  era: string;
  year: number;
  sources: string[];
  readingMinutes: number;
  paragraphCount: number;
  images: StoryImage[];
  /** The cover image shown above the title (an editor's upload), if any. */
  coverFileId: string | null;
  audioFileId: string | null;
  likes: number;
  liked: boolean;
  favorited: boolean;
  position: ReadingPosition | null;
  chunk: { from: number; paragraphs: string[]; next: number | null };
}

export interface CheckinMonth {
  month: string;
  days: string[];
  streak: number;
  checkedInToday: boolean;
  today: string;
}

/**
 * A story's cover or audio passes WeChat's asynchronous media check before readers get it, as a
 * worker's photo or avatar does: 'checking' until the verdict arrives, 'refused' when WeChat found
 * it risky (the file is then deleted), 'unchecked' for a file uploaded before stories were checked.
 */
export type StoryMediaCheck = 'checking' | 'pass' | 'refused' | 'unchecked';

export type ReflectionStatus = 'pending' | 'approved' | 'rejected';

/** A 读后感 as a worker sees it: others' only once approved; the author's own in any state. */
export interface ReflectionView {
  id: string;
  nickname: string;
  text: string;
  status: ReflectionStatus;
  mine: boolean;
  createdAt: string;
  /** Why it was not approved: shown to its author only. */
  reason?: string;
}

/** A reflection in the cadre's moderation queue. */
export interface PendingReflection {
  id: string;
  storyId: string;
  storyTitle: string;
  nickname: string;
  /** The author's organisation (its name), by which moderation is scoped. */
  authorOrg: string;
  text: string;
  createdAt: string;
}
