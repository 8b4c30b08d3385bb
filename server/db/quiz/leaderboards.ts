import type { BoardEntryDoc } from '../../points/boardKeys';
import { pointsCollections } from '../../points/pointsCollections';
import type { Database } from '../database';

/** The top of a board by (score, id) descending: one index walk (boardKey_1_score_-1__id_-1). */
export async function topOfBoard(db: Database, boardKey: string, size: number): Promise<BoardEntryDoc[]> {
  const { data } = await db.collection(pointsCollections.boards).where({ boardKey }).orderBy('score', 'desc').orderBy('_id', 'desc').limit(size).get();
  return data as BoardEntryDoc[];
}

/**
 * The entries after (score, id) in the board's order: those of the same score with a lower id, then
 * those of lower scores. Two index walks with equalities and one range each (no $or), `size` keys
 * and documents in all however deep the page.
 */
export async function boardEntriesAfter(db: Database, boardKey: string, after: { score: number; id: string }, size: number): Promise<BoardEntryDoc[]> {
  const _ = db.command;
  const boards = db.collection(pointsCollections.boards);
  const { data: tied } = await boards.where({ boardKey, score: after.score, _id: _.lt(after.id) }).orderBy('_id', 'desc').limit(size).get();
  if (tied.length >= size) return tied as BoardEntryDoc[];
  const { data: below } = await boards.where({ boardKey, score: _.lt(after.score) }).orderBy('score', 'desc').orderBy('_id', 'desc').limit(size - tied.length).get();
  return [...tied, ...below] as BoardEntryDoc[];
}
