import type { AttemptKind, StoredAttemptResult } from '../../contracts/quiz/quizTypes';
import type { PaperQuestion } from '../../domain/quiz/paperQuestions';
import type { Database } from '../database';
import { quizCollections } from './quizCollections';

/** An attempt as stored: the paper with its answers stays here; only its public form is sent. */
export interface AttemptDoc {
  _id: string;
  openid: string;
  kind: AttemptKind;
  contestId?: string;
  day: string;
  status: 'open' | 'submitted';
  paper: PaperQuestion[];
  startedAt: Date;
  deadline: Date;
  timeLimitSeconds: number;
  result: StoredAttemptResult | null;
}

/** A daily or contest paper; a challenge run (kept in the same collection, with no paper) is not one. */
export async function findAttempt(db: Database, attemptId: string): Promise<AttemptDoc | null> {
  const { data } = await db.collection(quizCollections.attempts).where({ _id: attemptId, kind: db.command.neq('challenge') }).limit(1).get();
  const doc = data[0] as AttemptDoc | undefined;
  return doc ? { ...doc, startedAt: new Date(doc.startedAt), deadline: new Date(doc.deadline) } : null;
}

/** A paper's owner and time, without the paper itself (the answer page asks this now and then: a small read). */
export type AttemptTiming = Pick<AttemptDoc, '_id' | 'openid' | 'kind' | 'contestId' | 'deadline'>;

export async function findAttemptTiming(db: Database, attemptId: string): Promise<AttemptTiming | null> {
  const { data } = await db
    .collection(quizCollections.attempts)
    .where({ _id: attemptId, kind: db.command.neq('challenge') })
    .field({ _id: true, openid: true, kind: true, contestId: true, deadline: true })
    .limit(1)
    .get();
  const doc = data[0] as AttemptTiming | undefined;
  return doc ? { ...doc, deadline: new Date(doc.deadline) } : null;
}

/** Creates the attempt under its fixed id; false when one already exists (a concurrent start). */
export async function createAttempt(db: Database, doc: AttemptDoc): Promise<boolean> {
  try {
    await db.collection(quizCollections.attempts).add({ data: doc });
    return true;
  } catch {
    return false;
  }
}

/** Closes an open attempt with its result; only one of two concurrent submissions gets true. */
export async function closeAttempt(db: Database, attemptId: string, result: StoredAttemptResult, now: Date): Promise<boolean> {
  const { stats } = await db.collection(quizCollections.attempts).where({ _id: attemptId, status: 'open' }).update({ data: { status: 'submitted', result, submittedAt: now } });
  return stats.updated === 1;
}

/** Which of these days the worker submitted the daily paper on (one read by the papers' fixed ids). */
export async function submittedDailyDays(db: Database, ids: string[]): Promise<Set<string>> {
  const { data } = await db.collection(quizCollections.attempts).where({ _id: db.command.in(ids), status: 'submitted' }).field({ day: true }).limit(ids.length).get();
  return new Set((data as Array<{ day: string }>).map((doc) => doc.day));
}

/** A contest paper as 我的竞赛 lists it: no paper, no review. */
export type ContestAttemptLine = Pick<AttemptDoc, '_id' | 'contestId' | 'status' | 'startedAt' | 'deadline'> & { result: { score: number } | null };

/**
 * The worker's contest papers, latest first, after (startedAt, id) of the previous page: one walk
 * of openid_1_kind_1_startedAt_-1__id_-1 (two ranges joined by $or, each an index walk).
 */
export async function contestAttemptsOf(db: Database, openid: string, size: number, after?: { value: Date; id: string }): Promise<ContestAttemptLine[]> {
  const _ = db.command;
  const base = { openid, kind: 'contest' };
  const where = after ? (_.or([{ ...base, startedAt: _.lt(after.value) }, { ...base, startedAt: after.value, _id: _.lt(after.id) }]) as unknown as Record<string, unknown>) : base;
  const { data } = await db
    .collection(quizCollections.attempts)
    .where(where)
    .orderBy('startedAt', 'desc')
    .orderBy('_id', 'desc')
    .field({ _id: true, contestId: true, status: true, startedAt: true, deadline: true, 'result.score': true })
    .limit(size)
    .get();
  return (data as ContestAttemptLine[]).map((d) => ({ ...d, startedAt: new Date(d.startedAt), deadline: new Date(d.deadline), result: d.result ?? null }));
}
