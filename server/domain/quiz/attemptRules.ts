/** The daily paper: two questions from each of the five histories. */
export const dailyPerHistory = 2;
export const dailyTimeLimitSeconds = 300;
/** Network latency allowance after the deadline before a submission is refused. */
export const graceSeconds = 30;
/**
 * A contest closed early gives the papers already being answered this long to be handed in: the
 * answer page checks for a close once a minute, so every worker hears of it with a minute or more
 * to spare instead of finding at 交卷 that their answers no longer count.
 */
export const closeHandInSeconds = 120;

/** A contest's end as papers see it: its (planned or closed) end, and whether it was closed early. */
export interface ContestEnd {
  endsAt: Date;
  closedEarly: boolean;
}

/** The last moment a paper of this contest may be answered: its end, or after an early close the hand-in window. */
export function contestPaperEnd(contest: ContestEnd): Date {
  return contest.closedEarly ? new Date(contest.endsAt.getTime() + closeHandInSeconds * 1000) : contest.endsAt;
}
/** How many recently seen questions a new daily paper avoids. */
export const recentMemory = 200;

export function deadlineOf(startedAt: Date, limitSeconds: number): Date {
  return new Date(startedAt.getTime() + limitSeconds * 1000);
}

/**
 * When a paper's time is up: its own deadline, or its contest's end when that comes first (a contest
 * closed early ends every paper of it when the hand-in window after the close runs out). Submitting
 * checks this; the answer page counts down to it.
 */
export function paperDeadline(deadline: Date, contest: ContestEnd | null): Date {
  const end = contest ? contestPaperEnd(contest) : null;
  return end && end.getTime() < deadline.getTime() ? end : deadline;
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
