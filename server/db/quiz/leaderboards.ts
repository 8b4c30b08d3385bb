import type { BoardEntryDoc } from '../../points/boardKeys';
import { entryId } from '../../points/boardKeys';
import { pointsCollections } from '../../points/pointsCollections';
import type { Database } from '../database';

/** The top of a board: one index walk (boardKey_1_score_-1). */
export async function topOfBoard(db: Database, boardKey: string, size: number): Promise<BoardEntryDoc[]> {
  const { data } = await db.collection(pointsCollections.boards).where({ boardKey }).orderBy('score', 'desc').limit(size).get();
  return data as BoardEntryDoc[];
}

/** The worker's own entry and rank: one read by id and one indexed count of the entries above. */
export async function ownRank(db: Database, boardKey: string, openid: string): Promise<{ rank: number; score: number } | null> {
  const { data } = await db.collection(pointsCollections.boards).where({ _id: entryId(boardKey, openid) }).limit(1).get();
  const mine = data[0] as BoardEntryDoc | undefined;
  if (!mine) return null;
  const _ = db.command;
  const { total } = await db.collection(pointsCollections.boards).where({ boardKey, score: _.gt(mine.score) }).count();
  return { rank: total + 1, score: mine.score };
}
