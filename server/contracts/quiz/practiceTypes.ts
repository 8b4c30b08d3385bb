import type { PublicQuestion } from './quizTypes';

/** The server's verdict on one answer, with the right answer and why (the question is answered). */
export interface AnswerVerdict {
  questionId: string;
  correct: boolean;
  answer: string[];
  explanation: string;
  pointsAwarded: number;
}

export interface ChallengeStep extends AnswerVerdict {
  attemptId: string;
  streak: number;
  finished: boolean;
  /** Only after a right answer: the next question. */
  next: PublicQuestion | null;
}

export interface WrongBookItem {
  questionId: string;
  history: PublicQuestion['history'];
  stem: string;
  wrongCount: number;
  rightStreak: number;
}
