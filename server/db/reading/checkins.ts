import type { Database } from '../database';
import { addOnce, pairId, readingCollections } from './readingCollections';

export interface CheckinDoc {
  _id: string;
  openid: string;
  day: string;
  streak: number;
  at: Date;
}

/** The worker's latest check-in (index openid_1_day_-1). */
export async function lastCheckin(db: Database, openid: string): Promise<CheckinDoc | null> {
  const { data } = await db.collection(readingCollections.checkins).where({ openid }).orderBy('day', 'desc').limit(1).get();
  return (data[0] as CheckinDoc | undefined) ?? null;
}

/** One document per worker and day: a second check-in the same day is refused by its _id. */
export async function addCheckin(db: Database, openid: string, day: string, streak: number, now: Date): Promise<boolean> {
  const doc: CheckinDoc = { _id: pairId(openid, day), openid, day, streak, at: now };
  return addOnce(db, readingCollections.checkins, doc);
}

export async function checkinDays(db: Database, openid: string, first: string, last: string): Promise<string[]> {
  const _ = db.command;
  const { data } = await db.collection(readingCollections.checkins).where({ openid, day: _.gte(first).and(_.lte(last)) }).orderBy('day', 'asc').limit(31).get();
  return (data as CheckinDoc[]).map((d) => d.day);
}
