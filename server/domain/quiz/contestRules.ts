import { contestPaperEnd, graceSeconds, type ContestEnd } from './attemptRules';

/**
 * A contest ranks by score, then by less time used: both folded into one sortable number so one
 * index (boardKey, score) serves the ranking. Time is at most 1,800 s, so 10,000 per point is room.
 */
export function contestSortScore(score: number, timeUsedSeconds: number): number {
  return score * 10_000 + (9_999 - Math.min(9_999, timeUsedSeconds));
}

export function contestBoardKey(contestId: string): string {
  return `contest:${contestId}`;
}

export function contestAttemptId(contestId: string, openid: string): string {
  return `contest_${contestId}_${openid}`.slice(0, 64);
}

export function isOpen(now: Date, startsAt: Date, endsAt: Date): boolean {
  return now.getTime() >= startsAt.getTime() && now.getTime() < endsAt.getTime();
}

/** A worker may enter when the contest names their organisation or one above it. */
export function isEligible(contestOrgIds: readonly string[], workerOrgChain: readonly string[]): boolean {
  return contestOrgIds.some((o) => workerOrgChain.includes(o));
}

/**
 * When a contest is over for its questions: the last moment a paper of it can still be submitted (its
 * end, or after an early close the hand-in window, plus the network grace). Only then may its
 * answers be shown (review, practice, 背题).
 */
export function contestOverAt(contest: ContestEnd): Date {
  return new Date(contestPaperEnd(contest).getTime() + graceSeconds * 1000);
}

/** The end as papers see it, from a stored contest (closedAt is set by an early close). */
export function contestEndOf(contest: { endsAt: Date; closedAt?: Date | null }): ContestEnd {
  return { endsAt: contest.endsAt, closedEarly: Boolean(contest.closedAt) };
}

/** 未开始 before its start, 进行中 until its end (planned or closed early), then 已结束. */
export function contestStatus(now: Date, startsAt: Date, endsAt: Date): 'upcoming' | 'running' | 'ended' {
  if (now.getTime() < startsAt.getTime()) return 'upcoming';
  return isOpen(now, startsAt, endsAt) ? 'running' : 'ended';
}

/** Who asks to end contests: their roles as the server read them, and the organisations they administer. */
export interface ContestCloser {
  openid: string;
  /** Holds a cadre or an admin role. */
  staff: boolean;
  /** The organisations within their admin roles (empty without one). */
  adminScope: ReadonlySet<string>;
}

/**
 * Who may end a contest early: its creator while still a cadre or an admin, or an admin whose
 * organisations cover every one it is for. closeContest enforces it; the managed list shows it.
 */
export function mayCloseContest(contest: { createdBy: string; orgIds: readonly string[] }, closer: ContestCloser): boolean {
  if (contest.createdBy === closer.openid && closer.staff) return true;
  return closer.adminScope.size > 0 && contest.orgIds.length > 0 && contest.orgIds.every((o) => closer.adminScope.has(o));
}
