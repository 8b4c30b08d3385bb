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
  /** Where the next page of places starts, null when this page is the last (a full page may be followed by an empty one). */
  nextCursor: string | null;
  /**
   * The worker's own line, named (nickname and avatar, shown pinned however far below the top);
   * rank null until they have points on this board. Null on a later page (it is read with the first).
   */
  me: { rank: number | null; score: number; nickname: string; avatarUrl: string | null } | null;
  groups: string[];
  /** Every board this worker can see, in switcher order. */
  scopes: BoardScopeOption[];
}
