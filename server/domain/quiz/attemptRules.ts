/** The daily paper: two questions from each of the five histories. */
export const dailyPerHistory = 2;
export const dailyTimeLimitSeconds = 300;
/** Network latency allowance after the deadline before a submission is refused. */
export const graceSeconds = 30;
/** How many recently seen questions a new daily paper avoids. */
export const recentMemory = 200;

export function deadlineOf(startedAt: Date, limitSeconds: number): Date {
  return new Date(startedAt.getTime() + limitSeconds * 1000);
}

export function isTooLate(now: Date, deadline: Date): boolean {
  return now.getTime() > deadline.getTime() + graceSeconds * 1000;
}

/** Seconds used, never more than the limit (the grace is not counted against the worker). */
export function timeUsedSeconds(startedAt: Date, now: Date, limitSeconds: number): number {
  return Math.max(0, Math.min(limitSeconds, Math.round((now.getTime() - startedAt.getTime()) / 1000)));
}

export function dailyAttemptId(openid: string, day: string): string {
  return `daily_${day}_${openid}`;
}
