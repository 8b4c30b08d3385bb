import type { HistoryKey } from '../content';

export interface ContestSummary {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  histories: HistoryKey[];
  questionCount: number;
  timeLimitSeconds: number;
  orgIds: string[];
  /** The worker's attempt, if any. */
  attempted: boolean;
}

export interface ContestRankRow {
  rank: number;
  nickname: string;
  /** A temporary URL of the worker's stored avatar, or null (the page shows an initial). */
  avatarUrl: string | null;
  score: number;
  timeUsedSeconds: number;
  me: boolean;
}

export interface ContestRanking {
  contestId: string;
  /** The contest's title (the ranking page is titled by it). */
  title: string;
  top: ContestRankRow[];
  /** Where the next page of places starts, null when this page is the last (a full page may be followed by an empty one). */
  nextCursor: string | null;
  /** The worker's own line, named; rank null when they took no part. Null on a later page (it is read with the first). */
  me: { rank: number | null; score: number; timeUsedSeconds: number; nickname: string; avatarUrl: string | null } | null;
}
