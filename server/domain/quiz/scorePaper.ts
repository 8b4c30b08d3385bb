import type { ReviewItem } from '../../contracts/quiz/quizTypes';
import { toReview, type PaperQuestion } from './paperQuestions';

export interface ScoredPaper {
  review: ReviewItem[];
  correctCount: number;
  /** Out of 100, rounded. */
  score: number;
  /** One point per right answer. */
  points: number;
}

export type PaperCheck = { ok: true; scored: ScoredPaper } | { ok: false; unknown: string[] };

/** Scores the answers against the paper; an answer to a question not on the paper is refused. */
export function scorePaper(paper: readonly PaperQuestion[], answers: ReadonlyArray<{ questionId: string; choice: readonly string[] }>): PaperCheck {
  const onPaper = new Set(paper.map((q) => q.id));
  const unknown = answers.filter((a) => !onPaper.has(a.questionId)).map((a) => a.questionId);
  if (unknown.length > 0) return { ok: false, unknown };
  const chosen = new Map(answers.map((a) => [a.questionId, a.choice]));
  const review = paper.map((q) => toReview(q, chosen.get(q.id) ?? []));
  const correctCount = review.filter((r) => r.correct).length;
  const score = paper.length === 0 ? 0 : Math.round((correctCount / paper.length) * 100);
  return { ok: true, scored: { review, correctCount, score, points: correctCount } };
}
