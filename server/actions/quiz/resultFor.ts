import type { AttemptResult, StoredAttemptResult } from '../../contracts/quiz';
import type { AttemptDoc } from '../../db/quiz/attempts';
import { findContest } from '../../db/quiz/contests';
import { contestEndOf, contestOverAt } from '../../domain/quiz/contestRules';
import { visibleResult } from '../../domain/quiz/resultReview';
import type { ActionContext } from '../../runtime/context';

/** A submitted paper's result as its worker may see it now (one more read for a contest paper: its end and title). */
export async function resultFor(ctx: ActionContext, attempt: Pick<AttemptDoc, 'kind' | 'contestId'>, result: StoredAttemptResult): Promise<AttemptResult> {
  const contest = attempt.kind === 'contest' && attempt.contestId ? await findContest(ctx.db, attempt.contestId) : null;
  return { ...visibleResult(result, contest ? contestOverAt(contestEndOf(contest)) : null, ctx.now), contestId: contest?._id ?? null, contestTitle: contest?.title ?? null };
}
