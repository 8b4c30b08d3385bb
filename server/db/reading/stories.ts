import type { StoryTheme } from '../../contracts/content';
import type { StoryCard, StoryImage, StoryText } from '../../contracts/reading';
import type { Database } from '../database';
import { readingCollections } from './readingCollections';

/** A story's text (a seeded one: server/content/storySchema.ts) stored with its id as _id, plus what the corner adds. */
export interface StoryDoc extends StoryText {
  _id: string;
  likes?: number;
  images?: StoryImage[];
  coverFileId?: string | null;
  audioFileId?: string | null;
  /** Whose story it is: an organisation, or absent/null for the province's (every seeded story). */
  orgId?: string | null;
  /** Set by a cadre who takes the story down; seeded stories have no such field and are published. */
  unpublished?: boolean;
  /** Written by every editor's change (the seed leaves a story with updatedBy alone). */
  updatedAt?: Date;
  updatedBy?: string;
}

/** Everything but the body: lists never carry paragraphs. */
export const cardFields = { _id: true, title: true, theme: true, year: true, summary: true, readingMinutes: true, likes: true, keywords: true, unpublished: true, orgId: true } as const;

export type StoryCardDoc = Pick<StoryDoc, '_id' | 'title' | 'theme' | 'year' | 'summary' | 'readingMinutes' | 'likes' | 'keywords' | 'unpublished' | 'orgId'>;

/** What workers may see: a story a cadre took down is gone for them. */
const visible = (db: Database) => ({ unpublished: db.command.neq(true) });

export function toCard(doc: StoryCardDoc): StoryCard {
  return { id: doc._id, title: doc.title, theme: doc.theme, year: doc.year, summary: doc.summary, readingMinutes: doc.readingMinutes, likes: doc.likes ?? 0 };
}

export async function findStory(db: Database, storyId: string): Promise<StoryDoc | null> {
  // The ids of the counter's last changes (server/db/reading/likes.ts) stay on the server.
  const { data } = await db.collection(readingCollections.stories).where({ _id: storyId, ...visible(db) }).field({ likeOps: false }).limit(1).get();
  return (data[0] as StoryDoc | undefined) ?? null;
}

export async function findCards(db: Database, ids: string[]): Promise<StoryCardDoc[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  const { data } = await db.collection(readingCollections.stories).where({ _id: _.in(ids), ...visible(db) }).field(cardFields).limit(ids.length).get();
  return data as StoryCardDoc[];
}

/** A theme's page in _id order after a given id (index theme_1__id_1); an editor's view has the taken-down ones too. */
export async function storiesOfTheme(db: Database, theme: StoryTheme, after: string | undefined, limit: number, view: 'workers' | 'editors' = 'workers'): Promise<StoryCardDoc[]> {
  const _ = db.command;
  const shown = view === 'workers' ? visible(db) : {};
  const where = after ? { theme, _id: _.gt(after), ...shown } : { theme, ...shown };
  const { data } = await db.collection(readingCollections.stories).where(where).orderBy('_id', 'asc').field(cardFields).limit(limit).get();
  return data as StoryCardDoc[];
}

/** How many stories workers may see: the range of the daily pick. */
export async function countVisibleStories(db: Database): Promise<number> {
  const { total } = await db.collection(readingCollections.stories).where(visible(db)).count();
  return total;
}

/**
 * The visible story at a place in _id order (the daily pick). One document comes back; the skip walks
 * the _id index up to that place, a cost bounded by the catalogue (thousands of curated stories, not
 * one per worker), where reading every card would also be capped at 1,000 and miss the rest.
 */
export async function visibleCardAt(db: Database, index: number): Promise<StoryCardDoc | null> {
  const { data } = await db.collection(readingCollections.stories).where(visible(db)).orderBy('_id', 'asc').skip(index).field(cardFields).limit(1).get();
  return (data[0] as StoryCardDoc | undefined) ?? null;
}

export async function storyExists(db: Database, storyId: string): Promise<boolean> {
  const { total } = await db.collection(readingCollections.stories).where({ _id: storyId }).count();
  return total > 0;
}

/** Any story, taken down or not (an editor's view). */
export async function findAnyStory(db: Database, storyId: string): Promise<StoryDoc | null> {
  const { data } = await db.collection(readingCollections.stories).where({ _id: storyId }).limit(1).get();
  return (data[0] as StoryDoc | undefined) ?? null;
}

/** Creates a story as a draft (workers see it once published), or replaces an existing one's content; likes and the published state are kept. */
export async function writeStory(db: Database, story: Omit<StoryDoc, 'likes' | 'unpublished'>, exists: boolean): Promise<void> {
  const { _id, ...content } = story;
  if (exists) await db.collection(readingCollections.stories).doc(_id).update({ data: content });
  else await db.collection(readingCollections.stories).add({ data: { ...story, likes: 0, unpublished: true } });
}

export async function setUnpublished(db: Database, storyId: string, unpublished: boolean, by: string, now: Date): Promise<boolean> {
  const { stats } = await db.collection(readingCollections.stories).where({ _id: storyId }).update({ data: { unpublished, updatedBy: by, updatedAt: now } });
  return stats.updated > 0;
}
