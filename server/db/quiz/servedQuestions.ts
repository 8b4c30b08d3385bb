import type { PaperQuestion } from '../../domain/quiz/paperQuestions';
import type { Database } from '../database';
import { findAttempt } from './attempts';
import { quizCollections } from './quizCollections';
import { dailyAttemptId } from '../../domain/quiz/attemptRules';

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

/**
 * Questions of the worker's open scored papers (today's daily paper, open contest papers): practice
 * and challenges reveal answers, so they never serve or check these before the paper is submitted.
 */
export async function openPaperQuestionIds(db: Database, openid: string, day: string): Promise<Set<string>> {
  const [daily, contests] = await Promise.all([
    findAttempt(db, dailyAttemptId(openid, day)),
    db.collection(quizCollections.attempts).where({ openid, kind: 'contest', status: 'open' }).field({ paper: true }).limit(20).get(),
  ]);
  const papers = [...(daily && daily.status === 'open' ? [daily.paper] : []), ...(contests.data as Array<{ paper: PaperQuestion[] }>).map((a) => a.paper)];
  return new Set(papers.flatMap((paper) => paper.map((q) => q.id)));
}
