import type { AttemptResult, StoredAttemptResult } from '../../contracts/quiz/quizTypes';

/**
 * The result as its worker may see it at `now`. The score comes at once; a review that opens later
 * (a contest paper's, at the contest's end) is held back whole until then, since answers,
 * explanations and even per-question verdicts would give the key to those still answering.
 */
export function visibleResult(result: StoredAttemptResult, reviewOpensAt: Date | null, now: Date): Omit<AttemptResult, 'contestId' | 'contestTitle'> {
  if (reviewOpensAt === null || now.getTime() >= reviewOpensAt.getTime()) return { ...result, reviewOpensAt: null };
  return { ...result, review: [], reviewOpensAt: reviewOpensAt.toISOString() };
}
