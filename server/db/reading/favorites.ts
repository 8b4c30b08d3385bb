import type { Database } from '../database';
import { addOnce, pairId, readingCollections } from './readingCollections';

export interface FavoriteDoc {
  _id: string;
  openid: string;
  storyId: string;
  createdAt: Date;
}

export async function addFavorite(db: Database, openid: string, storyId: string, now: Date): Promise<void> {
  const doc: FavoriteDoc = { _id: pairId(openid, storyId), openid, storyId, createdAt: now };
  await addOnce(db, readingCollections.favorites, doc);
}

export async function removeFavorite(db: Database, openid: string, storyId: string): Promise<void> {
  await db.collection(readingCollections.favorites).where({ _id: pairId(openid, storyId) }).remove();
}

export async function hasFavorite(db: Database, openid: string, storyId: string): Promise<boolean> {
  const { total } = await db.collection(readingCollections.favorites).where({ _id: pairId(openid, storyId) }).count();
  return total > 0;
}

/** Newest first, after a (createdAt, _id) cursor (index openid_1_createdAt_-1__id_-1). */
export async function favoritesPage(db: Database, openid: string, cursor: { value: Date; id: string } | undefined, limit: number): Promise<FavoriteDoc[]> {
  const _ = db.command;
  const where = cursor ? _.and([{ openid }, _.or([{ createdAt: _.lt(cursor.value) }, { createdAt: cursor.value, _id: _.lt(cursor.id) }])]) : { openid };
  const { data } = await db.collection(readingCollections.favorites).where(where as Record<string, unknown>).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(limit).get();
  return data as FavoriteDoc[];
}
