import { startDaily as contract } from '../../contracts/quiz';
import { createAttempt, findAttempt, type AttemptDoc } from '../../db/quiz/attempts';
import { questionsByIds, recentlySeen, rememberSeen } from '../../db/quiz/questions';
import { servableQuestionIds } from '../../db/quiz/servablePool';
import { dailyAttemptId, dailyPerHistory, dailyTimeLimitSeconds, deadlineOf, isTooLate, recentMemory } from '../../domain/quiz/attemptRules';
import { pickQuestionIds, toPaperQuestion } from '../../domain/quiz/paperQuestions';
import { dayKey } from '../../points/periodKeys';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { paperOf } from './paperOf';

export const startDaily: Handler<typeof contract> = async (_input, ctx) => {
  const { db, openid, now, rng } = ctx;
  const day = dayKey(now);
  const attemptId = dailyAttemptId(openid, day);
  const existing = await findAttempt(db, attemptId);
  if (existing) return resumable(contract, existing, now);
  const [idsByHistory, recent] = await Promise.all([servableQuestionIds(db, 'open', now), recentlySeen(db, openid)]);
  const ids = pickQuestionIds(idsByHistory, new Set(recent), dailyPerHistory, rng);
  const questions = await questionsByIds(db, ids);
  if (questions.length === 0) throw failWith(contract, 'NO_QUESTIONS', '题库暂时没有题目');
  const doc: AttemptDoc = {
    _id: attemptId,
    openid,
    kind: 'daily',
    day,
    status: 'open',
    paper: questions.map((q) => toPaperQuestion(q, rng)),
    startedAt: now,
    deadline: deadlineOf(now, dailyTimeLimitSeconds),
    timeLimitSeconds: dailyTimeLimitSeconds,
    result: null,
  };
  if (!(await createAttempt(db, doc))) {
    // Two starts at once: the other one's paper is today's paper.
    const raced = await findAttempt(db, attemptId);
    if (raced) return resumable(contract, raced, now);
  }
  await rememberSeen(db, openid, ids, recent, recentMemory);
  return paperOf(doc);
};

function resumable(c: typeof contract, attempt: AttemptDoc, now: Date) {
  if (attempt.status === 'submitted') throw failWith(c, 'DAILY_DONE', '今天的每日答题已经完成,明天再来吧');
  if (isTooLate(now, attempt.deadline)) throw failWith(c, 'DAILY_DONE', '今天的每日答题已超时,明天再来吧');
  return paperOf(attempt);
}
