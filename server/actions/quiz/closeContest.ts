import { closeContest as contract } from '../../contracts/quiz';
import { closeContestAt, contestsOverAt, findContest, type ContestDoc } from '../../db/quiz/contests';
import { releaseClosedContest } from '../../db/quiz/servablePool';
import { writeAudit } from '../../db/requests/requestStore';
import { contestEndOf, contestOverAt, mayCloseContest } from '../../domain/quiz/contestRules';
import { ActionError, failWith } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';
import type { Handler } from '../../runtime/router';
import { contestCloser } from './contestCloser';

/**
 * Ends a running contest now. Its end becomes the close: no one starts it any more, papers being
 * answered have the hand-in window (closeHandInSeconds, plus the usual grace) to be handed in and
 * later ones are refused, so the ranking settles then, and answers open only after it. Its questions are released from the sealed pool as at its
 * end, except those another contest still holds. A repeat (or a contest already over) changes nothing.
 */
export const closeContest: Handler<typeof contract> = async (input, ctx) => {
  const contest = await findContest(ctx.db, input.contestId);
  if (!contest) throw failWith(contract, 'CONTEST_NOT_FOUND', '没有找到这个竞赛');
  await requireMayClose(ctx, contest);
  const { now } = ctx;
  if (now.getTime() < contest.startsAt.getTime()) throw failWith(contract, 'CONTEST_NOT_STARTED', '竞赛尚未开始,不能结束');
  const closed = now.getTime() < contest.endsAt.getTime() && (await closeContestAt(ctx.db, contest._id, now, ctx.openid));
  if (!closed) {
    // Already over (at its planned end, or closed by someone else): nothing more to do.
    const stored = (await findContest(ctx.db, contest._id)) ?? contest;
    // A repeat finishes a release an earlier close may not have (it only ever brings a seal forward).
    if (stored.closedAt) await releaseClosedContest(ctx.db, stored, contestOverAt(contestEndOf(stored)), (ids) => contestsOverAt(ctx.db, ids));
    return { contestId: contest._id, endsAt: stored.endsAt.toISOString(), closedAt: stored.closedAt ? stored.closedAt.toISOString() : null, alreadyEnded: true };
  }
  await writeAudit(ctx.db, { at: now, actorOpenid: ctx.openid, action: 'contest.close', target: contest._id, ...(contest.orgIds[0] ? { orgId: contest.orgIds[0] } : {}) });
  await releaseClosedContest(ctx.db, contest, contestOverAt({ endsAt: now, closedEarly: true }), (ids) => contestsOverAt(ctx.db, ids));
  return { contestId: contest._id, endsAt: now.toISOString(), closedAt: now.toISOString(), alreadyEnded: false };
};

/** Its creator while still a cadre or an admin, or an admin whose organisations cover every one it is for. */
async function requireMayClose(ctx: ActionContext, contest: ContestDoc): Promise<void> {
  if (mayCloseContest(contest, await contestCloser(ctx))) return;
  throw new ActionError('FORBIDDEN', '只有竞赛的创建者或管辖这些组织的管理员可以结束竞赛');
}
