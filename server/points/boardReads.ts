import type { Database } from '../db/database';
import { entryIdOf, isCountedScope, scoresOf, type BoardEntryDoc } from './boardEntries';
import { dayKey, weekKey, type Period } from './periodKeys';
import { pointsCollections } from './pointsCollections';
import { bucketOf, countAbove, countAll, periodField, type CountsDoc } from './rankCounts';

const scoreField = { day: 'dayScore', week: 'weekScore', all: 'allScore' } as const;

/** The board's filter: the scope, and the day or week its scores belong to. */
function boardFilter(scope: string, period: Period, now: Date): Record<string, string> {
  if (period === 'day') return { scope, day: dayKey(now) };
  if (period === 'week') return { scope, week: weekKey(now) };
  return { scope };
}

export interface BoardPlace {
  /** The entry's id, the tiebreaker of equal scores (the cursor's second key). */
  id: string;
  openid: string;
  nickname: string;
  score: number;
}

function placesOf(data: unknown[], period: Period): BoardPlace[] {
  return (data as BoardEntryDoc[]).map((entry) => ({ id: entry._id, openid: entry.openid, nickname: entry.nickname, score: entry[scoreField[period]] }));
}

/** The top of a board by (score, id) descending: one index walk of `size` keys and documents. */
export async function topOf(db: Database, scope: string, period: Period, now: Date, size: number): Promise<BoardPlace[]> {
  const { data } = await db.collection(pointsCollections.entries).where(boardFilter(scope, period, now)).orderBy(scoreField[period], 'desc').orderBy('_id', 'desc').limit(size).get();
  return placesOf(data, period);
}

/**
 * The places after (score, id) in the board's order: those of the same score with a lower id, then
 * those of lower scores. Two index walks with equalities and one range each (no $or, which an
 * index serves less surely), `size` keys and documents in all however deep the page.
 */
export async function placesAfter(db: Database, scope: string, period: Period, now: Date, after: { score: number; id: string }, size: number): Promise<BoardPlace[]> {
  const _ = db.command;
  const filter = boardFilter(scope, period, now);
  const field = scoreField[period];
  const { data: tied } = await db.collection(pointsCollections.entries).where({ ...filter, [field]: after.score, _id: _.lt(after.id) }).orderBy('_id', 'desc').limit(size).get();
  if (tied.length >= size) return placesOf(tied, period);
  const { data: below } = await db.collection(pointsCollections.entries).where({ ...filter, [field]: _.lt(after.score) }).orderBy(field, 'desc').orderBy('_id', 'desc').limit(size - tied.length).get();
  return placesOf([...tied, ...below], period);
}

export async function ownEntry(db: Database, scope: string, openid: string): Promise<BoardEntryDoc | undefined> {
  const { data } = await db.collection(pointsCollections.entries).where({ _id: entryIdOf(scope, openid) }).limit(1).get();
  return data[0] as BoardEntryDoc | undefined;
}

export function periodScore(entry: BoardEntryDoc | undefined, period: Period, now: Date): number | null {
  return scoresOf(entry, now)[period];
}

/**
 * Where a score ranks (1 + how many score more): the province's and organisations' boards sum
 * their rank counts (at most 17 buckets × 32 shards of documents, whatever the number of
 * workers); a group's board, at most a few hundred members, counts its index keys above.
 */
export async function rankOf(db: Database, scope: string, period: Period, now: Date, score: number): Promise<number> {
  const _ = db.command;
  if (!isCountedScope(scope)) {
    const { total } = await db.collection(pointsCollections.entries).where({ ...boardFilter(scope, period, now), [scoreField[period]]: _.gt(score) }).count();
    return total + 1;
  }
  return rankFromCounts(db, scope, periodField(period, now), score);
}

/**
 * 1 + how many hold more than `score` in a scope's rank counts: the documents of the buckets at or
 * above the score's (at most 1,000: buckets × 32 shards), a key and a document each.
 */
export async function rankFromCounts(db: Database, scope: string, field: string, score: number): Promise<number> {
  const _ = db.command;
  const { data } = await db.collection(pointsCollections.counts).where({ scope, bucket: _.gte(bucketOf(score)) }).field({ bucket: true, [`c.${field}`]: true }).limit(1000).get();
  return countAbove(data as CountsDoc[], field, score) + 1;
}

/**
 * How many workers have points on the province's or an organisation's board of each given day or
 * week field (periodField; the last seven days and two weeks are kept): one read of the scope's
 * rank counts, whatever the number of workers.
 */
export async function participants(db: Database, scope: string, fields: readonly string[]): Promise<Map<string, number>> {
  const projection: Record<string, boolean> = { bucket: true };
  for (const field of fields) projection[`c.${field}`] = true;
  const { data } = await db.collection(pointsCollections.counts).where({ scope }).field(projection).limit(1000).get();
  return new Map(fields.map((field) => [field, countAll(data as CountsDoc[], field)]));
}
