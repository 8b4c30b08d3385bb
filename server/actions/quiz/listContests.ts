import type { listContests as contract } from '../../contracts/quiz';
import { unfinishedContestsFor } from '../../db/quiz/contestsOpenTo';
import { quizCollections } from '../../db/quiz/quizCollections';
import { decodeCursor, encodeCursor } from '../../db/sortKeyCursor';
import { contestAttemptId } from '../../domain/quiz/contestRules';
import { provinceScopeId } from '../../points/boardKeys';
import { membershipsOf } from '../../points/memberships';
import type { Handler } from '../../runtime/router';

export const listContests: Handler<typeof contract> = async (input, ctx) => {
  const { db, openid, now } = ctx;
  const member = await membershipsOf(db, openid);
  // The chain isEligible accepts: the province's contests and those of the worker's organisations.
  // One more than asked tells whether another page exists without counting.
  const docs = await unfinishedContestsFor(db, [provinceScopeId, ...member.orgIds], now, decodeCursor(input.cursor), input.limit + 1);
  const page = docs.slice(0, input.limit);
  const last = page[page.length - 1];
  const _ = db.command;
  const ids = page.map((c) => contestAttemptId(c._id, openid));
  const { data } = ids.length ? await db.collection(quizCollections.attempts).where({ _id: _.in(ids) }).field({ _id: true }).limit(ids.length).get() : { data: [] };
  const attempted = new Set((data as Array<{ _id: string }>).map((d) => d._id));
  return {
    contests: page.map((c) => ({
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
    nextCursor: docs.length > input.limit && last ? encodeCursor(last.endsAt, last._id) : null,
  };
};
