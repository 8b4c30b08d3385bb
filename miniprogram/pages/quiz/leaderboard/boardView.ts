import type { BoardScopeOption, LeaderboardView } from '../../../../server/contracts/quiz';

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
  myRank: string;
  myScore: number;
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

function rowView(row: LeaderboardView['top'][number], i: number): BoardRowView {
  return { key: `${i}`, rank: row.rank, nickname: row.nickname, initial: Array.from(row.nickname)[0] ?? '职', avatarUrl: row.avatarUrl ?? '', score: row.score, me: row.me };
}

/** The podium (the first three places), the rest of the top 100 and the worker's pinned line. */
export function boardView(view: LeaderboardView): BoardPageView {
  const all = view.top.map(rowView);
  const mine = all.find((r) => r.me);
  return {
    podium: all.slice(0, 3),
    rows: all.slice(3),
    myRank: view.me ? `第 ${view.me.rank} 名` : '暂未上榜',
    myScore: view.me?.score ?? 0,
    myInitial: mine?.initial ?? '我',
    myAvatarUrl: mine?.avatarUrl ?? '',
  };
}
