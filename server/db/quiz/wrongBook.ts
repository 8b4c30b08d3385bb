import type { Database } from '../database';
import { quizCollections } from './quizCollections';

/** A question the worker got wrong; it leaves after `rightStreak` reaches two. */
export interface WrongBookDoc {
  _id: string;
  openid: string;
  questionId: string;
  wrongCount: number;
  /** Two right answers in a row take the question out of the book (the document may stay, with a streak of 2). */
  rightStreak: number;
  updatedAt: Date;
  /** The last submitted paper applied here, so a retried submission changes nothing. */
  lastAttempt?: string;
}

/** A streak this long means the question has left the book. */
export const leavesAtStreak = 2;

export function wrongBookId(openid: string, questionId: string): string {
  return `${openid}|${questionId}`;
}

/** Records wrong answers: one read, one multi-document update for known entries, one batch insert for new ones. */
export async function recordWrong(db: Database, openid: string, questionIds: readonly string[], now: Date): Promise<void> {
  if (questionIds.length === 0) return;
  const _ = db.command;
  const book = db.collection(quizCollections.wrongBook);
  const ids = questionIds.map((q) => wrongBookId(openid, q));
  const { data } = await book.where({ _id: _.in(ids) }).field({ _id: true }).limit(ids.length).get();
  const present = new Set((data as Array<{ _id: string }>).map((d) => d._id));
  if (present.size > 0) await book.where({ _id: _.in([...present]) }).update({ data: { wrongCount: _.inc(1), rightStreak: 0, updatedAt: now } });
  if (present.size === ids.length) return;
  const missing: WrongBookDoc[] = questionIds.filter((q) => !present.has(wrongBookId(openid, q))).map((questionId) => ({ _id: wrongBookId(openid, questionId), openid, questionId, wrongCount: 1, rightStreak: 0, updatedAt: now }));
  await book.add({ data: missing }).catch(async () => {
    for (const doc of missing) await book.add({ data: doc }).catch(() => book.doc(doc._id).update({ data: { wrongCount: _.inc(1), rightStreak: 0, updatedAt: now } }));
  });
}

export async function wrongBookOf(db: Database, openid: string, max: number): Promise<WrongBookDoc[]> {
  const { data } = await db.collection(quizCollections.wrongBook).where({ openid, rightStreak: db.command.lt(leavesAtStreak) }).orderBy('updatedAt', 'desc').limit(max).get();
  return data as WrongBookDoc[];
}

/**
 * One page of the book after `after` (the last entry of the previous page), latest first; entries
 * written by one submission share `updatedAt`, so `_id` breaks ties. One indexed read.
 */
export async function wrongBookPage(db: Database, openid: string, size: number, after?: { updatedAt: Date; id: string }): Promise<WrongBookDoc[]> {
  const _ = db.command;
  const where = after ? (_.or([{ openid, updatedAt: _.lt(after.updatedAt) }, { openid, updatedAt: after.updatedAt, _id: _.gt(after.id) }]) as unknown as Record<string, unknown>) : { openid };
  const { data } = await db.collection(quizCollections.wrongBook).where(where).orderBy('updatedAt', 'desc').orderBy('_id', 'asc').limit(size).get();
  return data as WrongBookDoc[];
}

export async function wrongBookCount(db: Database, openid: string): Promise<number> {
  const { total } = await db.collection(quizCollections.wrongBook).where({ openid }).count();
  return total;
}

/**
 * Right answers to questions in the book: a second right answer in a row takes the question out,
 * a first one starts the run (two round trips, whatever the number of questions).
 */
export async function recordRight(db: Database, openid: string, questionIds: readonly string[], now: Date): Promise<void> {
  if (questionIds.length === 0) return;
  const _ = db.command;
  const book = db.collection(quizCollections.wrongBook);
  const ids = questionIds.map((q) => wrongBookId(openid, q));
  await book.where({ _id: _.in(ids), rightStreak: _.gte(1) }).remove();
  await book.where({ _id: _.in(ids) }).update({ data: { rightStreak: _.inc(1), updatedAt: now } });
}

/**
 * A submitted paper's answers in the book, once per attempt (`lastAttempt`), in at most three
 * round trips whatever the paper: known questions answered wrong (one update), new ones (one batch
 * insert), known questions answered right (one update; a streak of two takes them out). `known`:
 * the book's documents for the paper's questions, as read with the attempt.
 */
export async function applyReview(db: Database, openid: string, attemptId: string, review: ReadonlyArray<{ id: string; correct: boolean }>, known: readonly WrongBookDoc[], now: Date): Promise<void> {
  const _ = db.command;
  const book = db.collection(quizCollections.wrongBook);
  const present = new Map(known.map((doc) => [doc.questionId, doc]));
  const wrongKnown = review.filter((r) => !r.correct && present.has(r.id)).map((r) => wrongBookId(openid, r.id));
  const wrongNew = review.filter((r) => !r.correct && !present.has(r.id)).map((r) => r.id);
  const rightKnown = review.filter((r) => r.correct && present.has(r.id)).map((r) => wrongBookId(openid, r.id));
  const wrongAgain = { wrongCount: _.inc(1), rightStreak: 0, updatedAt: now, lastAttempt: attemptId };
  if (wrongKnown.length > 0) await book.where({ _id: _.in(wrongKnown), lastAttempt: _.neq(attemptId) }).update({ data: wrongAgain });
  if (wrongNew.length > 0) {
    const docs: WrongBookDoc[] = wrongNew.map((questionId) => ({ _id: wrongBookId(openid, questionId), openid, questionId, wrongCount: 1, rightStreak: 0, updatedAt: now, lastAttempt: attemptId }));
    await book.add({ data: docs }).catch(async () => {
      // Some exist (a practice answer meanwhile, or an earlier run of this submission): one by one.
      for (const doc of docs) await book.add({ data: doc }).catch(() => book.where({ _id: doc._id, lastAttempt: _.neq(attemptId) }).update({ data: wrongAgain }));
    });
  }
  if (rightKnown.length > 0) await book.where({ _id: _.in(rightKnown), lastAttempt: _.neq(attemptId) }).update({ data: { rightStreak: _.inc(1), updatedAt: now, lastAttempt: attemptId } });
}
