import type { Database } from '../database';

/** The reading corner's collections (declared with their indexes in database/collections.json). */
export const readingCollections = {
  stories: 'stories',
  progress: 'reading_progress',
  heartbeats: 'reading_heartbeats',
  checkins: 'reading_checkins',
  likes: 'story_likes',
  favorites: 'favorites',
  reflections: 'reflections',
  auditLog: 'audit_log',
} as const;

/** One document per worker and thing: its _id makes a second write of the same fact fail. */
export const pairId = (openid: string, key: string): string => `${openid}:${key}`;

/** add() of an _id that exists throws: if the document is there, the fact was already recorded. */
export async function addOnce(db: Database, collection: string, doc: { _id: string } & object): Promise<boolean> {
  try {
    await db.collection(collection).add({ data: doc });
    return true;
  } catch (error) {
    const { total } = await db.collection(collection).where({ _id: doc._id }).count();
    if (total > 0) return false;
    throw error;
  }
}
