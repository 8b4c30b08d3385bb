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

/**
 * add() of an _id that exists throws: if the document is there, the fact was already recorded. A
 * parallel remove (an unlike) can take it away between the failed add and the look: then the add
 * is tried again, a few times, instead of reporting an error.
 */
export async function addOnce(db: Database, collection: string, doc: { _id: string } & object, attempts = 4): Promise<boolean> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await db.collection(collection).add({ data: doc });
      return true;
    } catch (error) {
      const { total } = await db.collection(collection).where({ _id: doc._id }).count();
      if (total > 0) return false;
      if (attempt >= attempts) throw error;
    }
  }
}
