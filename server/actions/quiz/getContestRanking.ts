import { getContestRanking as contract } from '../../contracts/quiz';
import type { ContestRanking, ContestRankRow } from '../../contracts/quiz';
import { contestRank, findContest } from '../../db/quiz/contests';
import { topOfBoard } from '../../db/quiz/leaderboards';
import { pointsCollections } from '../../points/pointsCollections';
import { findAttempt } from '../../db/quiz/attempts';
import { rolesOf } from '../../db/users';
import { contestAttemptId, contestBoardKey, isEligible } from '../../domain/quiz/contestRules';
import { entryId, provinceScopeId } from '../../points/boardKeys';
import { membershipsOf } from '../../points/memberships';
import { failWith } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';
import type { Handler } from '../../runtime/router';

type ContestEntry = { openid: string; nickname: string; score: number; paperScore: number; timeUsedSeconds: number };

export const getContestRanking: Handler<typeof contract> = async (input, ctx) => {
  const { db, openid } = ctx;
  const contest = await findContest(db, input.contestId);
  if (!contest) throw failWith(contract, 'CONTEST_NOT_FOUND', '没有找到这个竞赛');
  if (!(await maySeeRanking(ctx, contest))) throw failWith(contract, 'NOT_ELIGIBLE', '只有参赛职工和竞赛所属工会的干部可以查看排名');
  const key = contestBoardKey(contest._id);
  const [top, own] = await Promise.all([
    topOfBoard(db, key, 100) as unknown as Promise<ContestEntry[]>,
    db.collection(pointsCollections.boards).where({ _id: entryId(key, openid) }).limit(1).get(),
  ]);
  const rows: ContestRankRow[] = top.map((e, i) => ({ rank: i + 1, nickname: e.nickname, score: e.paperScore, timeUsedSeconds: e.timeUsedSeconds, me: e.openid === openid }));
  let me: ContestRanking['me'] = null;
  const entry = own.data[0] as ContestEntry | undefined;
  // The rank sums the contest's rank counts (never a count over every entry above).
  if (entry) me = { rank: await contestRank(db, key, entry.score), score: entry.paperScore, timeUsedSeconds: entry.timeUsedSeconds };
  return { contestId: contest._id, top: rows, me };
};

/** Whoever took part, whoever it is open to (approved membership), and cadres or admins of its organisations. */
async function maySeeRanking(ctx: ActionContext, contest: { _id: string; orgIds: string[] }): Promise<boolean> {
  const [attempt, member, roles] = await Promise.all([findAttempt(ctx.db, contestAttemptId(contest._id, ctx.openid)), membershipsOf(ctx.db, ctx.openid), rolesOf(ctx.db, ctx.openid)]);
  if (attempt) return true;
  if (isEligible(contest.orgIds, [provinceScopeId, ...member.orgIds])) return true;
  return roles.some((r) => (r.role === 'admin' && !r.orgId) || ((r.role === 'cadre' || r.role === 'admin') && r.orgId !== null && contest.orgIds.includes(r.orgId)));
}
