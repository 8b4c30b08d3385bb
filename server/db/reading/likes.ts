import type { Database } from '../database';
import { addOnce, pairId, readingCollections } from './readingCollections';

/** The like document is the worker's vote; its _id makes a second like impossible. */
export async function addLike(db: Database, openid: string, storyId: string, now: Date): Promise<boolean> {
  const doc = { _id: pairId(openid, storyId), openid, storyId, createdAt: now };
  return addOnce(db, readingCollections.likes, doc);
}

export async function removeLike(db: Database, openid: string, storyId: string): Promise<boolean> {
  const { stats } = await db.collection(readingCollections.likes).where({ _id: pairId(openid, storyId) }).remove();
  return stats.removed > 0;
}

export async function hasLiked(db: Database, openid: string, storyId: string): Promise<boolean> {
  const { total } = await db.collection(readingCollections.likes).where({ _id: pairId(openid, storyId) }).count();
  return total > 0;
}
