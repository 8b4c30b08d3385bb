import { getAttemptResult as contract } from '../../contracts/quiz';
import { findAttempt } from '../../db/quiz/attempts';
import { failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { resultFor } from './resultFor';

/** The stored result; a contest paper's answers and explanations only once the contest is over. */
export const getAttemptResult: Handler<typeof contract> = async (input, ctx) => {
  const attempt = await findAttempt(ctx.db, input.attemptId);
  if (!attempt) throw failWith(contract, 'ATTEMPT_NOT_FOUND', '没有找到这次答题');
  if (attempt.openid !== ctx.openid) throw failWith(contract, 'NOT_YOUR_ATTEMPT', '这不是你的答题');
  if (attempt.status !== 'submitted' || !attempt.result) throw failWith(contract, 'NOT_SUBMITTED', '交卷后才能查看答案和解析');
  return resultFor(ctx, attempt, attempt.result);
};
