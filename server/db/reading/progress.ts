import type { ReadingPosition } from '../../contracts/reading';
import type { Database } from '../database';
import { pairId, readingCollections } from './readingCollections';

export interface ProgressDoc {
  _id: string;
  openid: string;
  storyId: string;
  paragraph: number;
  offset: number;
  secondsRead: number;
  updatedAt: Date;
  /** Set with the heartbeat that read the story through, cleared once its points are given. */
  awardPending?: boolean;
}

export async function findProgress(db: Database, openid: string, storyId: string): Promise<ProgressDoc | null> {
  const { data } = await db.collection(readingCollections.progress).where({ _id: pairId(openid, storyId) }).limit(1).get();
  return (data[0] as ProgressDoc | undefined) ?? null;
}

/** The worker's progress documents for these stories (one read by _id, bounded by the page). */
export async function progressOf(db: Database, openid: string, storyIds: readonly string[]): Promise<ProgressDoc[]> {
  if (storyIds.length === 0) return [];
  const ids = storyIds.map((id) => pairId(openid, id));
  const { data } = await db.collection(readingCollections.progress).where({ _id: db.command.in(ids) }).limit(ids.length).get();
  return data as ProgressDoc[];
}

/** The story the worker touched last (index openid_1_updatedAt_-1). */
export async function latestProgress(db: Database, openid: string): Promise<ProgressDoc | null> {
  const { data } = await db.collection(readingCollections.progress).where({ openid }).orderBy('updatedAt', 'desc').limit(1).get();
  return (data[0] as ProgressDoc | undefined) ?? null;
}

/** Creates the worker's progress document for a story if missing; a concurrent creator's wins. */
async function ensureProgress(db: Database, openid: string, storyId: string, now: Date): Promise<void> {
  if (await findProgress(db, openid, storyId)) return;
  const doc: ProgressDoc = { _id: pairId(openid, storyId), openid, storyId, paragraph: 0, offset: 0, secondsRead: 0, updatedAt: now };
  await db.collection(readingCollections.progress).add({ data: doc }).catch(() => undefined);
}

export async function savePosition(db: Database, openid: string, storyId: string, position: ReadingPosition, now: Date): Promise<void> {
  await ensureProgress(db, openid, storyId, now);
  await db.collection(readingCollections.progress).doc(pairId(openid, storyId)).update({ data: { paragraph: position.paragraph, offset: position.offset, updatedAt: now } });
}

export async function addSecondsRead(db: Database, openid: string, storyId: string, seconds: number, now: Date): Promise<void> {
  await ensureProgress(db, openid, storyId, now);
  await db.collection(readingCollections.progress).doc(pairId(openid, storyId)).update({ data: { secondsRead: db.command.inc(seconds) } });
}

/** The story's reading award has been given (or found given): nothing is pending any more. */
export async function clearAwardPending(db: Database, openid: string, storyId: string): Promise<void> {
  await db.collection(readingCollections.progress).doc(pairId(openid, storyId)).update({ data: { awardPending: false } });
}
