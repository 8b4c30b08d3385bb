import type { listContests as contract } from '../../contracts/quiz';
import { unfinishedContests } from '../../db/quiz/contests';
import { quizCollections } from '../../db/quiz/quizCollections';
import { contestAttemptId, isEligible } from '../../domain/quiz/contestRules';
import { provinceScopeId } from '../../points/boardKeys';
import { membershipsOf } from '../../points/memberships';
import type { Handler } from '../../runtime/router';

export const listContests: Handler<typeof contract> = async (_input, ctx) => {
  const { db, openid, now } = ctx;
  const [contests, member] = await Promise.all([unfinishedContests(db, now), membershipsOf(db, openid)]);
  const eligible = contests.filter((c) => isEligible(c.orgIds, [provinceScopeId, ...member.orgIds]));
  const _ = db.command;
  const ids = eligible.map((c) => contestAttemptId(c._id, openid));
  const { data } = ids.length ? await db.collection(quizCollections.attempts).where({ _id: _.in(ids) }).field({ _id: true }).limit(ids.length).get() : { data: [] };
  const attempted = new Set((data as Array<{ _id: string }>).map((d) => d._id));
  return {
    contests: eligible.map((c) => ({
      id: c._id,
      title: c.title,
      startsAt: c.startsAt.toISOString(),
      endsAt: c.endsAt.toISOString(),
      histories: c.histories,
      questionCount: c.questionCount,
      timeLimitSeconds: c.timeLimitSeconds,
      orgIds: c.orgIds,
      attempted: attempted.has(contestAttemptId(c._id, openid)),
    })),
  };
};
