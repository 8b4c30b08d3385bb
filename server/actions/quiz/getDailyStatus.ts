import type { getDailyStatus as contract } from '../../contracts/quiz';
import { findAttempt } from '../../db/quiz/attempts';
import { ownRank } from '../../db/quiz/leaderboards';
import { dailyAttemptId } from '../../domain/quiz/attemptRules';
import { boardKey, provinceScopeId } from '../../points/boardKeys';
import { dayKey } from '../../points/periodKeys';
import type { Handler } from '../../runtime/router';

export const getDailyStatus: Handler<typeof contract> = async (_input, ctx) => {
  const day = dayKey(ctx.now);
  const [attempt, mine] = await Promise.all([findAttempt(ctx.db, dailyAttemptId(ctx.openid, day)), ownRank(ctx.db, boardKey('province', provinceScopeId, 'all', ctx.now), ctx.openid)]);
  return {
    day,
    state: attempt ? attempt.status : 'none',
    attemptId: attempt?._id ?? null,
    score: attempt?.result?.score ?? null,
    totalPoints: mine?.score ?? 0,
  };
};
