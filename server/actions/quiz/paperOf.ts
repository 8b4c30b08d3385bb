import type { AttemptPaper } from '../../contracts/quiz';
import type { AttemptDoc } from '../../db/quiz/attempts';
import { toPublic } from '../../domain/quiz/paperQuestions';

/** The only view of an open attempt that leaves the server: no answers, no explanations. */
export function paperOf(attempt: AttemptDoc): AttemptPaper {
  return {
    attemptId: attempt._id,
    kind: attempt.kind,
    questions: attempt.paper.map(toPublic),
    startedAt: attempt.startedAt.toISOString(),
    deadline: attempt.deadline.toISOString(),
    timeLimitSeconds: attempt.timeLimitSeconds,
  };
}
