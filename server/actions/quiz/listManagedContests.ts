import type { listManagedContests as contract } from '../../contracts/quiz';
import { decodeCursor, encodeCursor } from '../../db/sortKeyCursor';
import { contestsCreatedBy, participantsOf } from '../../db/quiz/contests';
import { contestStatus } from '../../domain/quiz/contestRules';
import type { Handler } from '../../runtime/router';
import { requireCadre } from './requireCadre';

export const listManagedContests: Handler<typeof contract> = async (input, ctx) => {
  await requireCadre(ctx);
  // One more than asked tells whether another page exists without counting.
  const docs = await contestsCreatedBy(ctx.db, ctx.openid, decodeCursor(input.cursor), input.limit + 1);
  const page = docs.slice(0, input.limit);
  const last = page[page.length - 1];
  const counts = await participantsOf(ctx.db, page.map((c) => c._id));
  return {
    contests: page.map((c) => ({
      id: c._id,
      title: c.title,
      startsAt: c.startsAt.toISOString(),
      endsAt: c.endsAt.toISOString(),
      questionCount: c.questionCount,
      orgIds: c.orgIds,
      status: contestStatus(ctx.now, c.startsAt, c.endsAt),
      closedAt: c.closedAt ? c.closedAt.toISOString() : null,
      participants: counts.get(c._id) ?? 0,
    })),
    nextCursor: docs.length > input.limit && last ? encodeCursor(last.startsAt, last._id) : null,
  };
};
