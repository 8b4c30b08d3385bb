import { getContestParticipation as contract } from '../../contracts/quiz';
import { contestParticipationByOrg, findContest } from '../../db/quiz/contests';
import { listAllOrgs } from '../../db/orgs';
import { contestBoardKey } from '../../domain/quiz/contestRules';
import { ActionError, failWith } from '../../runtime/actionError';
import type { Handler } from '../../runtime/router';
import { requireCadre } from './requireCadre';

export const getContestParticipation: Handler<typeof contract> = async (input, ctx) => {
  const cadre = await requireCadre(ctx);
  const contest = await findContest(ctx.db, input.contestId);
  if (!contest) throw failWith(contract, 'CONTEST_NOT_FOUND', '没有找到这个竞赛');
  if (!cadre.isAdmin && !contest.orgIds.some((o) => cadre.orgIds.has(o))) throw new ActionError('FORBIDDEN', '只能查看本组织的竞赛');
  const [groups, orgs] = await Promise.all([contestParticipationByOrg(ctx.db, contestBoardKey(contest._id)), listAllOrgs(ctx.db)]);
  const names = new Map(orgs.map((o) => [o._id, o.name]));
  const rows = groups
    .map((g) => ({ orgId: g.orgId, orgName: g.orgId ? (names.get(g.orgId) ?? g.orgId) : '未选择组织', participants: g.participants, averageScore: Math.round(g.averageScore) }))
    .sort((a, b) => b.participants - a.participants);
  return { contestId: contest._id, rows, total: rows.reduce((n, r) => n + r.participants, 0) };
};
