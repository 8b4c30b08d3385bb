import type { PaperQuestion } from '../../domain/quiz/paperQuestions';
import type { Database } from '../database';
import { quizCollections } from './quizCollections';

/** A challenge run: the questions still to come, the one being answered and the streak so far. */
export interface ChallengeDoc {
  _id: string;
  openid: string;
  kind: 'challenge';
  day: string;
  status: 'open' | 'finished';
  queue: string[];
  current: PaperQuestion;
  streak: number;
  startedAt: Date;
}

export async function findChallenge(db: Database, attemptId: string): Promise<ChallengeDoc | null> {
  const { data } = await db.collection(quizCollections.attempts).where({ _id: attemptId, kind: 'challenge' }).limit(1).get();
  return (data[0] as ChallengeDoc | undefined) ?? null;
}

export async function createChallenge(db: Database, doc: ChallengeDoc): Promise<void> {
  await db.collection(quizCollections.attempts).add({ data: doc });
}

/**
 * Moves the challenge on from the question just answered; only one of two concurrent answers to
 * the same question succeeds (the condition names the streak and the question).
 */
export async function advanceChallenge(db: Database, doc: ChallengeDoc, patch: Partial<Pick<ChallengeDoc, 'status' | 'current' | 'streak' | 'queue'>>): Promise<boolean> {
  const { stats } = await db.collection(quizCollections.attempts).where({ _id: doc._id, status: 'open', streak: doc.streak, 'current.id': doc.current.id }).update({ data: patch });
  return stats.updated === 1;
}

/** Ends the worker's open runs: a new start abandons them, and an abandoned run earns nothing. */
export async function closeOpenChallenges(db: Database, openid: string): Promise<void> {
  await db.collection(quizCollections.attempts).where({ openid, kind: 'challenge', status: 'open' }).update({ data: { status: 'finished' } });
}
