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

/**
 * When a paper's time is up: its own deadline, or its contest's end when that comes first (a contest
 * closed early ends every paper of it at the close). Submitting checks this; the answer page counts down to it.
 */
export function paperDeadline(deadline: Date, contestEndsAt: Date | null): Date {
  return contestEndsAt && contestEndsAt.getTime() < deadline.getTime() ? contestEndsAt : deadline;
}

/** The last moment a paper with this deadline is still accepted: the deadline plus the network grace. */
export function acceptedUntil(deadline: Date): Date {
  return new Date(deadline.getTime() + graceSeconds * 1000);
}

export function isTooLate(now: Date, deadline: Date): boolean {
  return now.getTime() > acceptedUntil(deadline).getTime();
}

/** Seconds used, never more than the limit (the grace is not counted against the worker). */
export function timeUsedSeconds(startedAt: Date, now: Date, limitSeconds: number): number {
  return Math.max(0, Math.min(limitSeconds, Math.round((now.getTime() - startedAt.getTime()) / 1000)));
}

export function dailyAttemptId(openid: string, day: string): string {
  return `daily_${day}_${openid}`;
}
