import { dayKey, weekKey } from './periodKeys';
import type { PeriodScores } from './rankCounts';

/**
 * A worker's place on one scope's boards (`board_entries`): `_id = <scope>|<openid>`, the scope
 * being `province:qh`, `org:<orgId>` or `group:<openGId>`. The day and week scores carry the day
 * and week they belong to, so the first points of a new day replace yesterday's in the same
 * document. Top 100s walk the indexes scope_1_day_1_dayScore_-1__id_-1, scope_1_week_1_weekScore_-1__id_-1
 * and scope_1_allScore_-1__id_-1 (the id orders equal scores for paging); a worker's entries are found by openid_1.
 */
export interface BoardEntryDoc {
  _id: string;
  scope: string;
  openid: string;
  nickname: string;
  day: string;
  dayScore: number;
  week: string;
  weekScore: number;
  allScore: number;
  /** The last awards applied here: a retried award finds its id and changes nothing. */
  awards: string[];
  /** The scores before the last award, so a retry can still finish that award's rank counts. */
  prev: (PeriodScores & { award: string }) | null;
  updatedAt: Date;
}

/** How many recent award ids an entry keeps (a worker's retries come long before 50 more awards). */
export const awardsKept = 50;

export function entryIdOf(scope: string, openid: string): string {
  return `${scope}|${openid}`;
}

export const provinceScope = 'province:qh';

export function scopeOf(kind: 'province' | 'org' | 'group', id: string): string {
  return `${kind}:${id}`;
}

/** Group boards are small (a WeChat group holds 500): their ranks are index counts, not rank counts. */
export function isCountedScope(scope: string): boolean {
  return !scope.startsWith('group:');
}

/** The worker's scores on the scope's boards now; null for a period they have no points in. */
export function scoresOf(entry: BoardEntryDoc | undefined, now: Date): PeriodScores {
  if (!entry) return { day: null, week: null, all: null };
  return {
    day: entry.day === dayKey(now) ? entry.dayScore : null,
    week: entry.week === weekKey(now) ? entry.weekScore : null,
    all: entry.allScore,
  };
}

export function plus(scores: PeriodScores, points: number): PeriodScores {
  return { day: (scores.day ?? 0) + points, week: (scores.week ?? 0) + points, all: (scores.all ?? 0) + points };
}
