import type { PaperQuestion } from '../../domain/quiz/paperQuestions';
import type { Database } from '../database';
import { quizCollections } from './quizCollections';
import { graceSeconds } from '../../domain/quiz/attemptRules';

/** The practice question last handed to a worker: only that one may be answered (no answer fishing). */
export async function servePractice(db: Database, openid: string, question: PaperQuestion): Promise<void> {
  await db.collection(quizCollections.seen).doc(`practice_${openid}`).set({ data: { question } });
}

export async function servedPractice(db: Database, openid: string): Promise<PaperQuestion | null> {
  const { data } = await db.collection(quizCollections.seen).where({ _id: `practice_${openid}` }).limit(1).get();
  return (data[0] as { question?: PaperQuestion | null } | undefined)?.question ?? null;
}

/** Clears the served question once answered, only if it is still the one answered (a repeat gets false). */
export async function consumePractice(db: Database, openid: string, questionId: string): Promise<boolean> {
  const { stats } = await db.collection(quizCollections.seen).where({ _id: `practice_${openid}`, 'question.id': questionId }).update({ data: { question: null } });
  return stats.updated === 1;
}

const pageSize = 100;

/** Every document of a query, a page at a time (no cap that an attacker could exceed). */
async function allPages(db: Database, condition: Record<string, unknown>, projection: Record<string, boolean>): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const { data } = await db.collection(quizCollections.attempts).where(condition).orderBy('_id', 'asc').field(projection).skip(offset).limit(pageSize).get();
    out.push(...data);
    if (data.length < pageSize) return out;
  }
}

/**
 * Questions of the worker's papers that can still be answered (daily and contest papers before their
 * deadline and grace) and of their open challenge runs: practice and challenges reveal answers, so
 * they never serve or check these before the paper is submitted, whatever the number of papers.
 * `except` leaves out one attempt (the challenge run being answered).
 */
export async function openPaperQuestionIds(db: Database, openid: string, now: Date, except?: string): Promise<Set<string>> {
  const _ = db.command;
  const answerableAfter = new Date(now.getTime() - graceSeconds * 1000);
  const [papers, runs] = await Promise.all([
    allPages(db, { openid, status: 'open', deadline: _.gt(answerableAfter) }, { paper: true }),
    allPages(db, { openid, kind: 'challenge', status: 'open' }, { current: true }),
  ]);
  const ids = new Set<string>();
  for (const attempt of papers as Array<{ paper?: PaperQuestion[] }>) for (const q of attempt.paper ?? []) ids.add(q.id);
  for (const run of runs as Array<{ _id: string; current?: PaperQuestion }>) if (run.current && run._id !== except) ids.add(run.current.id);
  return ids;
}
