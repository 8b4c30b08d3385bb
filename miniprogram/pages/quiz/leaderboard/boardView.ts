import type { LeaderboardView } from '../../../../server/contracts/quiz';

export const scopeTabs = [
  { key: 'province', name: '全省' },
  { key: 'org', name: '本单位工会' },
  { key: 'group', name: '本群' },
] as const;
export const periodTabs = [
  { key: 'day', name: '今日' },
  { key: 'week', name: '本周' },
  { key: 'all', name: '总榜' },
] as const;

export interface BoardRowView {
  key: string;
  rank: number;
  nickname: string;
  score: number;
  me: boolean;
}

/** The rows and the worker's own line as the page renders them (about 60 bytes a row). */
export function boardView(view: LeaderboardView): { rows: BoardRowView[]; myRank: string; myScore: number } {
  return {
    rows: view.top.map((r, i) => ({ key: `${i}`, rank: r.rank, nickname: r.nickname, score: r.score, me: r.me })),
    myRank: view.me ? `第 ${view.me.rank} 名` : '暂未上榜',
    myScore: view.me?.score ?? 0,
  };
}
