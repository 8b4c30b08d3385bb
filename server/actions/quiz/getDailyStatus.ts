import type { getDailyStatus as contract } from '../../contracts/quiz';
import { findAttempt } from '../../db/quiz/attempts';
import { dailyAttemptId } from '../../domain/quiz/attemptRules';
import { provinceScope } from '../../points/boardEntries';
import { ownEntry } from '../../points/boardReads';
import { dayKey } from '../../points/periodKeys';
import type { Handler } from '../../runtime/router';

export const getDailyStatus: Handler<typeof contract> = async (_input, ctx) => {
  const day = dayKey(ctx.now);
  const [attempt, mine] = await Promise.all([findAttempt(ctx.db, dailyAttemptId(ctx.openid, day)), ownEntry(ctx.db, provinceScope, ctx.openid)]);
  return {
    day,
    state: attempt ? attempt.status : 'none',
    attemptId: attempt?._id ?? null,
    score: attempt?.result?.score ?? null,
    totalPoints: mine?.allScore ?? 0,
  };
};
