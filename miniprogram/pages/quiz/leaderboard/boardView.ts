import type { BoardScopeOption, ContestRanking, LeaderboardView } from '../../../../server/contracts/quiz';

export const periodTabs = [
  { key: 'day', name: '今日' },
  { key: 'week', name: '本周' },
  { key: 'all', name: '总榜' },
] as const;

export interface BoardRowView {
  key: string;
  rank: number;
  nickname: string;
  /** The first character of the nickname, shown when there is no stored avatar. */
  initial: string;
  avatarUrl: string;
  score: number;
  /** What else places the row: a contest's time used ('' on a points board). */
  detail: string;
  me: boolean;
}

export interface ScopeChip {
  key: string;
  scope: BoardScopeOption['scope'];
  scopeId: string;
  name: string;
}

export interface BoardPageView {
  podium: BoardRowView[];
  rows: BoardRowView[];
  /** Where the next page of places starts, '' when the board is all shown. */
  nextCursor: string;
  myRank: string;
  myScore: number;
  myName: string;
  myInitial: string;
  myAvatarUrl: string;
}

export function chipKey(scope: string, scopeId: string): string {
  return `${scope}:${scopeId}`;
}

/** The switcher: 全省, my organisation and its parents, each remembered group (named by open-data). */
export function scopeChips(scopes: BoardScopeOption[]): ScopeChip[] {
  return scopes.map((s) => ({ key: chipKey(s.scope, s.scopeId), scope: s.scope, scopeId: s.scopeId, name: s.name }));
}

function initialOf(nickname: string): string {
  return Array.from(nickname)[0] ?? '职';
}

type PlaceRow = { rank: number; nickname: string; avatarUrl: string | null; score: number; me: boolean };

/** A page of places as rows; `offset` (how many rows are shown already) keeps their keys unique. */
function placeViews<R extends PlaceRow>(top: readonly R[], offset: number, detail: (row: R) => string): BoardRowView[] {
  return top.map((row, i) => ({ key: `${offset + i}`, rank: row.rank, nickname: row.nickname, initial: initialOf(row.nickname), avatarUrl: row.avatarUrl ?? '', score: row.score, detail: detail(row), me: row.me }));
}

/** The podium (the first three places), the rest of the first page and the worker's pinned line, named. */
function pageView(all: BoardRowView[], nextCursor: string | null, me: { nickname: string; score: number; avatarUrl: string | null } | null, myRank: string): BoardPageView {
  const nickname = me?.nickname ?? '我';
  return { podium: all.slice(0, 3), rows: all.slice(3), nextCursor: nextCursor ?? '', myRank, myScore: me?.score ?? 0, myName: nickname, myInitial: initialOf(nickname), myAvatarUrl: me?.avatarUrl ?? '' };
}

/** A page of a points board's places as rows. */
export function rowViews(top: LeaderboardView['top'], offset: number): BoardRowView[] {
  return placeViews(top, offset, () => '');
}

/** A points board: podium, rows and the worker's line. */
export function boardView(view: LeaderboardView): BoardPageView {
  return pageView(rowViews(view.top, 0), view.nextCursor, view.me, view.me?.rank ? `第 ${view.me.rank} 名` : '暂未上榜');
}

/** Time used as a worker reads it: 45 秒, 2 分 05 秒. */
export function timeUsedText(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `用时 ${m} 分 ${String(s).padStart(2, '0')} 秒` : `用时 ${s} 秒`;
}

/** A page of a contest's places as rows: the paper's score, then the time that breaks ties. */
export function contestRowViews(top: ContestRanking['top'], offset: number): BoardRowView[] {
  return placeViews(top, offset, (row) => timeUsedText(row.timeUsedSeconds));
}

/** A contest's ranking: podium, rows and the worker's own place (or that they took no part). */
export function contestBoardView(view: ContestRanking): BoardPageView {
  const me = view.me;
  return pageView(contestRowViews(view.top, 0), view.nextCursor, me, me?.rank ? `第 ${me.rank} 名 · ${timeUsedText(me.timeUsedSeconds)}` : '未参加这场竞赛');
}
