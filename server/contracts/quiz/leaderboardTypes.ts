export interface BoardRow {
  rank: number;
  nickname: string;
  score: number;
  me: boolean;
}

export interface LeaderboardView {
  scope: 'province' | 'org' | 'group';
  period: 'day' | 'week' | 'all';
  scopeId: string;
  top: BoardRow[];
  /** Null until the worker has points on this board. */
  me: { rank: number; score: number } | null;
  groups: string[];
}
