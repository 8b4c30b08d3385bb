import { getAttemptDeadline as contract } from '../../contracts/quiz';
import { findAttemptTiming } from '../../db/quiz/attempts';
import { contestEnd } from '../../db/quiz/contests';
import { acceptedUntil, paperDeadline } from '../../domain/quiz/attemptRules';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';

/**
 * The caller's paper's deadline as submitAttempt will apply it: one read of the attempt (without its
 * paper) and, for a contest paper, one of the contest's end.
 */
export const getAttemptDeadline: Handler<typeof contract> = async (input, ctx) => {
  const attempt = await findAttemptTiming(ctx.db, input.attemptId);
  if (!attempt) throw failWith(contract, 'ATTEMPT_NOT_FOUND', '没有找到这次答题');
  if (attempt.openid !== ctx.openid) throw failWith(contract, 'NOT_YOUR_ATTEMPT', '这不是你的答题');
  const contest = attempt.kind === 'contest' && attempt.contestId ? await contestEnd(ctx.db, attempt.contestId) : null;
  const deadline = paperDeadline(attempt.deadline, contest);
  return { attemptId: attempt._id, deadline: deadline.toISOString(), acceptedUntil: acceptedUntil(deadline).toISOString(), closedEarly: contest?.closedEarly ?? false };
};
