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
  score: number;
  timeUsedSeconds: number;
  me: boolean;
}

export interface ContestRanking {
  contestId: string;
  top: ContestRankRow[];
  me: { rank: number; score: number; timeUsedSeconds: number } | null;
}
