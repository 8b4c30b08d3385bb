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

/** A page of places as rows; `offset` (how many rows are shown already) keeps their keys unique. */
export function rowViews(top: LeaderboardView['top'], offset: number): BoardRowView[] {
  return top.map((row, i) => ({ key: `${offset + i}`, rank: row.rank, nickname: row.nickname, initial: initialOf(row.nickname), avatarUrl: row.avatarUrl ?? '', score: row.score, detail: '', me: row.me }));
}

/** The podium (the first three places), the rest of the first page and the worker's pinned line, named. */
export function boardView(view: LeaderboardView): BoardPageView {
  const all = rowViews(view.top, 0);
  const nickname = view.me?.nickname ?? '我';
  return {
    podium: all.slice(0, 3),
    rows: all.slice(3),
    nextCursor: view.nextCursor ?? '',
    myRank: view.me?.rank ? `第 ${view.me.rank} 名` : '暂未上榜',
    myScore: view.me?.score ?? 0,
    myName: nickname,
    myInitial: initialOf(nickname),
    myAvatarUrl: view.me?.avatarUrl ?? '',
  };
}

/** Time used as a worker reads it: 45 秒, 2 分 05 秒. */
export function timeUsedText(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `用时 ${m} 分 ${String(s).padStart(2, '0')} 秒` : `用时 ${s} 秒`;
}

/** A page of a contest's places as rows: the paper's score, then the time that breaks ties. */
export function contestRowViews(top: ContestRanking['top'], offset: number): BoardRowView[] {
  return top.map((row, i) => ({ key: `${offset + i}`, rank: row.rank, nickname: row.nickname, initial: initialOf(row.nickname), avatarUrl: row.avatarUrl ?? '', score: row.score, detail: timeUsedText(row.timeUsedSeconds), me: row.me }));
}

/** A contest's ranking: the podium, the rest of the first page and the worker's own place (or that they took no part). */
export function contestBoardView(view: ContestRanking): BoardPageView {
  const all = contestRowViews(view.top, 0);
  const nickname = view.me?.nickname ?? '我';
  return {
    podium: all.slice(0, 3),
    rows: all.slice(3),
    nextCursor: view.nextCursor ?? '',
    myRank: view.me?.rank ? `第 ${view.me.rank} 名 · ${timeUsedText(view.me.timeUsedSeconds)}` : '未参加这场竞赛',
    myScore: view.me?.score ?? 0,
    myName: nickname,
    myInitial: initialOf(nickname),
    myAvatarUrl: view.me?.avatarUrl ?? '',
  };
}
