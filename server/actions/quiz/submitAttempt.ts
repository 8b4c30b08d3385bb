import { submitAttempt as contract } from '../../contracts/quiz';
import type { AttemptResult } from '../../contracts/quiz';
import { closeAttempt, findAttempt } from '../../db/quiz/attempts';
import { addContestEntry } from '../../db/quiz/contests';
import { findUser } from '../../db/users';
import { contestBoardKey, contestSortScore } from '../../domain/quiz/contestRules';
import { ownRank } from '../../db/quiz/leaderboards';
import { quizCollections } from '../../db/quiz/quizCollections';
import { recordRight, recordWrong } from '../../db/quiz/wrongBook';
import { isTooLate, timeUsedSeconds } from '../../domain/quiz/attemptRules';
import { scorePaper } from '../../domain/quiz/scorePaper';
import { awardPoints } from '../../points/awardPoints';
import { boardKey, provinceScopeId } from '../../points/boardKeys';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

export const submitAttempt: Handler<typeof contract> = async (input, ctx) => {
  const { db, openid, now } = ctx;
  const attempt = await findAttempt(db, input.attemptId);
  if (!attempt) throw failWith(contract, 'ATTEMPT_NOT_FOUND', '没有找到这次答题');
  if (attempt.openid !== openid) throw failWith(contract, 'NOT_YOUR_ATTEMPT', '这不是你的答题');
  if (attempt.status === 'submitted' && attempt.result) return attempt.result;
  if (isTooLate(now, attempt.deadline)) throw failWith(contract, 'ATTEMPT_EXPIRED', '答题时间已过,本次提交无效');
  const checked = scorePaper(attempt.paper, input.answers);
  if (!checked.ok) throw failWith(contract, 'UNKNOWN_QUESTION', '提交的题目不在本次试卷中');
  const { scored } = checked;
  const board = boardKey('province', provinceScopeId, 'day', now);
  const rankBefore = await ownRank(db, board, openid);
  const result: AttemptResult = {
    attemptId: attempt._id,
    score: scored.score,
    correctCount: scored.correctCount,
    total: attempt.paper.length,
    timeUsedSeconds: timeUsedSeconds(attempt.startedAt, now, attempt.timeLimitSeconds),
    pointsAwarded: 0,
    review: scored.review,
    rank: rankBefore,
    rankBefore,
  };
  if (!(await closeAttempt(db, attempt._id, result, now))) {
    // The other submission won: its result is the one that counts.
    const winner = await findAttempt(db, attempt._id);
    if (winner?.result) return winner.result;
  }
  await recordWrong(db, openid, scored.review.filter((r) => !r.correct).map((r) => r.id), now);
  await recordRight(db, openid, scored.review.filter((r) => r.correct).map((r) => r.id), now);
  if (attempt.kind === 'contest' && attempt.contestId) {
    const user = await findUser(db, openid);
    const boardKey = contestBoardKey(attempt.contestId);
    await addContestEntry(db, { boardKey, openid, orgId: user?.orgId ?? null, nickname: user?.nickname ?? '职工', sortScore: contestSortScore(scored.score, result.timeUsedSeconds), paperScore: scored.score, timeUsedSeconds: result.timeUsedSeconds });
  }
  const { awarded } = await awardPoints(ctx, { source: attempt.kind === 'contest' ? 'quiz-contest' : 'quiz-daily', sourceId: attempt._id, points: scored.points });
  const rank = await ownRank(db, board, openid);
  const final: AttemptResult = { ...result, pointsAwarded: awarded, rank };
  await db.collection(quizCollections.attempts).doc(attempt._id).update({ data: { 'result.pointsAwarded': awarded, 'result.rank': rank } });
  return final;
};
