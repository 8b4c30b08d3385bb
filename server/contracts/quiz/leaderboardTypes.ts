export interface BoardRow {
  rank: number;
  nickname: string;
  score: number;
  me: boolean;
  /** A temporary URL of the worker's stored avatar, or null (the page shows an initial). */
  avatarUrl: string | null;
}

/**
 * One board the worker may switch to: the province, their organisation and each parent below the
 * province (with its name), each remembered WeChat group (no name: WeChat shows it through
 * `<open-data type="groupName">`, code can never read it).
 */
export interface BoardScopeOption {
  scope: 'province' | 'org' | 'group';
  scopeId: string;
  name: string;
}

export interface LeaderboardView {
  scope: 'province' | 'org' | 'group';
  period: 'day' | 'week' | 'all';
  scopeId: string;
  top: BoardRow[];
  /** Null until the worker has points on this board. */
  me: { rank: number; score: number } | null;
  groups: string[];
  /** Every board this worker can see, in switcher order. */
  scopes: BoardScopeOption[];
}
