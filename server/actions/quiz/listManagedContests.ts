import type { listManagedContests as contract } from '../../contracts/quiz';
import { decodeCursor, encodeCursor } from '../../db/sortKeyCursor';
import { contestsCreatedBy, contestsForOrgs, participantsOf, type ContestDoc } from '../../db/quiz/contests';
import { nicknamesOf } from '../../db/users';
import { contestStatus, mayCloseContest } from '../../domain/quiz/contestRules';
import { ActionError } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { contestCloser } from './contestCloser';
import { requireCadre } from './requireCadre';

/**
 * 'mine': the contests the caller created. 'managed' (admins only; anyone else is refused rather
 * than quietly shown their own): every contest for an organisation within their scope, so they
 * can find another cadre's contest to end. Each row says who created it and whether the caller
 * may end it, by the rule closeContest applies.
 */
export const listManagedContests: Handler<typeof contract> = async (input, ctx) => {
  await requireCadre(ctx);
  const closer = await contestCloser(ctx);
  if (input.scope === 'managed' && !closer.isAdmin) throw new ActionError('FORBIDDEN', '只有管理员可以查看管辖范围内的竞赛');
  const cursor = decodeCursor(input.cursor);
  // One more than asked tells whether another page exists without counting.
  const docs: ContestDoc[] =
    input.scope === 'managed'
      ? await contestsForOrgs(ctx.db, closer.wholeTree ? 'all' : [...closer.adminScope], cursor, input.limit + 1)
      : await contestsCreatedBy(ctx.db, ctx.openid, cursor, input.limit + 1);
  const page = docs.slice(0, input.limit);
  const last = page[page.length - 1];
  const [counts, nicknames] = await Promise.all([participantsOf(ctx.db, page.map((c) => c._id)), nicknamesOf(ctx.db, page.map((c) => c.createdBy))]);
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
      createdByMe: c.createdBy === ctx.openid,
      creatorNickname: nicknames.get(c.createdBy) ?? null,
      mayClose: mayCloseContest(c, closer),
    })),
    nextCursor: docs.length > input.limit && last ? encodeCursor(last.startsAt, last._id) : null,
  };
};
