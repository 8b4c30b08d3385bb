import type { listManagedContests as contract } from '../../contracts/quiz';
import { contestsCreatedBy } from '../../db/quiz/contests';
import type { Handler } from '../../runtime/router';
import { requireCadre } from './requireCadre';

export const listManagedContests: Handler<typeof contract> = async (_input, ctx) => {
  await requireCadre(ctx);
  const contests = await contestsCreatedBy(ctx.db, ctx.openid);
  return { contests: contests.map((c) => ({ id: c._id, title: c.title, startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString(), questionCount: c.questionCount, orgIds: c.orgIds })) };
};
