import type { Database } from '../database';
import { addOnce, pairId, readingCollections } from './readingCollections';

/** Records the slot once per worker and story; false if this slot was already counted. */
export async function recordHeartbeat(db: Database, openid: string, storyId: string, slot: number, day: string, now: Date): Promise<boolean> {
  const doc = { _id: pairId(openid, `${storyId}:${slot}`), openid, storyId, slot, day, at: now };
  return addOnce(db, readingCollections.heartbeats, doc);
}
