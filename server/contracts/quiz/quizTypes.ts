import type { HistoryKey } from '../content';

export type QuestionKind = 'single' | 'multiple' | 'judge';
export type AttemptKind = 'daily' | 'practice' | 'challenge' | 'contest';

/** A question as a worker sees it before answering: no answer, no explanation. */
export interface PublicQuestion {
  id: string;
  history: HistoryKey;
  type: QuestionKind;
  stem: string;
  /** In this attempt's shuffled order; `key` is a random id of this attempt, not the bank's letter. */
  options: Array<{ key: string; text: string }>;
}

export interface AttemptPaper {
  attemptId: string;
  kind: AttemptKind;
  questions: PublicQuestion[];
  startedAt: string;
  deadline: string;
  timeLimitSeconds: number;
}

/** A question after submission: the right answer and why. */
export interface ReviewItem extends PublicQuestion {
  chosen: string[];
  answer: string[];
  correct: boolean;
  explanation: string;
}

export interface RankSummary {
  rank: number;
  score: number;
}

export interface AttemptResult {
  attemptId: string;
  score: number;
  correctCount: number;
  total: number;
  timeUsedSeconds: number;
  pointsAwarded: number;
  review: ReviewItem[];
  /** The worker's place on today's province board after this paper (null with no points yet), and before it. */
  rank: RankSummary | null;
  rankBefore: RankSummary | null;
  /**
   * When the answers and explanations open (ISO time), or null when `review` holds them now. A
   * contest paper's review waits until no paper of the contest can still be submitted: until then
   * `review` is empty (even a verdict per question would name a judge question's key).
   */
  reviewOpensAt: string | null;
  /** A contest paper's contest and its title (its result is titled and shared by it, and links its ranking); null for other papers. */
  contestId: string | null;
  contestTitle: string | null;
}

/** A result as the attempt keeps it: always with the whole review. */
export type StoredAttemptResult = Omit<AttemptResult, 'reviewOpensAt' | 'contestId' | 'contestTitle'>;

export interface DailyStatus {
  day: string;
  state: 'none' | 'open' | 'submitted';
  attemptId: string | null;
  score: number | null;
  totalPoints: number;
  /** Days in a row with a submitted daily paper, up to today (or yesterday while today's is not done). */
  streak: number;
}
