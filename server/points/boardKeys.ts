import { periodKey, periods, type Period } from './periodKeys';

/**
 * Board-entry design (read by the leaderboards, written by awardPoints): one document per
 * (board, worker) in `leaderboards`, `_id` = `<boardKey>|<openid>`, `{ boardKey, openid, score,
 * nickname }`. A board is scope × period instance, e.g. `org:qh-xining:week:W2026-11-23`.
 * The index boardKey_1_score_-1__id_-1 serves both the top 100 and the rank count (score > mine).
 */
export const scopes = ['province', 'org', 'group'] as const;
export type Scope = (typeof scopes)[number];

/** The province has one board per period; its scope id is fixed. */
export const provinceScopeId = 'qh';

export function boardKey(scope: Scope, scopeId: string, period: Period, now: Date): string {
  return `${scope}:${scopeId}:${period}:${periodKey(period, now)}`;
}

export function entryId(key: string, openid: string): string {
  return `${key}|${openid}`;
}

export interface BoardMemberships {
  orgIds: readonly string[];
  groupIds: readonly string[];
}

/** Every board a point earned now counts for: (province, orgs, groups) × (day, week, all). */
export function boardsFor(memberships: BoardMemberships, now: Date): string[] {
  const owners: Array<[Scope, string]> = [['province', provinceScopeId], ...memberships.orgIds.map((o): [Scope, string] => ['org', o]), ...memberships.groupIds.map((g): [Scope, string] => ['group', g])];
  return owners.flatMap(([scope, scopeId]) => periods.map((period) => boardKey(scope, scopeId, period, now)));
}

export interface BoardEntryDoc {
  _id: string;
  boardKey: string;
  openid: string;
  score: number;
  nickname: string;
  /** Marks of the latest awards added (awardMark), so a retried award is added once. */
  awards?: string[];
}
