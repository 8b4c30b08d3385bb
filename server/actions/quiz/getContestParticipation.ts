import { getContestParticipation as contract } from '../../contracts/quiz';
import { findContest, participantsOf } from '../../db/quiz/contests';
import { decodeTallyCursor, encodeTallyCursor, tallyPage } from '../../db/quiz/contestTallies';
import { orgNames } from '../../db/orgs';
import { ActionError, failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { requireCadre } from './requireCadre';

/**
 * A page of a contest's organisations by participants: one index walk of the contest's tallies,
 * the page's organisation names by id, and the total from the contest's rank counts (at most
 * 20 × 32 documents): the same reads at 300 participants as at 300,000, with no cap on organisations.
 */
export const getContestParticipation: Handler<typeof contract> = async (input, ctx) => {
  const cadre = await requireCadre(ctx);
  const contest = await findContest(ctx.db, input.contestId);
  if (!contest) throw failWith(contract, 'CONTEST_NOT_FOUND', '没有找到这个竞赛');
  if (!cadre.isAdmin && !contest.orgIds.some((o) => cadre.orgIds.has(o))) throw new ActionError('FORBIDDEN', '只能查看本组织的竞赛');
  // One more than asked tells whether another page exists without counting.
  const [docs, totals] = await Promise.all([tallyPage(ctx.db, contest._id, decodeTallyCursor(input.cursor), input.limit + 1), participantsOf(ctx.db, [contest._id])]);
  const page = docs.slice(0, input.limit);
  const names = await orgNames(
    ctx.db,
    page.flatMap((t) => (t.orgId ? [t.orgId] : [])),
  );
  const last = page[page.length - 1];
  return {
    contestId: contest._id,
    rows: page.map((t) => ({
      orgId: t.orgId,
      orgName: t.orgId ? (names.get(t.orgId) ?? t.orgId) : '未选择组织',
      participants: t.participants,
      averageScore: Math.round(t.scoreSum / t.participants),
    })),
    total: totals.get(contest._id) ?? 0,
    nextCursor: docs.length > input.limit && last ? encodeTallyCursor(last.participants, last._id) : null,
  };
};
