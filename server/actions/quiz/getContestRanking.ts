import { getContestRanking as contract } from '../../contracts/quiz';
import type { ContestRanking, ContestRankRow } from '../../contracts/quiz';
import { boardAvatars } from '../../db/quiz/boardAvatars';
import { contestRank, findContest } from '../../db/quiz/contests';
import { boardEntriesAfter, topOfBoard } from '../../db/quiz/leaderboards';
import { pointsCollections } from '../../points/pointsCollections';
import { findAttempt } from '../../db/quiz/attempts';
import { findUser, rolesOf } from '../../db/users';
import { DEFAULT_NICKNAME } from '../../domain/account/nicknames';
import { contestAttemptId, contestBoardKey, isEligible } from '../../domain/quiz/contestRules';
import { entryId, provinceScopeId } from '../../points/boardKeys';
import { decodeBoardCursor } from '../../points/boardCursor';
import { rankPage } from '../../points/boardPaging';
import { membershipsOf } from '../../points/memberships';
import { failWith } from '../../runtime/actionError';
import type { ActionContext } from '../../runtime/context';
import type { Handler } from '../../runtime/router';

/** A contest entry: `score` is the sort score (paper score, then time), `paperScore` the paper's own. */
type ContestEntry = { _id: string; openid: string; nickname: string; score: number; paperScore: number; timeUsedSeconds: number };

const pageSize = 100;

/**
 * A fixed number of reads however many take part: the contest and who may see it, a page of 100
 * places (one index walk, or two after a cursor) and their avatars; with the first page the
 * worker's own entry, name and rank (the contest's rank counts, never a count over every entry).
 */
export const getContestRanking: Handler<typeof contract> = async (input, ctx) => {
  const { db, openid } = ctx;
  const contest = await findContest(db, input.contestId);
  if (!contest) throw failWith(contract, 'CONTEST_NOT_FOUND', '没有找到这个竞赛');
  if (!(await maySeeRanking(ctx, contest))) throw failWith(contract, 'NOT_ELIGIBLE', '只有参赛职工和竞赛所属工会的干部可以查看排名');
  const key = contestBoardKey(contest._id);
  const after = decodeBoardCursor(input.cursor);
  const [places, own, user] = await Promise.all([
    (after ? boardEntriesAfter(db, key, after, pageSize) : topOfBoard(db, key, pageSize)) as unknown as Promise<ContestEntry[]>,
    after ? null : db.collection(pointsCollections.boards).where({ _id: entryId(key, openid) }).limit(1).get(),
    after ? null : findUser(db, openid),
  ]);
  const entry = own?.data[0] as ContestEntry | undefined;
  // The viewer's user document, read with the first page, is only linked.
  const known = after ? undefined : { _id: openid, avatarFileId: user?.avatarFileId ?? null };
  const [avatars, rank] = await Promise.all([boardAvatars(db, places.map((p) => p.openid), known), entry ? contestRank(db, key, entry.score) : null]);
  const { ranks, next } = rankPage(places.map((p) => ({ id: p._id, score: p.score })), after, pageSize);
  const top = places.map((e, i): ContestRankRow => ({ rank: ranks[i] as number, nickname: e.nickname, avatarUrl: avatars.get(e.openid) ?? null, score: e.paperScore, timeUsedSeconds: e.timeUsedSeconds, me: e.openid === openid }));
  const me: ContestRanking['me'] = after
    ? null
    : { rank, score: entry?.paperScore ?? 0, timeUsedSeconds: entry?.timeUsedSeconds ?? 0, nickname: user?.nickname ?? entry?.nickname ?? DEFAULT_NICKNAME, avatarUrl: avatars.get(openid) ?? null };
  return { contestId: contest._id, title: contest.title, top, nextCursor: next, me };
};

/** Whoever took part, whoever it is open to (approved membership), and cadres or admins of its organisations. */
async function maySeeRanking(ctx: ActionContext, contest: { _id: string; orgIds: string[] }): Promise<boolean> {
  const [attempt, member, roles] = await Promise.all([findAttempt(ctx.db, contestAttemptId(contest._id, ctx.openid)), membershipsOf(ctx.db, ctx.openid), rolesOf(ctx.db, ctx.openid)]);
  if (attempt) return true;
  if (isEligible(contest.orgIds, [provinceScopeId, ...member.orgIds])) return true;
  return roles.some((r) => (r.role === 'admin' && !r.orgId) || ((r.role === 'cadre' || r.role === 'admin') && r.orgId !== null && contest.orgIds.includes(r.orgId)));
}
