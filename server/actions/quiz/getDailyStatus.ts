import type { getDailyStatus as contract } from '../../contracts/quiz';
import { findAttempt, submittedDailyDays } from '../../db/quiz/attempts';
import type { Database } from '../../db/database';
import { dailyAttemptId } from '../../domain/quiz/attemptRules';
import { daysBefore, leadingRun, streakWindow } from '../../domain/quiz/dailyStreak';
import { provinceScope } from '../../points/boardEntries';
import { ownEntry } from '../../points/boardReads';
import { dayKey } from '../../points/periodKeys';
import type { Handler } from '../../runtime/router';

/**
 * Days in a row with a submitted daily paper before `day`, one read per 30 days of streak
 * (a streak is still alive until the end of the day after its last paper).
 */
async function streakBefore(db: Database, openid: string, day: string): Promise<number> {
  let streak = 0;
  let from = day;
  for (;;) {
    const days = daysBefore(from, streakWindow);
    const run = leadingRun(days, await submittedDailyDays(db, days.map((d) => dailyAttemptId(openid, d))));
    streak += run;
    if (run < streakWindow) return streak;
    from = days[days.length - 1]!;
  }
}

export const getDailyStatus: Handler<typeof contract> = async (_input, ctx) => {
  const day = dayKey(ctx.now);
  const [attempt, mine, before] = await Promise.all([findAttempt(ctx.db, dailyAttemptId(ctx.openid, day)), ownEntry(ctx.db, provinceScope, ctx.openid), streakBefore(ctx.db, ctx.openid, day)]);
  const doneToday = attempt?.status === 'submitted';
  return {
    day,
    state: attempt ? attempt.status : 'none',
    attemptId: attempt?._id ?? null,
    score: attempt?.result?.score ?? null,
    totalPoints: mine?.allScore ?? 0,
    streak: before + (doneToday ? 1 : 0),
  };
};
